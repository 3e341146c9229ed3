package ai.kubernaut.orchestrator.workflows.model;

/**
 * Identifies one RemediationRequest: namespace, name and UID (the UID tells a recreated RR apart).
 */
public record RemediationRef(String namespace, String name, String uid) {}
