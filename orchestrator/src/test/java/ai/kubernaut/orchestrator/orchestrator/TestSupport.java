package ai.kubernaut.orchestrator.orchestrator;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.orchestrator.cli.RunCommand;
import ai.kubernaut.orchestrator.orchestrator.cli.SandboxCommand;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.config.SandboxConfig;
import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenario;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenarios;
import ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer;
import io.temporal.api.enums.v1.IndexedValueType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/** Shared fixtures: a free port, the SPEC §8 search attributes, in-process CLI runs. */
public final class TestSupport {

  /** SPEC §8 list; the workflows module's RemediationSearchAttributes will own it. */
  public static final Map<String, IndexedValueType> SPEC_SEARCH_ATTRIBUTES =
      Map.of(
          "RemediationPhase", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "RemediationOutcome", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "SignalFingerprint", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "SignalName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "TargetResource", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "TargetNamespace", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "Environment", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "Severity", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "Priority", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "RecoveryAttempts", IndexedValueType.INDEXED_VALUE_TYPE_INT);

  private TestSupport() {}

  /** Closes each non-null resource in the given order; a failure does not stop the others. */
  public static void closeAll(AutoCloseable... resources) {
    RuntimeException first = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing " + resource, e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * The orchestrator settings the {@code sandbox} command would build from {@code args}, pointed at
   * {@code temporal} (a test server on a random port).
   */
  public static OrchestratorConfig sandboxOrchestratorConfig(
      SandboxTemporalServer temporal, String... args) {
    SandboxCommand command = new SandboxCommand(c -> 0);
    new CommandLine(command).parseArgs(args);
    OrchestratorConfig base = command.toConfig().orchestrator();
    return base.withTemporal(
        new TemporalConfig(
            temporal.target(),
            temporal.namespace(),
            base.temporal().taskQueue(),
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            true));
  }

  /**
   * The clean-success scenario's RR renamed to {@code name}, with its own fingerprint and target
   * and the sandbox script annotations in {@code script} (e.g. {@code Script.ANALYSIS -> "stuck"}).
   */
  public static RemediationRequest scriptedRemediation(
      String namespace, String name, Map<String, String> script) {
    RemediationRequest rr =
        Scenarios.byId(Scenarios.CLEAN_SUCCESS).orElseThrow().toRemediationRequest(namespace);
    rr.getMetadata().setName(name);
    rr.getMetadata().getLabels().remove(Scenario.ID_LABEL);
    Map<String, String> annotations = new LinkedHashMap<>(rr.getMetadata().getAnnotations());
    annotations.putAll(script);
    rr.getMetadata().setAnnotations(annotations);
    rr.getSpec().setSignalFingerprint(sha256(name));
    rr.getSpec().getTargetResource().setName(name);
    return rr;
  }

  /** 64 lowercase hex characters, as a signal fingerprint. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of running the CLI in this process with capturing runners. */
  public record CliRun(
      int exitCode, String out, String err, OrchestratorConfig run, SandboxConfig sandbox) {}

  /** Runs {@code Main}'s command line in-process; the commands capture their config and exit 0. */
  public static CliRun cli(String... args) {
    AtomicReference<OrchestratorConfig> run = new AtomicReference<>();
    AtomicReference<SandboxConfig> sandbox = new AtomicReference<>();
    ServiceRunner<OrchestratorConfig> runRunner =
        c -> {
          run.set(c);
          return 0;
        };
    ServiceRunner<SandboxConfig> sandboxRunner =
        c -> {
          sandbox.set(c);
          return 0;
        };
    return cli(runRunner, sandboxRunner, run, sandbox, args);
  }

  public static CliRun cli(
      ServiceRunner<OrchestratorConfig> runRunner,
      ServiceRunner<SandboxConfig> sandboxRunner,
      AtomicReference<OrchestratorConfig> run,
      AtomicReference<SandboxConfig> sandbox,
      String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == RunCommand.class) {
              return cls.cast(new RunCommand(runRunner));
            }
            if (cls == SandboxCommand.class) {
              return cls.cast(new SandboxCommand(sandboxRunner));
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    CommandLine cl = Main.commandLine(factory);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    // the sandbox command sends the logs to its --log-file: give this JVM its console back
    LoggingConfigurator.configure(LogFormat.TEXT, "INFO");
    return new CliRun(code, out.toString(), err.toString(), run.get(), sandbox.get());
  }
}
