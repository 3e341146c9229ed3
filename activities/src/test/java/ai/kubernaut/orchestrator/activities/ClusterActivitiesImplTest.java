package ai.kubernaut.orchestrator.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import ai.kubernaut.orchestrator.workflows.model.TerminationRateQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterActivitiesImplTest {

  private static final Instant NOW = Instant.parse("2025-01-31T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TerminationRateQuery LAST_HOUR =
      new TerminationRateQuery(Duration.ofHours(1));

  @Test
  void countsFailedAndTimedOutAgainstEverythingThatEndedInTheWindow() {
    List<RemediationRequest> rrs =
        List.of(
            ended(RemediationPhase.COMPLETED, 10),
            ended(RemediationPhase.COMPLETED, 20),
            ended(RemediationPhase.FAILED, 30),
            ended(RemediationPhase.TIMED_OUT, 59),
            ended(RemediationPhase.CANCELLED, 5),
            ended(RemediationPhase.FAILED, 61), // outside the window
            running(RemediationPhase.EXECUTING),
            new RemediationRequest());
    ClusterActivitiesImpl activities = new ClusterActivitiesImpl(() -> rrs, () -> true, CLOCK);

    TerminationRate rate = activities.terminationRate(LAST_HOUR);

    assertThat(rate.failed()).isEqualTo(2);
    assertThat(rate.attempted()).isEqualTo(5);
    assertThat(rate.ratio()).isEqualTo(0.4);
  }

  @Test
  void anEmptyClusterHasNoTerminations() {
    ClusterActivitiesImpl activities = new ClusterActivitiesImpl(List::of, () -> true, CLOCK);

    assertThat(activities.terminationRate(LAST_HOUR).ratio()).isZero();
  }

  @Test
  void refusesToAnswerBeforeTheCacheHasSynced() {
    ClusterActivitiesImpl activities = new ClusterActivitiesImpl(List::of, () -> false, CLOCK);

    assertThatThrownBy(() -> activities.terminationRate(LAST_HOUR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("synced");
  }

  static RemediationRequest ended(RemediationPhase phase, int minutesAgo) {
    RemediationRequest rr = running(phase);
    rr.getStatus().setCompletionTime(NOW.minus(Duration.ofMinutes(minutesAgo)).toString());
    return rr;
  }

  static RemediationRequest running(RemediationPhase phase) {
    RemediationRequest rr = new RemediationRequest();
    RemediationRequestStatus status = new RemediationRequestStatus();
    status.setOverallPhase(phase);
    rr.setStatus(status);
    return rr;
  }
}
