package ai.kubernaut.orchestrator.orchestrator.deploy;

import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the API calls the orchestrator made (the sandbox stand-in's {@code RequestLog}, one
 * {@link ApiCall} per verb/group/resource/subresource) with the grants of its ClusterRole and
 * Roles, both ways:
 *
 * <ul>
 *   <li><b>not granted</b>: a call no rule allows (the deployment would get 403);
 *   <li><b>unused</b>: a granted (verb, group, resource) no call needed, minus an explicit
 *       allow-list where each entry says why it is granted anyway (least privilege).
 * </ul>
 *
 * <p>Pure: no cluster, no client. The call set has no namespace or object name, so a rule
 * restricted by {@code resourceNames}, and a Role's namespace, are taken as granting the verb; the
 * manifests' own tests check those restrictions.
 *
 * <pre>{@code
 * List<Grant> grants = RbacCoverage.grantsOf(DeployManifests.load(base.resolve("clusterrole.yaml")));
 * RbacCoverage.Report r = RbacCoverage.check(api.requestLog().calls().keySet(), grants,
 *     RbacCoverage.ORCHESTRATOR_ALLOW_LIST);
 * assertThat(r.isClean()).as(r.describe()).isTrue();
 * }</pre>
 */
public final class RbacCoverage {

  /** One verb on one group/resource[/subresource], from the named Role or ClusterRole. */
  public record Grant(String verb, String group, String resource, String source) {

    public Grant {
      Objects.requireNonNull(verb, "verb");
      group = group == null ? "" : group;
      Objects.requireNonNull(resource, "resource");
    }

    /** The allow-list key: {@code verb group resource[/subresource]} ({@code ""} group = core). */
    public String key() {
      return RbacCoverage.key(verb, group, resource);
    }

    boolean allows(ApiCall call) {
      return matches(verb, call.verb())
          && matches(group, call.group())
          && resourceMatches(resource, call.rbacResource());
    }

    private static boolean matches(String granted, String wanted) {
      return "*".equals(granted) || granted.equals(wanted);
    }

    private static boolean resourceMatches(String granted, String wanted) {
      if ("*".equals(granted) || granted.equals(wanted)) {
        return true;
      }
      // "*/status" grants the status subresource of every resource
      return granted.startsWith("*/")
          && wanted.contains("/")
          && wanted.substring(wanted.indexOf('/')).equals(granted.substring(1));
    }
  }

  /** A grant kept although no call uses it, and why. */
  public record Allowance(String verb, String group, String resource, String reason) {

    public Allowance {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("an allow-list entry needs a reason: " + resource);
      }
    }

    public String key() {
      return RbacCoverage.key(verb, group, resource);
    }
  }

  /** The outcome of {@link #check}. */
  public record Report(
      List<ApiCall> notGranted, List<Grant> unused, List<Allowance> allowedUnused) {

    public boolean isClean() {
      return notGranted.isEmpty() && unused.isEmpty();
    }

    /** A readable explanation for an assertion message. */
    public String describe() {
      StringBuilder b = new StringBuilder();
      if (!notGranted.isEmpty()) {
        b.append("calls no rule grants (403 in a real cluster):\n");
        notGranted.forEach(
            c -> b.append("  ").append(key(c.verb(), c.group(), c.rbacResource())).append('\n'));
      }
      if (!unused.isEmpty()) {
        b.append("grants no call used (remove them, or allow-list them with a reason):\n");
        unused.forEach(
            g -> b.append("  ").append(g.key()).append("  (").append(g.source()).append(")\n"));
      }
      return b.length() == 0 ? "RBAC matches the calls" : b.toString();
    }
  }

  /**
   * Grants of the orchestrator's RBAC that an end-to-end run through the API stand-in cannot show
   * as calls, each with its reason. Keep it short: every entry is a permission nothing proves.
   */
  public static final List<Allowance> ORCHESTRATOR_ALLOW_LIST =
      List.of(
          new Allowance(
              "update",
              "kubernaut.ai",
              "remediationrequests/finalizers",
              "admission check, not a request: with OwnerReferencesPermissionEnforcement a child"
                  + " whose ownerReference has blockOwnerDeletion=true needs update on the owner's"
                  + " finalizers subresource"),
          new Allowance(
              "get",
              "kubernaut.ai",
              "notificationrequests",
              "create-or-adopt reads an existing NotificationRequest after a 409 on create, which"
                  + " only happens when a notification activity is retried after its create"
                  + " succeeded (crash or lost response); the crash-restart reliability test"
                  + " covers that path"),
          new Allowance(
              "patch",
              "kubernaut.ai",
              "remediationrequests/status",
              "the bridge merge-patches status.temporal (with Pending) only when the workflow has"
                  + " not recorded its run within --pending-status-delay of the start (worker down"
                  + " or slow), or when a running workflow's run differs from the recorded one (a"
                  + " reset); in a healthy run the workflow's first status write records it;"
                  + " BridgeIT covers the patch"),
          extendTimeoutPatch("signalprocessings"),
          extendTimeoutPatch("aianalyses"),
          extendTimeoutPatch("remediationapprovalrequests"),
          extendTimeoutPatch("workflowexecutions"),
          finishedChildRead("signalprocessings"),
          finishedChildRead("aianalyses"));

  /** Granted for reads that a replica leading the bridge does from its cache instead. */
  private static Allowance finishedChildRead(String child) {
    return new Allowance(
        "get",
        "kubernaut.ai",
        child,
        "the next child's create takes the finished one it copies from out of the bridge's"
            + " informer cache on the leading replica (ChildLookup); it reads it from the API"
            + " server only on a follower or when the cache has not seen it finish, and at a"
            + " Processing/Analyzing deadline's re-read; ChildActivitiesImplIT covers the read");
  }

  /** Granted for an operator action that the whole-system runs do not take. */
  private static Allowance extendTimeoutPatch(String child) {
    return new Allowance(
        "patch",
        "kubernaut.ai",
        child,
        "the operator update extendTimeout moves the current child's spec.timesOutAt (a RAR's"
            + " spec.requiredBy); the scenarios do not extend a deadline, ChildActivitiesImplIT"
            + " covers the patch");
  }

  private RbacCoverage() {}

  /** Every (verb, group, resource) granted by the ClusterRoles and Roles among {@code objects}. */
  public static List<Grant> grantsOf(Collection<? extends HasMetadata> objects) {
    List<Grant> grants = new ArrayList<>();
    for (HasMetadata o : objects) {
      List<PolicyRule> rules;
      if (o instanceof ClusterRole cr) {
        rules = cr.getRules();
      } else if (o instanceof Role r) {
        rules = r.getRules();
      } else {
        continue;
      }
      String source = o.getKind() + "/" + o.getMetadata().getName();
      for (PolicyRule rule : rules == null ? List.<PolicyRule>of() : rules) {
        if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
          continue; // non-resource URLs are not API calls of the request log
        }
        for (String group : nullToEmpty(rule.getApiGroups())) {
          for (String resource : nullToEmpty(rule.getResources())) {
            for (String verb : nullToEmpty(rule.getVerbs())) {
              grants.add(new Grant(verb, group, resource, source));
            }
          }
        }
      }
    }
    return grants;
  }

  /** Compares calls and grants; see the class comment. */
  public static Report check(
      Collection<ApiCall> calls, Collection<Grant> grants, Collection<Allowance> allowList) {
    Comparator<ApiCall> byKey =
        Comparator.comparing((ApiCall c) -> key(c.verb(), c.group(), c.rbacResource()));
    TreeSet<ApiCall> notGranted = new TreeSet<>(byKey);
    Map<String, Grant> used = new LinkedHashMap<>();
    for (ApiCall call : calls) {
      boolean granted = false;
      for (Grant g : grants) {
        if (g.allows(call)) {
          granted = true;
          used.put(g.key() + " " + g.source(), g);
        }
      }
      if (!granted) {
        notGranted.add(call);
      }
    }
    Map<String, Allowance> allowed = new LinkedHashMap<>();
    allowList.forEach(a -> allowed.put(a.key(), a));
    List<Grant> unused = new ArrayList<>();
    List<Allowance> allowedUnused = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (Grant g : grants) {
      String id = g.key() + " " + g.source();
      if (used.containsKey(id) || !seen.add(id)) {
        continue;
      }
      Allowance a = allowed.get(g.key());
      if (a != null) {
        allowedUnused.add(a);
      } else {
        unused.add(g);
      }
    }
    unused.sort(Comparator.comparing(Grant::key));
    return new Report(List.copyOf(notGranted), List.copyOf(unused), List.copyOf(allowedUnused));
  }

  public static String key(String verb, String group, String resource) {
    return verb + " " + (group == null || group.isEmpty() ? "\"\"" : group) + " " + resource;
  }

  private static List<String> nullToEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }
}
