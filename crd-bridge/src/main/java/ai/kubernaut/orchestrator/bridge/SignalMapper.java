package ai.kubernaut.orchestrator.bridge;

import ai.kubernaut.orchestrator.bridge.BridgeMetrics.FilterReason;
import ai.kubernaut.orchestrator.kube.ChildStatusMapper;
import ai.kubernaut.orchestrator.workflows.logic.ChildPhases;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a child informer event into the {@code childStatusChanged} signal the workflow needs, or
 * into nothing. Pure: no client, no clock. Every filtering decision of the bridge lives here.
 */
public final class SignalMapper {

  private SignalMapper() {}

  /** The signal for the change from {@code oldChild} (null on add) to {@code newChild}, if any. */
  public static Optional<ChildStatus> map(HasMetadata oldChild, HasMetadata newChild) {
    return Optional.ofNullable(decide(oldChild, newChild).status());
  }

  /** Like {@link #map}, but says why an event was dropped. */
  public static Decision decide(HasMetadata oldChild, HasMetadata newChild) {
    ChildStatus next = toChildStatus(newChild);
    if (next == null) {
      return Decision.drop(FilterReason.NO_STATUS);
    }
    if (!isDecisive(next)) {
      return Decision.drop(FilterReason.NOT_DECISIVE);
    }
    if (oldChild == null) {
      return Decision.signal(next);
    }
    String oldVersion = oldChild.getMetadata().getResourceVersion();
    if (Objects.equals(oldVersion, next.resourceVersion())) {
      return Decision.drop(FilterReason.RESYNC);
    }
    ChildStatus previous = toChildStatus(oldChild);
    if (previous != null && next.isNotNewerThan(previous)) {
      return Decision.drop(FilterReason.STALE);
    }
    if (previous != null && withoutVersion(previous).equals(withoutVersion(next))) {
      return Decision.drop(FilterReason.UNCHANGED);
    }
    return Decision.signal(next);
  }

  /**
   * What the workflow reads from {@code child}, or null while the child has no phase (or, for a
   * RemediationApprovalRequest, no decision): there is nothing to tell the workflow yet. The
   * mapping is the activities' own ({@link ChildStatusMapper}), so a signal and the workflow's
   * re-read of the same child version are equal.
   */
  public static ChildStatus toChildStatus(HasMetadata child) {
    if (child == null) {
      return null;
    }
    ChildStatus status = ChildStatusMapper.map(child);
    return status.phase() == null ? null : status;
  }

  /**
   * Whether the workflow acts on {@code status}. A SignalProcessing's or an AIAnalysis's phases
   * before Completed or Failed change nothing in the workflow (it waits for the end, and its status
   * writes happen on transitions, which re-read a child whose signal a deadline overtook), so they
   * cost history events for nothing. A WorkflowExecution's progress shows on the RR, and a
   * NotificationRequest's phases are its delivery report: those all go.
   */
  static boolean isDecisive(ChildStatus status) {
    return switch (status.kind()) {
      case SignalProcessing, AIAnalysis -> ChildPhases.isTerminal(status.kind(), status.phase());
      default -> true;
    };
  }

  /** The child kind of a child resource object. */
  public static ChildKind kindOf(HasMetadata child) {
    return ChildKind.valueOf(child.getKind());
  }

  private static ChildStatus withoutVersion(ChildStatus s) {
    return new ChildStatus(
        s.kind(),
        s.name(),
        null,
        s.phase(),
        s.message(),
        s.classification(),
        s.analysis(),
        s.approval(),
        s.execution());
  }

  /** A signal to send ({@code status} set), or the reason the event was dropped. */
  public record Decision(ChildStatus status, FilterReason dropped) {

    static Decision signal(ChildStatus status) {
      return new Decision(status, null);
    }

    static Decision drop(FilterReason reason) {
      return new Decision(null, reason);
    }

    public boolean isSignal() {
      return status != null;
    }
  }
}
