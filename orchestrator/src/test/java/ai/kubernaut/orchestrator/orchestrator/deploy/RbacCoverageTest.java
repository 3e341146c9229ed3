package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.orchestrator.deploy.RbacCoverage.Allowance;
import ai.kubernaut.orchestrator.orchestrator.deploy.RbacCoverage.Grant;
import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The RBAC-by-calls helper, on synthetic call sets and RBAC YAML. */
class RbacCoverageTest {

  private static final String ROLES =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: example
      rules:
        - apiGroups: ["kubernaut.ai"]
          resources: ["remediationrequests"]
          verbs: ["get", "list", "watch"]
        - apiGroups: ["kubernaut.ai"]
          resources: ["remediationrequests/status"]
          verbs: ["update"]
        - apiGroups: [""]
          resources: ["events"]
          verbs: ["create"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: leases
        namespace: ops
      rules:
        - apiGroups: ["coordination.k8s.io"]
          resources: ["leases"]
          resourceNames: ["the-lease"]
          verbs: ["get", "patch"]
      """;

  private static final List<Grant> GRANTS = RbacCoverage.grantsOf(DeployManifests.parse(ROLES));

  @Test
  void expandsRulesIntoOneGrantPerVerbAndResource() {
    assertThat(GRANTS)
        .extracting(Grant::key)
        .containsExactly(
            "get kubernaut.ai remediationrequests",
            "list kubernaut.ai remediationrequests",
            "watch kubernaut.ai remediationrequests",
            "update kubernaut.ai remediationrequests/status",
            "create \"\" events",
            "get coordination.k8s.io leases",
            "patch coordination.k8s.io leases");
    assertThat(GRANTS).extracting(Grant::source).contains("ClusterRole/example", "Role/leases");
  }

  @Test
  void isCleanWhenCallsAndGrantsMatchExactly() {
    Set<ApiCall> calls =
        Set.of(
            ApiCall.of("get", "kubernaut.ai", "remediationrequests"),
            ApiCall.of("list", "kubernaut.ai", "remediationrequests"),
            ApiCall.of("watch", "kubernaut.ai", "remediationrequests"),
            new ApiCall("update", "kubernaut.ai", "remediationrequests", "status"),
            ApiCall.of("create", "", "events"),
            ApiCall.of("get", "coordination.k8s.io", "leases"),
            ApiCall.of("patch", "coordination.k8s.io", "leases"));

    RbacCoverage.Report report = RbacCoverage.check(calls, GRANTS, List.of());

    assertThat(report.isClean()).as(report.describe()).isTrue();
  }

  @Test
  void reportsACallNoRuleGrantsIncludingTheWrongSubresource() {
    Set<ApiCall> calls =
        Set.of(
            ApiCall.of("get", "kubernaut.ai", "remediationrequests"),
            new ApiCall("patch", "kubernaut.ai", "remediationrequests", "status"),
            ApiCall.of("update", "kubernaut.ai", "remediationrequests"));

    RbacCoverage.Report report = RbacCoverage.check(calls, GRANTS, List.of());

    assertThat(report.notGranted())
        .containsExactlyInAnyOrder(
            new ApiCall("patch", "kubernaut.ai", "remediationrequests", "status"),
            ApiCall.of("update", "kubernaut.ai", "remediationrequests"));
    assertThat(report.describe()).contains("patch kubernaut.ai remediationrequests/status");
  }

  @Test
  void reportsGrantsNoCallUsedExceptAllowListedOnes() {
    Set<ApiCall> calls = Set.of(ApiCall.of("get", "kubernaut.ai", "remediationrequests"));
    List<Allowance> allow =
        List.of(new Allowance("create", "", "events", "emitted only on transitions"));

    RbacCoverage.Report report = RbacCoverage.check(calls, GRANTS, allow);

    assertThat(report.notGranted()).isEmpty();
    assertThat(report.unused())
        .extracting(Grant::key)
        .containsExactly(
            "get coordination.k8s.io leases",
            "list kubernaut.ai remediationrequests",
            "patch coordination.k8s.io leases",
            "update kubernaut.ai remediationrequests/status",
            "watch kubernaut.ai remediationrequests");
    assertThat(report.allowedUnused())
        .extracting(Allowance::key)
        .containsExactly("create \"\" events");
    assertThat(report.isClean()).isFalse();
  }

  @Test
  void wildcardsGrantEverythingTheyCover() {
    List<Grant> wide =
        List.of(
            new Grant("*", "kubernaut.ai", "*", "ClusterRole/wide"),
            new Grant("update", "kubernaut.ai", "*/status", "ClusterRole/wide"));

    RbacCoverage.Report report =
        RbacCoverage.check(
            Set.of(
                ApiCall.of("delete", "kubernaut.ai", "aianalyses"),
                new ApiCall("update", "kubernaut.ai", "aianalyses", "status"),
                ApiCall.of("create", "", "events")),
            wide,
            List.of());

    assertThat(report.notGranted()).containsExactly(ApiCall.of("create", "", "events"));
    assertThat(report.unused()).isEmpty();
  }

  @Test
  void anAllowListEntryNeedsAReason() {
    assertThatThrownBy(() -> new Allowance("get", "", "pods", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
  }
}
