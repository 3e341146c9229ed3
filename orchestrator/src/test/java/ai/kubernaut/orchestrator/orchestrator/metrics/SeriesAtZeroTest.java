package ai.kubernaut.orchestrator.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.WorkflowMetrics;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The series registered at 0 are the very series a real worker reports into: a workflow task that
 * fails once, an activity that fails once with a Kubernetes API error, the workflow's own timeout
 * counter and duration timer, and the long polls cancelled at shutdown all count on them. A tag key
 * set that differed from the SDK's would make the registry refuse the SDK's meter, and these would
 * stay at 0.
 */
class SeriesAtZeroTest {

  private static final String QUEUE = "zero";
  private static final String RR_NAMESPACE = "payments";
  private static final AtomicInteger TASKS = new AtomicInteger();
  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @WorkflowInterface
  public interface Remediation {
    @WorkflowMethod(name = "RemediationWorkflow")
    void run();
  }

  @ActivityInterface
  public interface Writes {
    void writeStatus();
  }

  public static class RemediationImpl implements Remediation {
    @Override
    public void run() {
      if (TASKS.incrementAndGet() == 1) {
        throw new Error("a bug: the workflow task fails once");
      }
      Scope scope = Workflow.getMetricsScope();
      scope
          .tagged(Map.of("phase", "Executing", "namespace", RR_NAMESPACE))
          .counter(WorkflowMetrics.TIMEOUTS)
          .inc(1);
      scope
          .tagged(Map.of("type", "Escalation", "namespace", RR_NAMESPACE))
          .counter(WorkflowMetrics.NOTIFICATION_FAILURES)
          .inc(1);
      Workflow.newActivityStub(
              Writes.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(10))
                  .setRetryOptions(
                      RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(10)).build())
                  .build())
          .writeStatus();
      // status writes run as local activities: their failures count on a series of their own
      Workflow.newLocalActivityStub(
              Writes.class,
              LocalActivityOptions.newBuilder()
                  // without a schedule-to-close and an attempt limit the SDK retries no local
                  // activity; the workflow's always have one (the phase budget)
                  .setScheduleToCloseTimeout(Duration.ofMinutes(1))
                  .setStartToCloseTimeout(Duration.ofSeconds(10))
                  .setRetryOptions(
                      RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(10)).build())
                  .build())
          .writeStatus();
      scope
          .tagged(Map.of("phase", "Completed", "outcome", "Remediated", "namespace", RR_NAMESPACE))
          .timer(WorkflowMetrics.REMEDIATION_DURATION)
          .record(com.uber.m3.util.Duration.ofSeconds(90));
    }
  }

  public static class WritesImpl implements Writes {
    @Override
    public void writeStatus() {
      int attempt = ATTEMPTS.incrementAndGet();
      if (attempt == 1 || attempt == 3) { // the first attempt of the activity and of the local one
        throw new KubernetesClientException("the API server answered 500", 500, null);
      }
    }
  }

  @Test
  void aRealWorkerReportsIntoTheSeriesRegisteredAtZero() throws Exception {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofMillis(50));
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setMetricsScope(scope).build());
    SeriesAtZero zeros = new SeriesAtZero(registry, env.getNamespace(), QUEUE);
    zeros.worker(List.of(Writes.class), List.of(Writes.class));
    zeros.namespace(RR_NAMESPACE);
    int registered = registry.getMeters().size();
    List<String> exact =
        List.of(
            "temporal_workflow_task_execution_failed",
            "temporal_activity_execution_failed",
            "temporal_local_activity_execution_failed",
            WorkflowMetrics.TIMEOUTS,
            WorkflowMetrics.NOTIFICATION_FAILURES,
            WorkflowMetrics.REMEDIATION_DURATION);
    Map<String, Integer> before =
        exact.stream().collect(Collectors.toMap(n -> n, n -> registry.find(n).meters().size()));
    assertThat(count(registry, "temporal_workflow_task_execution_failed", "WorkflowError"))
        .isZero();

    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(RemediationImpl.class);
    worker.registerActivitiesImplementations(new WritesImpl());
    env.start();
    env.getWorkflowClient()
        .newWorkflowStub(
            Remediation.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId("rr/payments/x/1")
                .build())
        .run();
    env.close();
    scope.close();

    assertThat(count(registry, "temporal_workflow_task_execution_failed", "WorkflowError"))
        .isEqualTo(1);
    assertThat(count(registry, "temporal_activity_execution_failed", "KubernetesClientException"))
        .isEqualTo(1);
    registry
        .find("temporal_local_activity_execution_failed")
        .meters()
        .forEach(m -> System.out.println("LOCALMETER " + m.getId()));
    assertThat(count(registry, WorkflowMetrics.TIMEOUTS, "Executing")).isEqualTo(1);
    assertThat(count(registry, WorkflowMetrics.NOTIFICATION_FAILURES, "Escalation")).isEqualTo(1);
    assertThat(
            registry
                .find(WorkflowMetrics.REMEDIATION_DURATION)
                .tag("outcome", "Remediated")
                .tag("namespace", RR_NAMESPACE)
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(count(registry, "temporal_long_request_failure", "CANCELLED")).isPositive();
    for (String name :
        List.of(
            "temporal_workflow_task_execution_failed",
            "temporal_activity_execution_failed",
            "temporal_local_activity_execution_failed",
            "temporal_long_request_failure",
            WorkflowMetrics.TIMEOUTS,
            WorkflowMetrics.NOTIFICATION_FAILURES,
            WorkflowMetrics.REMEDIATION_DURATION)) {
      assertThat(tagKeySets(registry, name)).as(name).hasSize(1);
    }
    assertThat(registered).isGreaterThan(50);
    for (String name : exact) {
      assertThat(registry.find(name).meters())
          .as("%s: the SDK counted on the series registered at 0, not on new ones", name)
          .hasSize(before.get(name));
    }
  }

  @Test
  void aNamespaceIsRegisteredOnce() {
    PrometheusMeterRegistry registry = MeterRegistries.prometheus();
    SeriesAtZero zeros = new SeriesAtZero(registry, "default", QUEUE);

    zeros.namespace("payments");
    int once = registry.getMeters().size();
    zeros.namespace("payments");
    zeros.namespace(null);

    assertThat(registry.getMeters()).hasSize(once);
    assertThat(registry.scrape())
        .contains(
            "kubernaut_remediationorchestrator_status_write_conflicts_total{",
            "kubernaut_remediationorchestrator_timeouts_total{",
            "kubernaut_remediationorchestrator_notification_failures_total{",
            "kubernaut_remediationorchestrator_remediation_duration_seconds_count{");
  }

  /** The count of the one series of {@code name} that has {@code value} as one of its tags. */
  private static double count(PrometheusMeterRegistry registry, String name, String value) {
    return registry.find(name).counters().stream()
        .filter(c -> c.getId().getTags().stream().anyMatch(t -> t.getValue().equals(value)))
        .filter(
            c ->
                c.getId().getTag("namespace") == null
                    || !c.getId().getTag("namespace").equals("none"))
        .mapToDouble(io.micrometer.core.instrument.Counter::count)
        .sum();
  }

  private static Set<Set<String>> tagKeySets(PrometheusMeterRegistry registry, String name) {
    return registry.find(name).meters().stream()
        .map(Meter::getId)
        .map(id -> id.getTags().stream().map(t -> t.getKey()).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
  }
}
