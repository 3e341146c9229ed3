/** Kubernaut orchestrator: api module. */
package ai.kubernaut.orchestrator.api;
