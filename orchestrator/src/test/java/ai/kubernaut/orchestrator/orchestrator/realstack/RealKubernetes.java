package ai.kubernaut.orchestrator.orchestrator.realstack;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real control plane (etcd, kube-apiserver, kube-controller-manager) started by {@code
 * realstack/up.sh} and stopped by {@code realstack/down.sh}: the same scripts a developer runs by
 * hand. One per test JVM; tests take a namespace each.
 */
public final class RealKubernetes implements AutoCloseable {

  private final Path dir;
  private final Path bin;
  private final Path adminKubeconfig;
  private final KubernetesClient admin;

  private RealKubernetes(Path dir, Path bin) {
    this.dir = dir;
    this.bin = bin;
    this.adminKubeconfig = dir.resolve("admin.kubeconfig");
    this.admin = clientFor(adminKubeconfig);
  }

  /** Starts the stack from the binaries in {@code bin}; fails with the scripts' output. */
  static RealKubernetes start(Path bin) {
    try {
      Path dir = Files.createTempDirectory("kubernaut-realstack-");
      Shell.Result up =
          Shell.run(
              Duration.ofMinutes(4),
              RealStackScripts.path("up.sh").toString(),
              "--dir",
              dir.toString(),
              "--bin",
              bin.toString(),
              "--watch-pid",
              String.valueOf(ProcessHandle.current().pid()));
      if (up.exitCode() != 0) {
        throw new IllegalStateException("realstack/up.sh failed:\n" + up.output());
      }
      System.out.println(up.output());
      return new RealKubernetes(dir, bin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  public Path adminKubeconfig() {
    return adminKubeconfig;
  }

  /** The cluster-admin client (system:masters). Tests use it to arrange and observe. */
  public KubernetesClient admin() {
    return admin;
  }

  public String serverUrl() {
    return admin.getConfiguration().getMasterUrl();
  }

  /** Runs the pinned kubectl with the admin kubeconfig (unless {@code args} name another). */
  public Shell.Result kubectl(String... args) {
    return kubectl(Map.of(), args);
  }

  public Shell.Result kubectl(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve("kubectl").toString());
    command.addAll(List.of(args));
    Map<String, String> withConfig = new HashMap<>(env);
    withConfig.putIfAbsent("KUBECONFIG", adminKubeconfig.toString());
    return Shell.run(Duration.ofMinutes(2), withConfig, command);
  }

  /** Runs a shell command line (as written in the docs) with the pinned kubectl first on PATH. */
  public Shell.Result shell(Map<String, String> env, Path workDir, String commandLine) {
    Map<String, String> full = new HashMap<>(env);
    full.putIfAbsent("KUBECONFIG", adminKubeconfig.toString());
    full.put("PATH", bin + ":" + env.getOrDefault("PATH", System.getenv("PATH")));
    return Shell.runIn(workDir, Duration.ofMinutes(2), full, List.of("bash", "-c", commandLine));
  }

  /**
   * A kubeconfig that authenticates as {@code serviceAccount} with a token from the TokenRequest
   * API, so every call made with it is authorized by that account's RBAC and nothing else.
   */
  public Path serviceAccountKubeconfig(String namespace, String serviceAccount) {
    Shell.Result token =
        kubectl("-n", namespace, "create", "token", serviceAccount, "--duration=6h");
    if (token.exitCode() != 0) {
      throw new IllegalStateException("kubectl create token failed: " + token.output());
    }
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: realstack
          cluster:
            server: %s
            certificate-authority: %s
        users:
        - name: %s
          user:
            token: %s
        contexts:
        - name: realstack
          context: {cluster: realstack, user: %s}
        current-context: realstack
        """
            .formatted(
                serverUrl(),
                dir.resolve("pki/ca.crt"),
                serviceAccount,
                token.stdout().strip(),
                serviceAccount);
    Path file = dir.resolve(namespace + "-" + serviceAccount + ".kubeconfig");
    try {
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public static KubernetesClient clientFor(Path kubeconfig) {
    try {
      Config config =
          Config.fromKubeconfig(null, Files.readString(kubeconfig, StandardCharsets.UTF_8), null);
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops one component ({@code kube-apiserver}, {@code etcd}, ...) with realstack/restart.sh,
   * keeps it down for {@code downFor} and starts it again on the same ports and data; returns once
   * the API server answers {@code /readyz} again.
   */
  public void restart(String component, Duration downFor) {
    Instant stopped = Instant.now();
    Shell.Result restarted =
        Shell.run(
            downFor.plusMinutes(1),
            RealStackScripts.path("restart.sh").toString(),
            dir.toString(),
            component,
            "--down-for",
            Long.toString(downFor.toSeconds()));
    if (restarted.exitCode() != 0) {
      throw new IllegalStateException("restart of " + component + " failed: " + restarted.output());
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> kubectl("get", "--raw", "/readyz").exitCode() == 0);
    if (component.equals("kube-apiserver")) {
      warmUps.add(new Instant[] {stopped, Instant.now().plus(WARM_UP)});
    }
  }

  /** How long after /readyz a restarted API server may still refuse requests (RBAC cache). */
  private static final Duration WARM_UP = Duration.ofSeconds(60);

  private final List<Instant[]> warmUps = new CopyOnWriteArrayList<>();

  /** Whether {@code time} falls in a restart of the API server or the minute after it. */
  public boolean warmingUpAt(Instant time) {
    return warmUps.stream().anyMatch(w -> !time.isBefore(w[0]) && !time.isAfter(w[1]));
  }

  /** The last lines of one component's log ({@code etcd}, {@code kube-apiserver}, ...). */
  public String logTail(String component, int lines) {
    try {
      List<String> all = Files.readAllLines(dir.resolve("logs/" + component + ".log"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    admin.close();
    Shell.run(Duration.ofMinutes(1), RealStackScripts.path("down.sh").toString(), dir.toString());
  }
}
