package ai.kubernaut.orchestrator.orchestrator.config;

/** Log line format on stdout. */
public enum LogFormat {
  TEXT,
  JSON
}
