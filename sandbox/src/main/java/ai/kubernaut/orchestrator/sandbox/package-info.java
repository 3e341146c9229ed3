/** Kubernaut orchestrator: sandbox module. */
package ai.kubernaut.orchestrator.sandbox;
