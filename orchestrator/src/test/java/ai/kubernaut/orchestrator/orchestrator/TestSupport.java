package ai.kubernaut.orchestrator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.orchestrator.cli.EnvDefault;
import ai.kubernaut.orchestrator.orchestrator.cli.RunCommand;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.logging.LoggingConfigurator;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenario;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenarios;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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
  public record CliRun(int exitCode, String out, String err, OrchestratorConfig run) {}

  /** Runs {@code Main}'s command line in-process; {@code run} captures its config and exits 0. */
  public static CliRun cli(String... args) {
    AtomicReference<OrchestratorConfig> run = new AtomicReference<>();
    return cli(
        c -> {
          run.set(c);
          return 0;
        },
        run,
        args);
  }

  public static CliRun cli(
      ServiceRunner<OrchestratorConfig> runRunner,
      AtomicReference<OrchestratorConfig> run,
      String... args) {
    Output output =
        execute(Main.commandLine(factoryWith(RunCommand.class, new RunCommand(runRunner))), args);
    return new CliRun(output.exitCode(), output.out(), output.err(), run.get());
  }

  /** A picocli factory that returns {@code command} for its class and creates every other one. */
  public static <C> CommandLine.IFactory factoryWith(Class<C> type, C command) {
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        return cls == type ? cls.cast(command) : CommandLine.defaultFactory().create(cls);
      }
    };
  }

  /**
   * {@code command --help} of {@code root} exits 0 and shows every option, each with a description
   * and its environment variable where it has one.
   */
  public static void assertHelpDocumentsEveryOption(CommandLine root, String command) {
    Output result = execute(root, command, "--help");

    assertThat(result.exitCode()).isZero();
    CommandSpec spec = root.getSubcommands().get(command).getCommandSpec();
    for (OptionSpec option : spec.options()) {
      String name = option.longestName();
      assertThat(result.out())
          .contains(option.negatable() ? name.replaceFirst("^--", "--[no-]") : name);
      assertThat(option.description()).as(option.longestName()).isNotEmpty();
      EnvDefault.of(option)
          .ifPresent(env -> assertThat(result.out()).contains("Env: " + env.variable()));
    }
  }

  /** What a command line printed and returned. */
  public record Output(int exitCode, String out, String err) {}

  /** Executes {@code cl} in this process, capturing its output. */
  public static Output execute(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    // a sandbox command sends the logs to its --log-file: give this JVM its console back
    LoggingConfigurator.configure(LogFormat.TEXT, "INFO");
    return new Output(code, out.toString(), err.toString());
  }
}
