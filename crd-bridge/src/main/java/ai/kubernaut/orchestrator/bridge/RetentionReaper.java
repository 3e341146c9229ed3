package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes terminal RRs once {@code status.retentionExpiryTime} has passed and their workflow has
 * closed; children go with the RR by garbage collection (NotificationRequests stay for audit).
 */
final class RetentionReaper {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionReaper.class);

  private final WorkflowStarter starter;
  private final RemediationRequestWriter writer;
  private final BridgeMetrics metrics;
  private final Clock clock;

  /** UIDs this term already deleted (the informer cache may still show them for a moment). */
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  RetentionReaper(
      WorkflowStarter starter,
      RemediationRequestWriter writer,
      BridgeMetrics metrics,
      Clock clock) {
    this.starter = starter;
    this.writer = writer;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** When the terminal RR expires, or empty when it has no (valid) expiry time. */
  static Optional<Instant> expiry(RemediationRequest rr) {
    return Timestamps.parse(
        rr.getStatus() == null ? null : rr.getStatus().getRetentionExpiryTime());
  }

  /** Time left before the RR may be deleted; zero or negative once expired. */
  Optional<Duration> remaining(RemediationRequest rr) {
    return expiry(rr).map(at -> Duration.between(clock.instant(), at));
  }

  /** Deletes the terminal RR if it is past retention and its workflow is closed. */
  WorkQueue.Result reapIfExpired(RemediationRequest rr) {
    Optional<Duration> left = remaining(rr);
    if (left.isEmpty()
        || (!left.get().isNegative() && !left.get().isZero())
        || deleted.contains(rr.getMetadata().getUid())) {
      return WorkQueue.Result.DONE;
    }
    Optional<WorkflowStarter.Described> workflow = starter.describe(WorkflowStarter.workflowId(rr));
    if (workflow.isPresent() && workflow.get().isRunning()) {
      LOG.debug("retention expired but the workflow is still running; keeping the RR");
      return WorkQueue.Result.DONE;
    }
    if (writer.delete(rr) && deleted.add(rr.getMetadata().getUid())) {
      metrics.retentionDeleted(rr.getMetadata().getNamespace());
      LOG.info("retention expired: deleted the RemediationRequest");
    }
    return WorkQueue.Result.DONE;
  }
}
