package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;

/** Ask for the termination rate over the last {@code window}. */
public record TerminationRateQuery(Duration window) {}
