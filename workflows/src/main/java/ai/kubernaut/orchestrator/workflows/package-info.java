/** Kubernaut orchestrator: workflows module. */
package ai.kubernaut.orchestrator.workflows;
