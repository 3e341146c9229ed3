package ai.kubernaut.orchestrator.orchestrator.realstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a {@code *RealIT} class the real control plane, started once per test JVM and stopped when
 * the test plan ends. The binaries come from {@code realstack/install.sh k8s} (a cache hit, or a
 * build when Go is installed) or from {@code KUBERNAUT_REALSTACK_BIN}. Without them the class is
 * skipped with a message saying how to install them; with {@code CI=true} that is a failure.
 */
public final class RealKubernetesExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(RealKubernetesExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    // Awaitility rethrows any uncaught exception of any thread in the awaiting test. These tests
    // share the JVM with fast-tier ones whose Java test servers may still be shutting down (their
    // gRPC threads throw "call already closed"); that is not the real tier's failure.
    Awaitility.doNotCatchUncaughtExceptionsByDefault();
    kubernetes(context);
  }

  /** The shared control plane; skips (or, under CI, fails) the caller when it cannot exist. */
  static RealKubernetes kubernetes(ExtensionContext context) {
    Holder holder =
        context
            .getRoot()
            .getStore(STORE)
            .getOrComputeIfAbsent(Holder.class, k -> Holder.start(), Holder.class);
    if (holder.kubernetes == null) {
      String message = "real Kubernetes tier SKIPPED: " + holder.missing;
      System.out.println(message);
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true and the real tier cannot run: " + holder.missing);
      }
      Assumptions.abort(message);
    }
    return holder.kubernetes;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RealKubernetes.class || type == RealOrchestratorStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == RealOrchestratorStack.class) {
      return orchestratorStack(context);
    }
    return kubernetes(context);
  }

  /** The orchestrator installed on the shared control plane, started on first use. */
  static RealOrchestratorStack orchestratorStack(ExtensionContext context) {
    RealKubernetes kubernetes = kubernetes(context);
    return context
        .getRoot()
        .getStore(STORE)
        .getOrComputeIfAbsent(
            RealOrchestratorStack.class,
            k -> RealOrchestratorStack.start(kubernetes),
            RealOrchestratorStack.class);
  }

  /** Closed by JUnit when the root context closes, after every class of the run. */
  private static final class Holder implements AutoCloseable {
    final RealKubernetes kubernetes;
    final String missing;

    private Holder(RealKubernetes kubernetes, String missing) {
      this.kubernetes = kubernetes;
      this.missing = missing;
    }

    static Holder start() {
      Optional<Path> bin = binaries();
      return bin.map(b -> new Holder(RealKubernetes.start(b), null))
          .orElseGet(
              () ->
                  new Holder(
                      null,
                      "no kube-apiserver/etcd binaries and no Go toolchain to build them;"
                          + " install Go 1.26+ and run realstack/install.sh k8s"
                          + " (or set KUBERNAUT_REALSTACK_BIN to a folder holding them)"));
    }

    @Override
    public void close() {
      if (kubernetes != null) {
        kubernetes.close();
      }
    }
  }

  /**
   * The binary folder: KUBERNAUT_REALSTACK_BIN, else install.sh's answer; empty if it has no Go.
   */
  static Optional<Path> binaries() {
    String configured = System.getenv("KUBERNAUT_REALSTACK_BIN");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    return install("k8s");
  }

  /**
   * Runs {@code realstack/install.sh <target>} with its progress on this console (a cold build
   * takes minutes) and returns the folder it printed; empty when it says a toolchain is missing
   * (exit 3).
   */
  static Optional<Path> install(String target) {
    try {
      File out = Files.createTempFile("install", ".out").toFile();
      Process process =
          new ProcessBuilder("bash", RealStackScripts.path("install.sh").toString(), target)
              .redirectOutput(out)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(60, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("realstack/install.sh " + target + " ran over 60 minutes");
      }
      List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
      if (process.exitValue() == 3) {
        return Optional.empty();
      }
      if (process.exitValue() != 0 || lines.isEmpty()) {
        throw new IllegalStateException(
            "realstack/install.sh " + target + " failed with exit " + process.exitValue());
      }
      return Optional.of(Path.of(lines.get(lines.size() - 1).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
