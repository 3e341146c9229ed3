package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.activities.kube.CreateOrAdopt;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysis;
import ai.kubernaut.orchestrator.api.v1alpha1.AIAnalysisPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.ApprovalDecision;
import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationApprovalRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessing;
import ai.kubernaut.orchestrator.api.v1alpha1.SignalProcessingPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecution;
import ai.kubernaut.orchestrator.api.v1alpha1.WorkflowExecutionPhase;
import ai.kubernaut.orchestrator.kube.ChildMetadata;
import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.model.ApprovalDecisionRecord;
import ai.kubernaut.orchestrator.workflows.model.ExtendChildDeadline;
import ai.kubernaut.orchestrator.workflows.model.RemediationRef;
import ai.kubernaut.orchestrator.workflows.model.TerminateChildren;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the few child status fields the orchestrator may set: an approval decision taken through
 * Temporal, and "terminal" when the remediation ends. Writes are generic (fields this version does
 * not model are kept), go through the status subresource with the read's resourceVersion, and are
 * retried from a fresh read on 409.
 */
final class ChildStatusWriter {

  static final String DECIDED_VIA = "temporal";
  static final int MAX_CONFLICT_RETRIES = 5;

  private static final Logger LOG = LoggerFactory.getLogger(ChildStatusWriter.class);

  /** The children whose phase is set to Failed; their terminal phases. */
  private static final List<Kind> RUNNING_KINDS =
      List.of(
          new Kind(
              SignalProcessing.class,
              p -> p != null && SignalProcessingPhase.fromValue(p).isTerminal()),
          new Kind(AIAnalysis.class, p -> p != null && AIAnalysisPhase.fromValue(p).isTerminal()),
          new Kind(
              WorkflowExecution.class,
              p -> p != null && WorkflowExecutionPhase.fromValue(p).isTerminal()));

  private final KubeResources kube;
  private final Clock clock;
  private final ActivityMetrics metrics;

  ChildStatusWriter(KubeResources kube, Clock clock, ActivityMetrics metrics) {
    this.kube = kube;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Records a decision on the RAR. Idempotent: the same decision already there is a no-op (the
   * first decidedBy/decidedAt stay). A different decision already there (taken on the RAR, or
   * Expired because the remediation ended) is never overwritten: non-retryable {@link
   * FailureTypes#APPROVAL_ALREADY_DECIDED} naming it, so the caller can refuse the late decision.
   */
  void recordDecision(ApprovalDecisionRecord record) {
    RemediationRef rr = record.rr();
    String name = record.approvalRequestName();
    ApprovalDecision wanted = ApprovalDecision.fromValue(record.decision());
    if (wanted == ApprovalDecision.UNKNOWN) {
      throw ApplicationFailure.newNonRetryableFailure(
          "decision must be Approved, Rejected or Expired, got \"" + record.decision() + "\"",
          FailureTypes.INVALID_SPEC);
    }
    String what = "RemediationApprovalRequest " + rr.namespace() + "/" + name;
    boolean written =
        updateStatus(
            RemediationApprovalRequest.class,
            rr,
            name,
            object -> {
              Map<String, Object> status = KubeResources.statusOf(object);
              ApprovalDecision current =
                  ApprovalDecision.fromValue((String) status.get("decision"));
              if (current == wanted) {
                metrics.approvalDecisionRecorded(wanted.value(), "unchanged");
                return null;
              }
              if (status.get("decision") != null && current != ApprovalDecision.UNKNOWN) {
                metrics.approvalDecisionRecorded(wanted.value(), "conflict");
                throw ApplicationFailure.newNonRetryableFailure(
                    what
                        + " was already decided "
                        + current.value()
                        + " by "
                        + status.get("decidedBy")
                        + " at "
                        + status.get("decidedAt")
                        + "; "
                        + wanted.value()
                        + " was not recorded",
                    FailureTypes.APPROVAL_ALREADY_DECIDED);
              }
              status.put("decision", wanted.value());
              status.put("decidedBy", record.decidedBy());
              status.put(
                  "decidedAt",
                  ChildMetadata.rfc3339(
                      record.decidedAt() != null ? record.decidedAt() : clock.instant()));
              putOrRemove(status, "decisionMessage", record.message());
              status.put("decidedVia", DECIDED_VIA);
              return status;
            },
            () -> {
              throw ApplicationFailure.newNonRetryableFailure(
                  what + " does not exist; the decision cannot be recorded",
                  FailureTypes.NOT_FOUND);
            });
    if (written) {
      metrics.approvalDecisionRecorded(wanted.value(), "written");
      LOG.info("recorded approval decision {} on {}", wanted.value(), name);
    }
  }

  /**
   * Marks the RR's children that are still running as Failed (SignalProcessing, AIAnalysis,
   * WorkflowExecution) and an undecided approval request as Expired: nobody approved before the
   * remediation ended, and approving a finished remediation must not be possible. Children that
   * already finished, decided approvals and NotificationRequests (they must still be delivered) are
   * left alone; with {@code names}, only the children named. Returns how many were changed; a
   * repeat changes nothing.
   */
  int markTerminal(TerminateChildren request) {
    RemediationRef rr = request.rr();
    String text = request.reason() + ": " + (request.message() == null ? "" : request.message());
    int changed = 0;
    for (Kind kind : RUNNING_KINDS) {
      for (GenericKubernetesResource child : children(kind.type(), rr)) {
        if (!named(request, child)) {
          continue;
        }
        String phase = (String) KubeResources.statusOf(child).get("phase");
        if (kind.terminal().test(phase)) {
          continue;
        }
        boolean written =
            updateStatus(
                kind.type(),
                rr,
                child.getMetadata().getName(),
                fresh -> {
                  Map<String, Object> status = KubeResources.statusOf(fresh);
                  if (kind.terminal().test((String) status.get("phase"))) {
                    return null;
                  }
                  status.put("phase", "Failed");
                  status.put("message", text);
                  if (kind.type() == AIAnalysis.class) {
                    status.put("reason", request.reason());
                  }
                  if (kind.type() == WorkflowExecution.class) {
                    status.put("failureReason", request.reason());
                    status.put("completionTime", ChildMetadata.rfc3339(clock.instant()));
                  }
                  return status;
                },
                () -> {});
        if (written) {
          changed++;
          metrics.childTerminated(kind.type().getSimpleName(), request.reason());
        }
      }
    }
    for (GenericKubernetesResource rar : children(RemediationApprovalRequest.class, rr)) {
      if (!named(request, rar) || KubeResources.statusOf(rar).get("decision") != null) {
        continue;
      }
      boolean written =
          updateStatus(
              RemediationApprovalRequest.class,
              rr,
              rar.getMetadata().getName(),
              fresh -> {
                Map<String, Object> status = KubeResources.statusOf(fresh);
                if (status.get("decision") != null) {
                  return null;
                }
                status.put("decision", ApprovalDecision.EXPIRED.value());
                status.put("decidedBy", EventRecorder.COMPONENT);
                status.put("decidedAt", ChildMetadata.rfc3339(clock.instant()));
                status.put("decisionMessage", text);
                status.put("decidedVia", DECIDED_VIA);
                return status;
              },
              () -> {});
      if (written) {
        changed++;
        metrics.childTerminated(RemediationApprovalRequest.class.getSimpleName(), request.reason());
      }
    }
    LOG.info("marked {} child(ren) terminal ({})", changed, request.reason());
    return changed;
  }

  /**
   * Moves the child's own deadline ({@code spec.timesOutAt}, {@code spec.requiredBy} of a RAR) to
   * {@code request.deadline()}: a JSON merge patch of that one field, with the read's
   * resourceVersion, re-read on 409. Returns false when the child is gone or already holds it; a
   * child another RR controls is never touched ({@link FailureTypes#CHILD_OWNED_BY_OTHER}).
   */
  boolean extendDeadline(ExtendChildDeadline request) {
    RemediationRef rr = request.rr();
    Class<? extends HasMetadata> type = ChildActivitiesImpl.kindClass(request.kind());
    String field = type == RemediationApprovalRequest.class ? "requiredBy" : "timesOutAt";
    String value = ChildMetadata.rfc3339(request.deadline());
    String what = type.getSimpleName() + " " + rr.namespace() + "/" + request.name();
    for (int attempt = 1; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      GenericKubernetesResource fresh;
      try {
        fresh = kube.generic(type).inNamespace(rr.namespace()).withName(request.name()).get();
      } catch (KubernetesClientException e) {
        throw KubeFailures.classify(e, "read " + what);
      }
      if (fresh == null) {
        return false;
      }
      if (!controlledBy(fresh, rr)) {
        throw ApplicationFailure.newNonRetryableFailure(
            what + " is not controlled by RemediationRequest " + rr.name(),
            FailureTypes.CHILD_OWNED_BY_OTHER);
      }
      Object spec = fresh.getAdditionalProperties().get("spec");
      if (spec instanceof Map<?, ?> m && value.equals(m.get(field))) {
        return false;
      }
      String patch =
          kube.serialization()
              .asJson(
                  Map.of(
                      "metadata",
                      Map.of("resourceVersion", fresh.getMetadata().getResourceVersion()),
                      "spec",
                      Map.of(field, value)));
      try {
        kube.generic(type)
            .inNamespace(rr.namespace())
            .withName(request.name())
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        LOG.info("moved spec.{} of {} to {}", field, request.name(), value);
        return true;
      } catch (KubernetesClientException e) {
        if (KubeFailures.isConflict(e)) {
          continue;
        }
        if (KubeFailures.isNotFound(e)) {
          return false;
        }
        throw KubeFailures.classify(e, "patch spec." + field + " of " + what);
      }
    }
    throw new IllegalStateException(
        "spec of " + what + " conflicted " + MAX_CONFLICT_RETRIES + " times in a row; retrying");
  }

  private static boolean named(TerminateChildren request, HasMetadata child) {
    return request.names() == null || request.names().contains(child.getMetadata().getName());
  }

  /** The RR's children of {@code type}: by label, then only those it controls. */
  private List<GenericKubernetesResource> children(
      Class<? extends HasMetadata> type, RemediationRef rr) {
    List<GenericKubernetesResource> items;
    try {
      items =
          kube.generic(type)
              .inNamespace(rr.namespace())
              .withLabel(Labels.REMEDIATION_REQUEST, Labels.value(rr.name()))
              .list()
              .getItems();
    } catch (KubernetesClientException e) {
      throw KubeFailures.classify(e, "list " + type.getSimpleName() + " of " + rr.name());
    }
    return items.stream().filter(child -> controlledBy(child, rr)).toList();
  }

  private static boolean controlledBy(HasMetadata child, RemediationRef rr) {
    OwnerReference controller = CreateOrAdopt.controllerOf(child);
    return rr.uid() == null || (controller != null && rr.uid().equals(controller.getUid()));
  }

  /**
   * Reads the object fresh, lets {@code mutate} return the new status (null: nothing to do) and
   * PUTs it with the read's resourceVersion, re-reading on 409. Returns whether it wrote.
   */
  private boolean updateStatus(
      Class<? extends HasMetadata> type,
      RemediationRef rr,
      String name,
      Function<GenericKubernetesResource, Map<String, Object>> mutate,
      Runnable whenMissing) {
    String what = type.getSimpleName() + " " + rr.namespace() + "/" + name;
    for (int attempt = 1; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      GenericKubernetesResource fresh;
      try {
        fresh = kube.generic(type).inNamespace(rr.namespace()).withName(name).get();
      } catch (KubernetesClientException e) {
        throw KubeFailures.classify(e, "read " + what);
      }
      if (fresh == null) {
        whenMissing.run();
        return false;
      }
      if (!controlledBy(fresh, rr)) {
        throw ApplicationFailure.newNonRetryableFailure(
            what
                + " is not controlled by RemediationRequest "
                + rr.name()
                + " (uid "
                + rr.uid()
                + ")",
            FailureTypes.CHILD_OWNED_BY_OTHER);
      }
      Map<String, Object> status = mutate.apply(fresh);
      if (status == null) {
        return false;
      }
      fresh.setAdditionalProperty("status", status);
      try {
        kube.generic(type).inNamespace(rr.namespace()).resource(fresh).updateStatus();
        return true;
      } catch (KubernetesClientException e) {
        if (KubeFailures.isConflict(e)) {
          LOG.debug("status of {} conflicted (attempt {}), re-reading", name, attempt);
          continue;
        }
        if (KubeFailures.isNotFound(e)) {
          whenMissing.run();
          return false;
        }
        throw KubeFailures.classify(e, "update status of " + what);
      }
    }
    throw new IllegalStateException(
        "status of " + what + " conflicted " + MAX_CONFLICT_RETRIES + " times in a row; retrying");
  }

  private static void putOrRemove(Map<String, Object> map, String key, String value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  private record Kind(Class<? extends HasMetadata> type, Predicate<String> terminal) {}
}
