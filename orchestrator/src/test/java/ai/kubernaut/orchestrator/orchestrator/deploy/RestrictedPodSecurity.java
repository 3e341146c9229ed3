package ai.kubernaut.orchestrator.orchestrator.deploy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Kubernetes "restricted" Pod Security Standard (baseline + restricted controls, as of
 * Kubernetes 1.32), checked field by field, plus the project's own rule that the root filesystem is
 * read-only. Returns one readable line per violation; an empty list means compliant.
 */
final class RestrictedPodSecurity {

  /** Volume types the restricted profile allows. */
  static final Set<String> ALLOWED_VOLUME_TYPES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "persistentVolumeClaim",
          "projected",
          "secret");

  static final Set<String> ALLOWED_SELINUX_TYPES =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  private RestrictedPodSecurity() {}

  static List<String> violations(PodSpec pod) {
    return violations(Map.of(), pod);
  }

  /** With the pod template's annotations (the legacy AppArmor annotations). */
  static List<String> violations(Map<String, String> podAnnotations, PodSpec pod) {
    List<String> v = new ArrayList<>();
    PodSecurityContext podCtx = pod.getSecurityContext();
    // baseline: host namespaces
    if (Boolean.TRUE.equals(pod.getHostNetwork())) {
      v.add("hostNetwork must not be true");
    }
    if (Boolean.TRUE.equals(pod.getHostPID())) {
      v.add("hostPID must not be true");
    }
    if (Boolean.TRUE.equals(pod.getHostIPC())) {
      v.add("hostIPC must not be true");
    }
    // restricted: volume types (baseline: no hostPath)
    for (Volume volume : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
      String type = volumeType(volume);
      if (!ALLOWED_VOLUME_TYPES.contains(type)) {
        v.add("volume " + volume.getName() + " has type " + type + ", not allowed");
      }
    }
    // baseline: sysctls (only the safe set; we use none)
    if (podCtx != null && podCtx.getSysctls() != null && !podCtx.getSysctls().isEmpty()) {
      v.add("pod sysctls must be empty");
    }
    Boolean podNonRoot = podCtx == null ? null : podCtx.getRunAsNonRoot();
    Long podUser = podCtx == null ? null : podCtx.getRunAsUser();
    SeccompProfile podSeccomp = podCtx == null ? null : podCtx.getSeccompProfile();
    if (Boolean.FALSE.equals(podNonRoot)) {
      v.add("pod runAsNonRoot must not be false");
    }
    if (podUser != null && podUser == 0) {
      v.add("pod runAsUser must not be 0");
    }
    if (podSeccomp != null && !allowedSeccomp(podSeccomp)) {
      v.add("pod seccompProfile must be RuntimeDefault or Localhost");
    }
    if (podCtx != null && podCtx.getSeLinuxOptions() != null) {
      checkSeLinux("pod", podCtx.getSeLinuxOptions(), v);
    }
    if (podCtx != null && podCtx.getAppArmorProfile() != null) {
      checkAppArmor("pod", podCtx.getAppArmorProfile().getType(), v);
    }
    checkAppArmorAnnotations(v, podAnnotations == null ? Map.of() : podAnnotations);
    List<Container> containers =
        Stream.of(pod.getInitContainers(), pod.getContainers(), List.<Container>of())
            .filter(l -> l != null)
            .flatMap(List::stream)
            .toList();
    if (pod.getEphemeralContainers() != null && !pod.getEphemeralContainers().isEmpty()) {
      v.add("ephemeral containers are not expected in a workload manifest");
    }
    for (Container c : containers) {
      container(c, podNonRoot, podUser, podSeccomp, v);
    }
    return v;
  }

  private static void container(
      Container c, Boolean podNonRoot, Long podUser, SeccompProfile podSeccomp, List<String> v) {
    String n = "container " + c.getName() + ": ";
    SecurityContext ctx = c.getSecurityContext();
    if (ctx == null) {
      v.add(n + "securityContext is required (allowPrivilegeEscalation, capabilities)");
      return;
    }
    // baseline
    if (Boolean.TRUE.equals(ctx.getPrivileged())) {
      v.add(n + "privileged must not be true");
    }
    if (ctx.getProcMount() != null && !"Default".equals(ctx.getProcMount())) {
      v.add(n + "procMount must be Default");
    }
    if (ctx.getSeLinuxOptions() != null) {
      checkSeLinux(n, ctx.getSeLinuxOptions(), v);
    }
    if (ctx.getAppArmorProfile() != null) {
      checkAppArmor(n, ctx.getAppArmorProfile().getType(), v);
    }
    for (ContainerPort port : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
      if (port.getHostPort() != null && port.getHostPort() != 0) {
        v.add(n + "hostPort must not be set");
      }
    }
    // restricted
    if (!Boolean.FALSE.equals(ctx.getAllowPrivilegeEscalation())) {
      v.add(n + "allowPrivilegeEscalation must be false");
    }
    Boolean nonRoot = ctx.getRunAsNonRoot() != null ? ctx.getRunAsNonRoot() : podNonRoot;
    if (!Boolean.TRUE.equals(nonRoot)) {
      v.add(n + "runAsNonRoot must be true (container or pod)");
    }
    Long user = ctx.getRunAsUser() != null ? ctx.getRunAsUser() : podUser;
    if (user != null && user == 0) {
      v.add(n + "runAsUser must not be 0");
    }
    SeccompProfile seccomp = ctx.getSeccompProfile() != null ? ctx.getSeccompProfile() : podSeccomp;
    if (seccomp == null || !allowedSeccomp(seccomp)) {
      v.add(n + "seccompProfile must be RuntimeDefault or Localhost (container or pod)");
    }
    Capabilities caps = ctx.getCapabilities();
    if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
      v.add(n + "capabilities.drop must contain ALL");
    }
    if (caps != null && caps.getAdd() != null) {
      for (String add : caps.getAdd()) {
        if (!"NET_BIND_SERVICE".equals(add)) {
          v.add(n + "capability " + add + " must not be added");
        }
      }
    }
    // project rule (not part of the PSS)
    if (!Boolean.TRUE.equals(ctx.getReadOnlyRootFilesystem())) {
      v.add(n + "readOnlyRootFilesystem must be true");
    }
  }

  private static boolean allowedSeccomp(SeccompProfile profile) {
    return "RuntimeDefault".equals(profile.getType()) || "Localhost".equals(profile.getType());
  }

  private static void checkSeLinux(
      String where, io.fabric8.kubernetes.api.model.SELinuxOptions options, List<String> v) {
    if (options.getType() != null && !ALLOWED_SELINUX_TYPES.contains(options.getType())) {
      v.add(where + " seLinuxOptions.type " + options.getType() + " is not allowed");
    }
    if (options.getUser() != null || options.getRole() != null) {
      v.add(where + " seLinuxOptions.user/role must not be set");
    }
  }

  private static void checkAppArmor(String where, String type, List<String> v) {
    if ("Unconfined".equals(type)) {
      v.add(where + " appArmorProfile must not be Unconfined");
    }
  }

  private static void checkAppArmorAnnotations(List<String> v, Map<String, String> annotations) {
    annotations.forEach(
        (k, value) -> {
          if (k.startsWith("container.apparmor.security.beta.kubernetes.io/")
              && "unconfined".equals(value)) {
            v.add(k + " must not be unconfined");
          }
        });
  }

  private static String volumeType(Volume volume) {
    if (volume.getConfigMap() != null) {
      return "configMap";
    }
    if (volume.getCsi() != null) {
      return "csi";
    }
    if (volume.getDownwardAPI() != null) {
      return "downwardAPI";
    }
    if (volume.getEmptyDir() != null) {
      return "emptyDir";
    }
    if (volume.getEphemeral() != null) {
      return "ephemeral";
    }
    if (volume.getPersistentVolumeClaim() != null) {
      return "persistentVolumeClaim";
    }
    if (volume.getProjected() != null) {
      return "projected";
    }
    if (volume.getSecret() != null) {
      return "secret";
    }
    if (volume.getHostPath() != null) {
      return "hostPath";
    }
    return "other";
  }
}
