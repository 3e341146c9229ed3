package ai.kubernaut.orchestrator.harness;

import ai.kubernaut.orchestrator.harness.cli.BenchCommand;
import ai.kubernaut.orchestrator.harness.cli.SandboxCommand;
import ai.kubernaut.orchestrator.orchestrator.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code kubernaut-sandbox.jar}: the service of {@code kubernaut-orchestrator.jar}
 * wrapped in a Temporal test server, a Kubernetes API stand-in and simulated child controllers.
 * Same command-line conventions as the service ({@link Main#configure}).
 */
@Command(
    name = "kubernaut-sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = SandboxMain.Version.class,
    subcommands = {SandboxCommand.class, BenchCommand.class, HelpCommand.class},
    description =
        "Kubernaut Remediation Orchestrator on a laptop: the sandbox and the bench around the"
            + " service.",
    footer = {"", Main.EXIT_CODES})
public final class SandboxMain implements Runnable {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    Main.exitWith(commandLine(CommandLine.defaultFactory()), args);
  }

  /** Runs the command line in this process and returns the exit code. */
  public static int execute(String... args) {
    return commandLine(CommandLine.defaultFactory()).execute(args);
  }

  /** The full command tree; tests pass a factory to swap what the commands run. */
  public static CommandLine commandLine(IFactory factory) {
    return Main.configure(new CommandLine(new SandboxMain(), factory));
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: sandbox or bench");
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kubernaut-sandbox " + Main.implementationVersion()};
    }
  }
}
