/**
 * Temporal's Java test server bound to a local port, in real time, for the sandbox ({@link
 * ai.kubernaut.orchestrator.sandbox.temporal.SandboxTemporalServer}).
 */
package ai.kubernaut.orchestrator.sandbox.temporal;
