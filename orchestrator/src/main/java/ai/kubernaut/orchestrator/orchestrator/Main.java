package ai.kubernaut.orchestrator.orchestrator;

import ai.kubernaut.orchestrator.gateway.GatewayHttpServer;
import ai.kubernaut.orchestrator.orchestrator.cli.EnvAwareHelp;
import ai.kubernaut.orchestrator.orchestrator.cli.GatewayCommand;
import ai.kubernaut.orchestrator.orchestrator.cli.RunCommand;
import ai.kubernaut.orchestrator.orchestrator.config.InvalidConfigException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code kubernaut-orchestrator.jar}, the service. The sandbox and the bench are in
 * {@code kubernaut-sandbox.jar} (module {@code harness}), which wraps this one.
 */
@Command(
    name = "kubernaut-orchestrator",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {RunCommand.class, GatewayCommand.class, HelpCommand.class},
    description =
        "Kubernaut Remediation Orchestrator: every RemediationRequest is a Temporal workflow.",
    footer = {"", Main.EXIT_CODES})
public final class Main implements Runnable {

  /** The help footer of every command line that {@link #configure}s. */
  public static final String EXIT_CODES =
      "Exit codes: 0 stopped cleanly, 1 runtime failure, 2 bad command line or configuration.";

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    exitWith(commandLine(CommandLine.defaultFactory()), args);
  }

  /** Runs {@code cl} as this process's command line and exits with its code. */
  public static void exitWith(CommandLine cl, String... args) {
    // before any HTTP server exists: slow clients of the ops and Gateway ports are dropped after 30
    // s
    GatewayHttpServer.installRequestTimeouts();
    System.exit(cl.execute(args));
  }

  /** Runs the command line in this process and returns the exit code. */
  public static int execute(String... args) {
    return commandLine(CommandLine.defaultFactory()).execute(args);
  }

  /** The full command tree; tests pass a factory to swap what the commands run. */
  public static CommandLine commandLine(IFactory factory) {
    return configure(new CommandLine(new Main(), factory));
  }

  /**
   * The service's command-line conventions on {@code cl}: exit codes (2 for bad options, 1 for a
   * failure), help that shows environment variables, 100 columns. Returns {@code cl}.
   */
  public static CommandLine configure(CommandLine cl) {
    cl.setExecutionExceptionHandler(new ExceptionHandler());
    cl.setHelpFactory(EnvAwareHelp.FACTORY);
    cl.setUsageHelpWidth(100);
    return cl;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: run or gateway");
  }

  /** Configuration errors exit 2 with one line per bad option; anything else exits 1. */
  static final class ExceptionHandler implements IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
      PrintWriter err = cmd.getErr();
      if (e instanceof InvalidConfigException invalid) {
        invalid.problems().forEach(p -> err.println("error: " + p));
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCodes.USAGE;
      }
      LOG.error("{} failed", cmd.getCommandName(), e);
      err.println("error: " + cmd.getCommandName() + " failed: " + e);
      err.flush();
      return ExitCodes.RUNTIME_FAILURE;
    }
  }

  /** The jar's Implementation-Version, {@code dev} outside a jar. */
  public static String implementationVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kubernaut-orchestrator " + implementationVersion()};
    }
  }
}
