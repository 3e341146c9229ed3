package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.activities.kube.CreateOrAdopt;
import ai.kubernaut.orchestrator.activities.kube.Written;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.NotificationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.kube.AIAnalysisFactory;
import ai.kubernaut.orchestrator.kube.ApprovalRequestFactory;
import ai.kubernaut.orchestrator.kube.ChildMetadata;
import ai.kubernaut.orchestrator.kube.ChildStatusMapper;
import ai.kubernaut.orchestrator.kube.SignalProcessingFactory;
import ai.kubernaut.orchestrator.kube.WorkflowExecutionFactory;
import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.model.ApprovalDecisionRecord;
import ai.kubernaut.orchestrator.workflows.model.ChildKey;
import ai.kubernaut.orchestrator.workflows.model.ChildKind;
import ai.kubernaut.orchestrator.workflows.model.ChildObservation;
import ai.kubernaut.orchestrator.workflows.model.ChildRef;
import ai.kubernaut.orchestrator.workflows.model.CreateAIAnalysis;
import ai.kubernaut.orchestrator.workflows.model.CreateApprovalRequest;
import ai.kubernaut.orchestrator.workflows.model.CreateSignalProcessing;
import ai.kubernaut.orchestrator.workflows.model.CreateWorkflowExecution;
import ai.kubernaut.orchestrator.workflows.model.ExtendChildDeadline;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the RR's children from pure factories through the create-or-adopt writer, reads their
 * status, records approval decisions and closes children when the remediation ends. Each create
 * reads the RR (and the SignalProcessing or AIAnalysis it passes data from) itself, from the caches
 * when they have it, so the workflow history carries names only, never payloads.
 */
public final class ChildActivitiesImpl implements ChildActivities {

  private static final Logger LOG = LoggerFactory.getLogger(ChildActivitiesImpl.class);

  private final KubeResources kube;
  private final CreateOrAdopt writer;
  private final ActivityMetrics metrics;
  private final ChildStatusWriter statusWriter;
  private final ChildLookup children;

  public ChildActivitiesImpl(KubernetesClient client, Clock clock, ActivityMetrics metrics) {
    this(client, clock, metrics, RemediationLookup.NONE);
  }

  /** With {@code cache} consulted before reading an RR from the API server. */
  public ChildActivitiesImpl(
      KubernetesClient client, Clock clock, ActivityMetrics metrics, RemediationLookup cache) {
    this(client, clock, metrics, cache, ChildLookup.NONE);
  }

  /**
   * With {@code cache} consulted before reading an RR, and {@code children} before reading the
   * finished child a create copies from.
   */
  public ChildActivitiesImpl(
      KubernetesClient client,
      Clock clock,
      ActivityMetrics metrics,
      RemediationLookup cache,
      ChildLookup children) {
    this.children = Objects.requireNonNull(children, "children");
    this.kube = new KubeResources(client, cache);
    this.writer = new CreateOrAdopt(client);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.statusWriter =
        new ChildStatusWriter(kube, Objects.requireNonNull(clock, "clock"), metrics);
  }

  @Override
  public ChildRef createSignalProcessing(CreateSignalProcessing request) {
    RemediationRequest rr = kube.requireRemediation(request.rr());
    return write(
        ChildKind.SignalProcessing,
        rr,
        SignalProcessingFactory.desired(rr, request.name(), request.timesOutAt()));
  }

  @Override
  public ChildRef createAIAnalysis(CreateAIAnalysis request) {
    RemediationRequest rr = kube.requireRemediation(request.rr());
    SignalProcessing sp =
        request.signalProcessingName() == null
            ? null
            : requireFinished(
                SignalProcessing.class,
                request.rr(),
                request.signalProcessingName(),
                ChildActivitiesImpl::finished);
    return write(
        ChildKind.AIAnalysis,
        rr,
        AIAnalysisFactory.desired(
            rr, request.name(), sp, request.recovery(), request.timesOutAt()));
  }

  @Override
  public ChildRef createApprovalRequest(CreateApprovalRequest request) {
    RemediationRequest rr = kube.requireRemediation(request.rr());
    AIAnalysis ai = requireFinishedAnalysis(request.rr(), request.aiAnalysisName());
    return write(
        ChildKind.RemediationApprovalRequest,
        rr,
        ApprovalRequestFactory.desired(rr, request.name(), ai, request.requiredBy()));
  }

  @Override
  public ChildRef createWorkflowExecution(CreateWorkflowExecution request) {
    RemediationRequest rr = kube.requireRemediation(request.rr());
    AIAnalysis ai = requireFinishedAnalysis(request.rr(), request.aiAnalysisName());
    WorkflowExecution desired;
    try {
      desired =
          WorkflowExecutionFactory.desired(
              rr, request.name(), ai, request.attemptNumber(), request.timesOutAt());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_SPEC);
    }
    return write(ChildKind.WorkflowExecution, rr, desired);
  }

  @Override
  public ChildObservation readChildStatus(ChildKey key) {
    HasMetadata child = kube.find(kindClass(key.kind()), key.rr().namespace(), key.name());
    if (child == null) {
      LOG.debug("{} {} not found yet", key.kind(), key.name());
      return ChildObservation.notFound();
    }
    if (!belongsTo(child, key.rr())) {
      // left by an earlier RR of the same name: not this remediation's child (yet)
      LOG.debug("{} {} is controlled by another owner", key.kind(), key.name());
      return ChildObservation.notFound();
    }
    return ChildObservation.of(ChildStatusMapper.map(child));
  }

  @Override
  public void recordApprovalDecision(ApprovalDecisionRecord decision) {
    statusWriter.recordDecision(decision);
  }

  @Override
  public int markChildrenTerminal(TerminateChildren request) {
    return statusWriter.markTerminal(request);
  }

  @Override
  public boolean extendChildDeadline(ExtendChildDeadline request) {
    return statusWriter.extendDeadline(request);
  }

  private <T extends HasMetadata> ChildRef write(ChildKind kind, RemediationRequest rr, T desired) {
    Written<T> written = writer.createOrAdopt(desired, ChildMetadata.controllerRef(rr));
    metrics.childCreated(kind.name(), written.outcome().tag());
    LOG.info(
        "{} {} {}",
        written.existed() ? "adopted" : "created",
        kind,
        desired.getMetadata().getName());
    return new ChildRef(kind, desired.getMetadata().getName(), written.uid(), written.existed());
  }

  /**
   * The child a create copies from: a copy of the cached one when the cache shows it {@code
   * finished} (a finished SignalProcessing or AIAnalysis no longer changes, and the workflow only
   * creates the next child once it has finished), else a read.
   */
  private <T extends HasMetadata> T requireFinished(
      Class<T> type, RemediationRef rr, String name, Predicate<T> finished) {
    T cached = children.cached(type, rr.namespace(), name);
    if (cached != null && finished.test(cached)) {
      return kube.serialization().clone(cached);
    }
    return requireChild(type, rr, name);
  }

  private AIAnalysis requireFinishedAnalysis(RemediationRef rr, String name) {
    return requireFinished(AIAnalysis.class, rr, name, ChildActivitiesImpl::finished);
  }

  private static boolean finished(SignalProcessing sp) {
    return sp.getStatus() != null
        && sp.getStatus().getPhase() != null
        && sp.getStatus().getPhase().isTerminal();
  }

  private static boolean finished(AIAnalysis ai) {
    return ai.getStatus() != null
        && ai.getStatus().getPhase() != null
        && ai.getStatus().getPhase().isTerminal();
  }

  private <T extends HasMetadata> T requireChild(Class<T> type, RemediationRef rr, String name) {
    T child = kube.find(type, rr.namespace(), name);
    if (child == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          type.getSimpleName()
              + " "
              + rr.namespace()
              + "/"
              + name
              + " does not exist; it is needed to build the next child",
          FailureTypes.NOT_FOUND);
    }
    return child;
  }

  /** Owned kinds must be controlled by this RR's UID; NotificationRequests are never owned. */
  private static boolean belongsTo(HasMetadata child, RemediationRef rr) {
    if (child instanceof NotificationRequest || rr.uid() == null) {
      return true;
    }
    var controller = CreateOrAdopt.controllerOf(child);
    return controller != null && rr.uid().equals(controller.getUid());
  }

  static Class<? extends HasMetadata> kindClass(ChildKind kind) {
    return switch (kind) {
      case SignalProcessing -> SignalProcessing.class;
      case AIAnalysis -> AIAnalysis.class;
      case RemediationApprovalRequest -> RemediationApprovalRequest.class;
      case WorkflowExecution -> WorkflowExecution.class;
      case NotificationRequest -> NotificationRequest.class;
    };
  }
}
