package ai.kubernaut.orchestrator.workflows.model;

import java.time.Duration;
import java.time.Instant;

/** The phase's new effective timeout and, when it is the current phase, its new deadline. */
public record ExtendTimeoutResult(String phase, Duration effectiveTimeout, Instant deadline) {}
