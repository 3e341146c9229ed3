package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * fabric8's CRUD dispatcher with the rules a real API server applies and the mock does not:
 *
 * <ul>
 *   <li>writes ignore the query string, so {@code ?fieldManager=x} on {@code /status} stays a
 *       status write; {@code dryRun} is refused (400) rather than applied for real;
 *   <li>a PUT to {@code /status} with a stale {@code resourceVersion} gets 409 Conflict;
 *   <li>{@link WriteRules} on every change (finalizers while deleting, server-owned {@code
 *       deletionTimestamp}, merge-patch nulls);
 *   <li>removal of an object is reported to a listener (garbage collection);
 *   <li>CRDs are registered in the {@link ResourceCatalog} and marked Established.
 * </ul>
 *
 * All writes are serialized by one lock, so a check and the write it guards are atomic.
 */
final class StrictCrudDispatcher extends KubernetesCrudDispatcher {

  private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final String NAMESPACES_PATH = "/api/v1/namespaces";

  private final ReentrantLock writes = new ReentrantLock();
  private final ResourceCatalog catalog;
  private final Clock clock;
  private volatile Consumer<String> removalListener = json -> {};
  private boolean markingDeletion;
  private String lastStored;

  StrictCrudDispatcher(ResourceCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  void onRemoval(Consumer<String> listener) {
    this.removalListener = listener;
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    return write(request, r -> super.handleCreate(r));
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    return write(request, r -> staleStatusUpdate(r).orElseGet(() -> super.handleUpdate(r)));
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    return write(request, r -> super.handlePatch(r));
  }

  @Override
  public MockResponse handleDelete(String path) {
    return locked(
        () -> {
          markingDeletion = true;
          try {
            MockResponse response = super.handleDelete(path);
            return getKey(path).containsKey(KubernetesAttributesExtractor.NAME)
                ? answerStored(response)
                : response;
          } finally {
            markingDeletion = false;
          }
        });
  }

  private MockResponse write(
      RecordedRequest request, java.util.function.Function<RecordedRequest, MockResponse> op) {
    ApiRequest parsed = ApiRequest.parse(request.getMethod(), request.getPath());
    if (parsed.query().containsKey("dryRun")) {
      return StatusResponses.failure(
          400, "dryRun is not supported by the Kubernetes API stand-in; nothing was written");
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
    RecordedRequest withoutQuery =
        new RecordedRequest(
            request.getHttpVersion(),
            request.method(),
            parsed.path(),
            request.getHeaders(),
            new Buffer(body));
    return locked(() -> answerStored(op.apply(withoutQuery)));
  }

  /** The mock answers with what it computed; answer with what was actually stored instead. */
  private MockResponse answerStored(MockResponse response) {
    if (lastStored != null
        && response.code() >= 200
        && response.code() < 300
        && response.getBody() != null
        && response.getBody().size() > 0) {
      response.setBody(lastStored);
    }
    return response;
  }

  private MockResponse locked(Supplier<MockResponse> op) {
    writes.lock();
    lastStored = null;
    try {
      return op.get();
    } catch (RejectedWriteException e) {
      return e.toResponse();
    } finally {
      writes.unlock();
    }
  }

  private Optional<MockResponse> staleStatusUpdate(RecordedRequest request) {
    if (!request.getPath().endsWith("/status")) {
      return Optional.empty();
    }
    Map.Entry<AttributeSet, String> current = findResource(getKey(request.getPath()));
    if (current == null) {
      return Optional.empty();
    }
    JsonNode body =
        Serialization.jsonMapper()
            .readTree(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
    String sent = body.path("metadata").path("resourceVersion").asString("");
    JsonNode stored = Serialization.jsonMapper().readTree(current.getValue());
    String actual = stored.path("metadata").path("resourceVersion").asString("");
    if (sent.isEmpty() || sent.equals(actual)) {
      return Optional.empty();
    }
    return Optional.of(
        StatusResponses.failure(
            409,
            "Operation cannot be fulfilled on "
                + stored.path("kind").asString("object")
                + " \""
                + stored.path("metadata").path("name").asString("")
                + "\": the object has been modified; please apply your changes to the latest"
                + " version and try again"));
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    String existing = oldAttributes == null ? null : map.get(oldAttributes);
    String admitted =
        newState == null
            ? null
            : WriteRules.admit(existing, newState, markingDeletion, clock.instant()).orElse(null);
    if (admitted != null && existing == null && path.startsWith(CRD_PATH)) {
      admitted = CrdStatus.established(admitted);
    }
    if (admitted != null && existing == null && path.equals(NAMESPACES_PATH)) {
      admitted = CrdStatus.activeNamespace(admitted);
    }
    super.processEvent(path, pathAttributes, oldAttributes, resource, admitted);
    lastStored = admitted;
    if (path.startsWith(CRD_PATH)) {
      trackCrd(existing, admitted);
    }
    if (existing != null && admitted == null) {
      removalListener.accept(existing);
    }
  }

  private void trackCrd(String existing, String admitted) {
    if (admitted != null) {
      catalog.addCrd(Serialization.unmarshal(admitted, CustomResourceDefinition.class));
    } else if (existing != null) {
      catalog.removeCrd(
          Serialization.unmarshal(existing, CustomResourceDefinition.class)
              .getMetadata()
              .getName());
    }
  }

  /** A consistent snapshot of the store, for the garbage collector. */
  List<GarbageCollector.StoredObject> snapshot() {
    List<GarbageCollector.StoredObject> objects = new ArrayList<>();
    synchronized (map) {
      for (Map.Entry<AttributeSet, String> e : map.entrySet()) {
        Attribute plural = e.getKey().getAttribute(KubernetesAttributesExtractor.PLURAL);
        String pluralName =
            plural == null || plural.getValues().isEmpty()
                ? ""
                : plural.getValues().get(0).toString();
        objects.add(new GarbageCollector.StoredObject(pluralName, e.getValue()));
      }
    }
    return objects;
  }
}
