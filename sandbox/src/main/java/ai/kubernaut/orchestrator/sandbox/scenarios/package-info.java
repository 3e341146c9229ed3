/**
 * The sandbox's built-in scenarios as data ({@link
 * ai.kubernaut.orchestrator.sandbox.scenarios.Scenarios}) and the pure rendering of their progress
 * and summary ({@link ai.kubernaut.orchestrator.sandbox.scenarios.ScenarioReport}).
 */
package ai.kubernaut.orchestrator.sandbox.scenarios;
