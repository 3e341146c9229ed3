package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.workflows.RemediationWorkflow;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionSignaledEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The last child status delivered to each workflow, per child. Empty when a leadership term begins;
 * the first time a workflow is consulted its entries are read back from the workflow's own history
 * (its {@code childStatusChanged} signal events). So a new leader, or a restarted bridge, knows
 * what the previous one delivered and does not signal the same change twice.
 */
final class DeliveredSignals {

  static final String SIGNAL = RemediationWorkflow.CHILD_STATUS_CHANGED;

  private final WorkflowClient client;
  private final Map<String, Map<String, ChildStatus>> delivered = new ConcurrentHashMap<>();

  DeliveredSignals(WorkflowClient client) {
    this.client = client;
  }

  /** True when {@code status} is not newer than what {@code workflowId} already received. */
  boolean alreadyDelivered(String workflowId, ChildStatus status) {
    ChildStatus last = entries(workflowId).get(key(status));
    return last != null && status.isNotNewerThan(last);
  }

  void recordDelivered(String workflowId, ChildStatus status) {
    entries(workflowId).merge(key(status), status, (a, b) -> b.isNotNewerThan(a) ? a : b);
  }

  void forget(String workflowId) {
    delivered.remove(workflowId);
  }

  private Map<String, ChildStatus> entries(String workflowId) {
    return delivered.computeIfAbsent(workflowId, this::readHistory);
  }

  private Map<String, ChildStatus> readHistory(String workflowId) {
    Map<String, ChildStatus> entries = new ConcurrentHashMap<>();
    DataConverter converter = client.getOptions().getDataConverter();
    try (Stream<HistoryEvent> events = client.streamHistory(workflowId)) {
      events
          .filter(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
          .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
          .filter(a -> SIGNAL.equals(a.getSignalName()) && a.hasInput())
          .map(a -> decode(converter, a))
          .flatMap(Optional::stream)
          .forEach(s -> entries.merge(key(s), s, (a, b) -> b.isNotNewerThan(a) ? a : b));
    } catch (RuntimeException e) {
      if (!WorkflowStarter.isNotFound(e)) {
        throw e;
      }
    }
    return entries;
  }

  private static Optional<ChildStatus> decode(
      DataConverter converter, WorkflowExecutionSignaledEventAttributes a) {
    try {
      return Optional.ofNullable(
          converter.fromPayloads(
              0, Optional.of(a.getInput()), ChildStatus.class, ChildStatus.class));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String key(ChildStatus status) {
    return status.kind() + "/" + status.name();
  }
}
