package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.activities.kube.EventNames;
import ai.kubernaut.orchestrator.workflows.model.EventRecord;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events on an RR, named deterministically ({@link EventNames}) so a retried activity
 * never duplicates one: 409 AlreadyExists means "already emitted".
 */
public final class EventRecorder {

  public static final String COMPONENT = "remediation-orchestrator";
  static final int MAX_MESSAGE = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final ActivityMetrics metrics;

  public EventRecorder(KubernetesClient client, Clock clock, ActivityMetrics metrics) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Emits {@code events} on {@code involved}; returns how many were newly created. */
  public int emit(
      HasMetadata involved,
      List<EventRecord> events,
      String workflowId,
      String runId,
      long sequence) {
    int created = 0;
    for (int i = 0; i < events.size(); i++) {
      EventRecord record = events.get(i);
      String name = EventNames.of(involved.getMetadata().getName(), workflowId, runId, sequence, i);
      Event event = build(involved, record, name);
      try {
        client
            .v1()
            .events()
            .inNamespace(event.getMetadata().getNamespace())
            .resource(event)
            .create();
        created++;
        metrics.event(record.type(), record.reason(), "created");
        LOG.debug("emitted event {} {} on {}", record.type(), record.reason(), name);
      } catch (KubernetesClientException e) {
        if (!KubeFailures.isConflict(e)) {
          throw KubeFailures.classify(e, "create Event " + name);
        }
        metrics.event(record.type(), record.reason(), "exists");
      }
    }
    return created;
  }

  Event build(HasMetadata involved, EventRecord record, String name) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String timestamp = DateTimeFormatter.ISO_INSTANT.format(now);
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(involved.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(involved.getApiVersion())
        .withKind(involved.getKind())
        .withName(involved.getMetadata().getName())
        .withNamespace(involved.getMetadata().getNamespace())
        .withUid(involved.getMetadata().getUid())
        .withResourceVersion(involved.getMetadata().getResourceVersion())
        .endInvolvedObject()
        .withType(record.type())
        .withReason(record.reason())
        .withMessage(truncate(record.message()))
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .withFirstTimestamp(timestamp)
        .withLastTimestamp(timestamp)
        .withCount(1)
        .build();
  }

  private static String truncate(String message) {
    if (message == null) {
      return "";
    }
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
