/** Kubernaut orchestrator: crd-bridge module. */
package ai.kubernaut.orchestrator.bridge;
