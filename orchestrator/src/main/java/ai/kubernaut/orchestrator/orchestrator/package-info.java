/** Kubernaut orchestrator: orchestrator module. */
package ai.kubernaut.orchestrator.orchestrator;
