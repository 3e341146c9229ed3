package ai.kubernaut.orchestrator.harness;

import ai.kubernaut.orchestrator.harness.cli.SandboxCommand;
import ai.kubernaut.orchestrator.harness.config.SandboxConfig;
import ai.kubernaut.orchestrator.harness.sandbox.SandboxStack;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.cli.ServiceRunner;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.realstack.OrchestratorProcess;
import ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/** The harness's fixtures on top of the service's {@link TestSupport}. */
public final class HarnessTestSupport {

  /** Where the build puts {@code kubernaut-sandbox.jar}, from the repository root. */
  public static final String SANDBOX_JAR = "harness/target/kubernaut-sandbox.jar";

  private HarnessTestSupport() {}

  /** {@code kubernaut-sandbox.jar} as the package phase made it; fails naming it when missing. */
  public static Path sandboxJar() {
    return OrchestratorProcess.builtJar(SANDBOX_JAR);
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
    return base.withTemporal(SandboxStack.pointedAt(base.temporal(), temporal));
  }

  /** The result of running {@code kubernaut-sandbox.jar}'s command line in this process. */
  public record SandboxCliRun(int exitCode, String out, String err, SandboxConfig sandbox) {}

  /** Runs {@link SandboxMain}'s command line in-process; {@code sandbox} captures its config. */
  public static SandboxCliRun cli(String... args) {
    AtomicReference<SandboxConfig> sandbox = new AtomicReference<>();
    ServiceRunner<SandboxConfig> runner =
        c -> {
          sandbox.set(c);
          return 0;
        };
    TestSupport.Output output =
        TestSupport.execute(
            SandboxMain.commandLine(
                TestSupport.factoryWith(SandboxCommand.class, new SandboxCommand(runner))),
            args);
    return new SandboxCliRun(output.exitCode(), output.out(), output.err(), sandbox.get());
  }
}
