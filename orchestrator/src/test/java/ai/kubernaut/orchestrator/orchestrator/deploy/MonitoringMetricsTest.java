package ai.kubernaut.orchestrator.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.activities.ActivityMetrics;
import ai.kubernaut.orchestrator.bridge.BridgeMetrics;
import ai.kubernaut.orchestrator.gateway.GatewayMetrics;
import ai.kubernaut.orchestrator.orchestrator.metrics.ActiveRemediations;
import ai.kubernaut.orchestrator.orchestrator.metrics.MeterRegistries;
import ai.kubernaut.orchestrator.workflows.WorkflowMetrics;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric the PrometheusRule and the Grafana dashboard query exists in the orchestrator's
 * /metrics. Interim exposition: the service's registry ({@link MeterRegistries}) with every meter
 * of {@link ActivityMetrics} and {@link BridgeMetrics} recorded once, the {@link WorkflowMetrics}
 * names and the Temporal SDK's {@code MetricsType} names reported through the same tally →
 * Micrometer path the worker uses. The lead replaces {@link #interimScrape()} with a real scrape of
 * the end-to-end run; {@link MetricNames} already reads either.
 */
public class MonitoringMetricsTest {

  private static final Path MONITORING = DeployManifests.deploy().resolve("monitoring");

  public static Set<String> usedByMonitoring() throws IOException {
    Set<String> used = new TreeSet<>();
    for (HasMetadata o : DeployManifests.load(MONITORING.resolve("prometheusrule.yaml"))) {
      used.addAll(MetricNames.inPrometheusRule(o));
    }
    used.addAll(
        MetricNames.inGrafanaDashboard(
            Files.readString(MONITORING.resolve("dashboards/kubernaut-orchestrator.json"))));
    return used;
  }

  @Test
  void everyMetricTheAlertsAndTheDashboardQueryIsExposed() throws Exception {
    Set<String> used = usedByMonitoring();
    Set<String> exposed = MetricNames.inScrape(interimScrape());

    assertThat(used)
        .contains(
            "kubernaut_remediationorchestrator_remediation_duration_seconds_count",
            "kubernaut_remediationorchestrator_status_write_conflicts_total",
            "kubernaut_remediationorchestrator_bridge_informer_watching",
            "temporal_num_pollers");
    assertThat(MetricNames.missing(used, exposed)).as("queried but not in /metrics").isEmpty();
  }

  @Test
  void theFourRunbookScenariosAndWorkerPollingHaveAlerts() throws IOException {
    String yaml = Files.readString(MONITORING.resolve("prometheusrule.yaml"));

    assertThat(yaml)
        .contains(
            "KubernautRemediationFailureRateHigh",
            "KubernautRemediationsStuck",
            "KubernautWatchDown",
            "KubernautStatusWriteConflictsHigh",
            "KubernautWorkerNotPolling")
        .contains("> 0.15", "for: 30m");
  }

  /** What /metrics would show once every meter has been touched (see the class comment). */
  static String interimScrape() throws Exception {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();
    ActivityMetrics activities = new ActivityMetrics(registry);
    activities.childCreated("SignalProcessing", "created");
    activities.notification("Completion", "created");
    activities.statusWriteConflict("ns");
    activities.statusWriteFailure("ns", "conflict");
    activities.statusWrite("ns", "applied");
    activities.event("Normal", "RemediationCompleted", "created");
    activities.childTerminated("WorkflowExecution", "ParentCancelled");
    activities.approvalDecisionRecorded("Approved", "written");
    BridgeMetrics bridge = new BridgeMetrics(registry);
    bridge.signalSent(ChildKind.SignalProcessing);
    bridge.signalFiltered(ChildKind.SignalProcessing, BridgeMetrics.FilterReason.RESYNC);
    bridge.signalFailed(ChildKind.SignalProcessing, true);
    bridge.workflowStarted("ns");
    bridge.workflowStartFailed("ns");
    bridge.cancellationRequested("ns");
    bridge.finalizerRemoved("ns", false);
    bridge.driftRepaired("ns", "WorkflowTerminated");
    bridge.retentionDeleted("ns");
    bridge.taskRetried("signals");
    bridge.leader(true);
    bridge.informer("RemediationRequest", () -> true);
    bridge.queue("signals", () -> 0);
    new ActiveRemediations(List::of, () -> true).register(registry);
    GatewayMetrics gateway = new GatewayMetrics(registry);
    gateway.preRegister(List.of("alertmanager", "kubernetes-event"));
    gateway.rejected("invalid_token");
    gateway.failed("kubernetes_api");
    gateway.storm("alertmanager");
    gateway.ignored("kubernetes-event");
    gateway.requestDuration("alertmanager", "200", java.time.Duration.ofMillis(5));

    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
    Map<String, String> tags = Map.of("namespace", "ns", "phase", "Processing");
    for (String counter :
        new String[] {
          WorkflowMetrics.PHASE_TRANSITIONS,
          WorkflowMetrics.TIMEOUTS,
          WorkflowMetrics.RECOVERY_ATTEMPTS,
          WorkflowMetrics.APPROVAL_DECISIONS,
          WorkflowMetrics.NOTIFICATION_FAILURES
        }) {
      scope.tagged(tags).counter(counter).inc(1);
    }
    for (String timer :
        new String[] {WorkflowMetrics.PHASE_DURATION, WorkflowMetrics.REMEDIATION_DURATION}) {
      scope.tagged(tags).timer(timer).record(com.uber.m3.util.Duration.ofMillis(1500));
    }
    for (String name : sdkMetricNames()) {
      if (name.endsWith("_latency")) {
        scope.timer(name).record(com.uber.m3.util.Duration.ofMillis(5));
      } else if (SDK_GAUGES.contains(name)) {
        scope.gauge(name).update(1);
      } else {
        scope.counter(name).inc(1);
      }
    }
    scope.close();
    return registry.scrape();
  }

  /** SDK metrics that are tally gauges (checked in the SDK's bytecode: Scope.gauge). */
  private static final Set<String> SDK_GAUGES =
      Set.of(
          "temporal_num_pollers",
          "temporal_worker_task_slots_available",
          "temporal_worker_task_slots_used",
          "temporal_sticky_cache_size",
          "temporal_workflow_active_thread_count",
          "temporal_resource_slots_mem_usage",
          "temporal_resource_slots_cpu_usage",
          "temporal_resource_slots_mem_pid_output",
          "temporal_resource_slots_cpu_pid_output");

  /** Every metric name constant of the Temporal SDK (worker and service client). */
  static Set<String> sdkMetricNames() throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    for (Class<?> type :
        new Class<?>[] {
          io.temporal.worker.MetricsType.class, io.temporal.serviceclient.MetricsType.class
        }) {
      for (Field f : type.getFields()) {
        if (Modifier.isStatic(f.getModifiers())
            && f.getType() == String.class
            && !f.getName().endsWith("PREFIX")) {
          names.add((String) f.get(null));
        }
      }
    }
    return names;
  }
}
