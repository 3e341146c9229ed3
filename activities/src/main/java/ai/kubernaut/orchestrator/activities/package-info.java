/** Kubernaut orchestrator: activities module. */
package ai.kubernaut.orchestrator.activities;
