package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ai.kubernaut.orchestrator.orchestrator.config.ServiceConfig;
import picocli.CommandLine.Option;

/** The process: HTTP port, logging, shutdown. */
public final class ServiceOptions {

  static final String HTTP_PORT = "--http-port";
  static final String LOG_FORMAT = "--log-format";
  static final String LOG_LEVEL = "--log-level";
  static final String SHUTDOWN_GRACE_PERIOD = "--shutdown-grace-period";

  @Option(
      names = HTTP_PORT,
      paramLabel = "<port>",
      defaultValue = "${env:KUBERNAUT_HTTP_PORT:-8080}",
      description = "Port of /metrics, /healthz and /readyz; 0 picks a free port.")
  int httpPort;

  @Option(
      names = LOG_FORMAT,
      paramLabel = "text|json",
      defaultValue = "${env:KUBERNAUT_LOG_FORMAT:-text}",
      description = "Log line format on stdout: text, or json (one object per line).")
  String logFormat;

  @Option(
      names = LOG_LEVEL,
      paramLabel = "<level>",
      defaultValue = "${env:KUBERNAUT_LOG_LEVEL:-INFO}",
      description = "Root log level: TRACE, DEBUG, INFO, WARN, ERROR or OFF.")
  String logLevel;

  @Option(
      names = SHUTDOWN_GRACE_PERIOD,
      paramLabel = "<duration>",
      defaultValue = "${env:KUBERNAUT_SHUTDOWN_GRACE_PERIOD:-25s}",
      description =
          "On SIGTERM, how long to wait for in-flight activity attempts; keep it below the pod's"
              + " terminationGracePeriodSeconds.")
  String shutdownGracePeriod;

  public ServiceConfig toConfig(ConfigValidator v) {
    return new ServiceConfig(
        v.port(HTTP_PORT, httpPort),
        v.oneOf(LOG_FORMAT, logFormat, LogFormat.class),
        v.logLevel(LOG_LEVEL, logLevel),
        v.positiveDuration(SHUTDOWN_GRACE_PERIOD, shutdownGracePeriod));
  }
}
