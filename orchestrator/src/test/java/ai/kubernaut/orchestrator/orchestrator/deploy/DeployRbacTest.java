package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/base RBAC is least privilege: no wildcards, Leases only through the namespaced Role, and
 * exactly the calls the orchestrator's code makes ({@link OrchestratorApiCalls}) until the lead's
 * end-to-end run feeds the recorded ones through the same {@link RbacCoverage#check}.
 */
public class DeployRbacTest {

  private static final Path BASE = DeployManifests.deploy().resolve("base");

  public static List<HasMetadata> rbac() {
    return DeployManifests.orchestratorRbac();
  }

  @Test
  void grantsExactlyTheCallsTheCodeMakesPlusTheAllowList() {
    RbacCoverage.Report report =
        RbacCoverage.check(
            OrchestratorApiCalls.FROM_CODE,
            RbacCoverage.grantsOf(rbac()),
            RbacCoverage.ORCHESTRATOR_ALLOW_LIST);

    assertThat(report.isClean()).as(report.describe()).isTrue();
    assertThat(report.allowedUnused())
        .extracting(RbacCoverage.Allowance::resource)
        .containsExactly("remediationrequests/finalizers");
  }

  @Test
  void usesNoWildcardsAndNoNonResourceUrls() {
    for (HasMetadata o : rbac()) {
      for (PolicyRule rule : rules(o)) {
        assertThat(rule.getVerbs()).as(o.getMetadata().getName()).doesNotContain("*");
        assertThat(rule.getResources()).doesNotContain("*").noneMatch(r -> r.startsWith("*/"));
        assertThat(rule.getApiGroups()).doesNotContain("*");
        assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
      }
    }
  }

  @Test
  void neverGrantsSecretsPodsOrEscalation() {
    List<RbacCoverage.Grant> grants = RbacCoverage.grantsOf(rbac());

    assertThat(grants)
        .extracting(RbacCoverage.Grant::resource)
        .doesNotContain("secrets", "pods", "configmaps", "roles", "clusterroles", "rolebindings");
    assertThat(grants)
        .extracting(RbacCoverage.Grant::verb)
        .doesNotContain("escalate", "bind", "impersonate", "deletecollection");
  }

  @Test
  void leasesAreGrantedOnlyInTheOrchestratorNamespaceAndNamedWhereRbacAllows() {
    ClusterRole clusterRole =
        (ClusterRole) DeployManifests.load(BASE.resolve("clusterrole.yaml")).get(0);
    Role role = (Role) DeployManifests.load(BASE.resolve("role-leader-election.yaml")).get(0);
    ConfigMap config = (ConfigMap) DeployManifests.load(BASE.resolve("configmap.yaml")).get(0);

    assertThat(clusterRole.getRules())
        .allSatisfy(r -> assertThat(r.getApiGroups()).doesNotContain("coordination.k8s.io"));
    assertThat(role.getMetadata().getNamespace()).isEqualTo("kubernaut-system");
    String lease = config.getData().get("KUBERNAUT_LEADER_ELECTION_LEASE_NAME");
    for (PolicyRule rule : role.getRules()) {
      if (rule.getVerbs().contains("create")) {
        assertThat(rule.getResourceNames()).as("create cannot be limited by name").isNullOrEmpty();
        assertThat(rule.getVerbs()).containsExactly("create");
      } else {
        assertThat(rule.getResourceNames()).containsExactly(lease);
      }
    }
  }

  private static List<PolicyRule> rules(HasMetadata o) {
    if (o instanceof ClusterRole cr) {
      return cr.getRules();
    }
    return ((Role) o).getRules();
  }
}
