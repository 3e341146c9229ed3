package ai.kubernaut.orchestrator.workflows.model;

import java.time.Instant;

/** Create (or adopt) a RemediationApprovalRequest from the named AIAnalysis's recommendation. */
public record CreateApprovalRequest(
    RemediationRef rr, String name, String aiAnalysisName, Instant requiredBy) {}
