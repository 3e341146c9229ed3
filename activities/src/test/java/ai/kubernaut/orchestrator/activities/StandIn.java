package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import ai.kubernaut.orchestrator.workflows.activities.ChildActivities;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.UUID;

/** Helpers for the *IT classes: one API stand-in per class, a namespace per test method. */
final class StandIn {

  /** Held so the level sticks: the mock web server logs every request through JUL at INFO. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private StandIn() {}

  static KubernetesApiStandIn start() {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    return KubernetesApiStandIn.start();
  }

  /**
   * A client that does not retry on its own (so a fault reaches the activity) and times out quickly
   * (so a delayed answer is a timeout).
   */
  static KubernetesClient client(KubernetesApiStandIn api) {
    return api.newClient(b -> b.withRequestRetryBackoffLimit(0).withRequestTimeout(2_000));
  }

  static String namespace(KubernetesApiStandIn api) {
    return api.createNamespace("t-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** Creates {@code rr} in {@code namespace}; returns it as stored (with the server's UID). */
  static RemediationRequest create(
      KubernetesClient client, String namespace, RemediationRequest rr) {
    rr.getMetadata().setNamespace(namespace);
    rr.getMetadata().setUid(null);
    rr.getMetadata().setGeneration(null);
    return client.resources(RemediationRequest.class).inNamespace(namespace).resource(rr).create();
  }

  /** Creates any object, then writes its status (as the child's own controller would). */
  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> T createWithStatus(KubernetesClient client, T object) {
    T created = client.resource(object).create();
    var withStatus = client.getKubernetesSerialization().clone(object);
    withStatus.setMetadata(created.getMetadata());
    return client.resource(withStatus).updateStatus();
  }

  /** Activity stubs that run once (no retries), so a test sees the first failure as it is. */
  static ActivityOptions once() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build();
  }

  static ChildActivities childStub(TestActivityEnvironment env, ChildActivities impl) {
    env.registerActivitiesImplementations(impl);
    return env.newActivityStub(ChildActivities.class, once());
  }

  /** The ApplicationFailure at the root of an activity failure. */
  static ApplicationFailure applicationFailure(Throwable thrown) {
    Throwable t = thrown;
    if (t instanceof ActivityFailure af) {
      t = af.getCause();
    }
    if (t instanceof ApplicationFailure failure) {
      return failure;
    }
    throw new AssertionError("expected an ApplicationFailure, got " + thrown, thrown);
  }
}
