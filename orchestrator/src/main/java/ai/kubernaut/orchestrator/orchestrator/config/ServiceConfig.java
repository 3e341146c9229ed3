package ai.kubernaut.orchestrator.orchestrator.config;

import java.time.Duration;

/**
 * The process itself.
 *
 * @param httpPort port of /metrics, /healthz and /readyz; 0 picks a free port
 * @param shutdownGracePeriod how long SIGTERM waits for in-flight activity attempts
 */
public record ServiceConfig(
    int httpPort, LogFormat logFormat, String logLevel, Duration shutdownGracePeriod) {}
