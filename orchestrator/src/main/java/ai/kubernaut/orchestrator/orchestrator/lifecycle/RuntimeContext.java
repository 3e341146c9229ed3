package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Clock;

/** What the wiring gets to build the worker and the bridge: config and live connections. */
public record RuntimeContext(
    OrchestratorConfig config,
    WorkflowServiceStubs serviceStubs,
    WorkflowClient workflowClient,
    KubernetesClient kubernetesClient,
    MeterRegistry meterRegistry,
    Clock clock,
    String identity) {}
