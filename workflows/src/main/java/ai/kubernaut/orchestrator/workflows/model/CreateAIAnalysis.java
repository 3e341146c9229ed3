package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/**
 * Create (or adopt) an AIAnalysis. The activity copies the enrichment from the named
 * SignalProcessing's status (BR-ORCH-025); {@code recovery} is null for the initial analysis.
 */
public record CreateAIAnalysis(
    RemediationRef rr,
    String name,
    String signalProcessingName,
    RecoveryContext recovery,
    Instant timesOutAt) {}
