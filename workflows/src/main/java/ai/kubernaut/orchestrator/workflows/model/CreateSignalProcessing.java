package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/** Create (or adopt) the RR's SignalProcessing; the activity reads the RR spec itself. */
public record CreateSignalProcessing(RemediationRef rr, String name, Instant timesOutAt) {}
