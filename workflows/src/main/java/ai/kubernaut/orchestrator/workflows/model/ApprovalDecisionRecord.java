package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/** An approval decision taken through Temporal, written to the RAR status for audit. */
public record ApprovalDecisionRecord(
    RemediationRef rr,
    String approvalRequestName,
    String decision,
    String decidedBy,
    Instant decidedAt,
    String message) {}
