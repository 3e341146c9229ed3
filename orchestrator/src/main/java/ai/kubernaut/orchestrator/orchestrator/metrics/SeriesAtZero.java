package ai.kubernaut.orchestrator.orchestrator.metrics;

import ai.kubernaut.orchestrator.activities.ActivityMetrics;
import ai.kubernaut.orchestrator.workflows.WorkflowMetrics;
import ai.kubernaut.orchestrator.workflows.logic.Timeouts;
import ai.kubernaut.orchestrator.workflows.model.NotificationType;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.serviceclient.MetricsTag;
import io.temporal.worker.MetricsType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series the PrometheusRule and the runbooks read, registered at 0 from start-up: an alert then
 * has a series to read before the first event, and the first event is an increase Prometheus can
 * see rather than the birth of a series (which {@code increase()} and {@code rate()} miss).
 *
 * <p>The Temporal SDK's series and the workflow's own ({@link WorkflowMetrics}, reported through
 * the SDK's tally scope) must carry exactly the tag keys the SDK will use, or the Prometheus
 * registry refuses the SDK's meter and the real counts are lost: the SDK's default tags ({@link
 * MetricsTag#defaultTags}) plus the worker's {@code task_queue}, and per series the tags the SDK
 * adds ({@code SeriesAtZeroTest} proves they match what a real worker reports). Label values come
 * only from fixed sets: phases, outcomes, activity types, failure reasons, gRPC codes, and the RR
 * namespaces ({@link #namespace}).
 */
public final class SeriesAtZero {

  /** Namespace value of the series registered before any RR namespace is known. */
  public static final String NO_NAMESPACE_YET = "none";

  static final String REMEDIATION_WORKFLOW = "RemediationWorkflow";
  static final List<String> WORKFLOW_TYPES =
      List.of(REMEDIATION_WORKFLOW, "FingerprintCoordinatorWorkflow", "TargetLockWorkflow");
  static final List<String> WORKFLOW_TASK_FAILURES =
      List.of(
          MetricsTag.TASK_FAILURE_VALUE_WORKFLOW_ERROR,
          MetricsTag.TASK_FAILURE_VALUE_NON_DETERMINISM_ERROR,
          MetricsTag.TASK_FAILURE_VALUE_GRPC_MESSAGE_TOO_LARGE);

  /** What a failed activity throws: retryable API errors as is, the rest as ApplicationFailure. */
  static final List<String> ACTIVITY_EXCEPTIONS =
      List.of("KubernetesClientException", "ApplicationFailure");

  /** The SDK's {@code failure_reason} of a failed activity execution. */
  static final String ACTIVITY_ERROR = "ActivityError";

  /** Terminal phase and outcome pairs the workflow ends with ({@code Terminal}). */
  static final Map<String, List<String>> ENDINGS =
      Map.of(
          "Completed", List.of("Remediated", "NoActionRequired"),
          "Failed", List.of("Failed", "ManualReviewRequired", "Deduplicated"),
          "TimedOut", List.of("TimedOut", "Deduplicated"),
          "Cancelled", List.of("Cancelled"),
          "Skipped", List.of("Deduplicated"));

  private final MeterRegistry registry;
  private final ActivityMetrics activityMetrics;
  private final String temporalNamespace;
  private final String taskQueue;
  private final Set<String> namespaces = ConcurrentHashMap.newKeySet();

  public SeriesAtZero(MeterRegistry registry, String temporalNamespace, String taskQueue) {
    this.registry = registry;
    this.activityMetrics = new ActivityMetrics(registry);
    this.temporalNamespace = temporalNamespace;
    this.taskQueue = taskQueue;
  }

  /**
   * The SDK's failure series of this worker, for the activity types of {@code interfaces}, and the
   * local-activity failure series for those of {@code localInterfaces}.
   */
  public void worker(List<Class<?>> activityInterfaces, List<Class<?>> localInterfaces) {
    for (String workflowType : WORKFLOW_TYPES) {
      for (String reason : WORKFLOW_TASK_FAILURES) {
        counter(
            MetricsType.WORKFLOW_TASK_EXECUTION_FAILURE_COUNTER,
            Map.of(
                MetricsTag.WORKER_TYPE, "WorkflowWorker",
                MetricsTag.WORKFLOW_TYPE, workflowType,
                MetricsTag.TASK_FAILURE_TYPE, reason));
      }
    }
    activityFailures(
        MetricsType.ACTIVITY_EXEC_FAILED_COUNTER, "ActivityWorker", activityInterfaces);
    activityFailures(
        MetricsType.LOCAL_ACTIVITY_EXEC_FAILED_COUNTER, "LocalActivityWorker", localInterfaces);
    Map<String, String> polls =
        Map.of(
            "PollWorkflowTaskQueue", "WorkflowWorker", "PollActivityTaskQueue", "ActivityWorker");
    for (Status.Code code : Status.Code.values()) {
      if (code == Status.Code.OK) {
        continue;
      }
      polls.forEach(
          (operation, workerType) ->
              counter(
                  io.temporal.serviceclient.MetricsType.TEMPORAL_LONG_REQUEST_FAILURE,
                  Map.of(
                      MetricsTag.OPERATION_NAME,
                      operation,
                      MetricsTag.WORKER_TYPE,
                      workerType,
                      MetricsTag.STATUS_CODE,
                      code.name(),
                      MetricsTag.UPDATE_NAME,
                      MetricsTag.DEFAULT_VALUE)));
    }
  }

  /** The failure counter {@code name} of {@code workerType}, per activity type and exception. */
  private void activityFailures(String name, String workerType, List<Class<?>> interfaces) {
    for (String activityType : activityTypes(interfaces)) {
      for (String exception : ACTIVITY_EXCEPTIONS) {
        counter(
            name,
            Map.of(
                MetricsTag.WORKER_TYPE, workerType,
                MetricsTag.ACTIVITY_TYPE, activityType,
                MetricsTag.WORKFLOW_TYPE, REMEDIATION_WORKFLOW,
                MetricsTag.EXCEPTION, exception,
                MetricsTag.TASK_FAILURE_TYPE, ACTIVITY_ERROR));
      }
    }
  }

  /**
   * The per-namespace series (status writes, timeouts, notification failures, remediation
   * durations) for an RR namespace; once per namespace, cheap to call for every RR seen.
   */
  public void namespace(String namespace) {
    if (namespace == null || !namespaces.add(namespace)) {
      return;
    }
    activityMetrics.preRegister(namespace);
    for (String phase : Timeouts.EXTENDABLE) {
      counter(WorkflowMetrics.TIMEOUTS, remediationTags(namespace, Map.of("phase", phase)));
    }
    for (NotificationType type : NotificationType.values()) {
      counter(
          WorkflowMetrics.NOTIFICATION_FAILURES,
          remediationTags(namespace, Map.of("type", type.name())));
    }
    ENDINGS.forEach(
        (phase, outcomes) ->
            outcomes.forEach(
                outcome ->
                    Timer.builder(WorkflowMetrics.REMEDIATION_DURATION)
                        .tags(
                            tags(
                                remediationTags(
                                    namespace, Map.of("phase", phase, "outcome", outcome))))
                        .register(registry)));
  }

  /** The workflow's own series: its scope's tags, with the RR namespace as {@code namespace}. */
  private Map<String, String> remediationTags(String namespace, Map<String, String> own) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(MetricsTag.WORKFLOW_TYPE, REMEDIATION_WORKFLOW);
    tags.putAll(own);
    tags.put(MetricsTag.NAMESPACE, namespace);
    return tags;
  }

  private void counter(String name, Map<String, String> specific) {
    Counter.builder(name).tags(tags(specific)).register(registry);
  }

  private List<Tag> tags(Map<String, String> specific) {
    Map<String, String> all = new LinkedHashMap<>(MetricsTag.defaultTags(temporalNamespace));
    all.put(MetricsTag.TASK_QUEUE, taskQueue);
    all.putAll(specific);
    List<Tag> tags = new ArrayList<>();
    all.forEach((k, v) -> tags.add(Tag.of(k, v)));
    return tags;
  }

  private static List<String> activityTypes(List<Class<?>> interfaces) {
    return interfaces.stream()
        .map(POJOActivityInterfaceMetadata::newInstance)
        .flatMap(m -> m.getMethodsMetadata().stream())
        .map(POJOActivityMethodMetadata::getActivityTypeName)
        .distinct()
        .sorted()
        .toList();
  }
}
