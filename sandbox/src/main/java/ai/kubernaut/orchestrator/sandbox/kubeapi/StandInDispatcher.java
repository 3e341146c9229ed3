package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request pipeline in front of the CRUD store: request log, fault rules, discovery, selector
 * checks, unknown-resource 404s, Table rendering, watch tracking, then {@link
 * StrictCrudDispatcher}.
 */
final class StandInDispatcher extends io.fabric8.mockwebserver.http.Dispatcher {

  private static final Set<String> BUILT_IN_GROUPS =
      Set.of("", "apps", "batch", "policy", "autoscaling");

  private final StrictCrudDispatcher crud;
  private final ResourceCatalog catalog;
  private final ApiDiscovery discovery;
  private final TableRenderer tables;
  private final FaultRules faults;
  private final RequestLog log;
  private final WatchRegistry watches;
  private final Runnable onShutdown;

  StandInDispatcher(
      StrictCrudDispatcher crud,
      ResourceCatalog catalog,
      ApiDiscovery discovery,
      TableRenderer tables,
      FaultRules faults,
      RequestLog log,
      WatchRegistry watches,
      Runnable onShutdown) {
    this.crud = crud;
    this.catalog = catalog;
    this.discovery = discovery;
    this.tables = tables;
    this.faults = faults;
    this.log = log;
    this.watches = watches;
    this.onShutdown = onShutdown;
  }

  @Override
  public MockResponse dispatch(RecordedRequest received) {
    ApiRequest api = ApiRequest.parse(received.getMethod(), received.getPath());
    log.record(api, received.getHeader("User-Agent"));
    Optional<FaultRule> fault = faults.match(api);
    if (fault.isPresent() && fault.get().failsRequest()) {
      return fault.get().failure();
    }
    MediaTypes.Checked checked = MediaTypes.check(received, api);
    if (checked.refusal().isPresent()) {
      return checked.refusal().get();
    }
    MockResponse response = route(checked.request(), api);
    return fault.map(f -> f.delayed(response)).orElse(response);
  }

  private MockResponse route(RecordedRequest request, ApiRequest api) {
    if (!api.resourceRequest()) {
      return discovery
          .answer(api)
          .orElseGet(
              () ->
                  StatusResponses.failure(
                      404, "the server could not find the requested resource " + api.path()));
    }
    Optional<ResourceType> type = catalog.find(api.group(), api.version(), api.resource());
    if (type.isEmpty() && !isBuiltInGroup(api.group())) {
      return StatusResponses.failure(
          404,
          "the server could not find the requested resource (no "
              + api.resource()
              + " in "
              + (api.group().isEmpty() ? api.version() : api.group() + "/" + api.version())
              + "; is its CustomResourceDefinition installed?)");
    }
    if (api.method().equals("GET") || api.method().equals("DELETE")) {
      Optional<String> rejection = SelectorSupport.rejection(api);
      if (rejection.isPresent()) {
        return StatusResponses.failure(400, rejection.get());
      }
    }
    if (!api.method().equals("GET")) {
      return crud.dispatch(request);
    }
    if (api.isWatch()) {
      MockResponse response = crud.dispatch(request);
      WebSocketListener listener = response.getWebSocketListener();
      if (listener != null) {
        if (type.isPresent() && TableRenderer.wantsTable(request.getHeader("Accept"))) {
          String includeObject = api.query().getOrDefault("includeObject", "");
          listener =
              new MappedWatch(
                  listener, event -> tables.renderEvent(type.get(), event, includeObject));
        }
        response.withWebSocketUpgrade(watches.track(listener));
      }
      return response;
    }
    List<SelectorSupport.FieldRequirement> postFilters = SelectorSupport.postFilters(api);
    MockResponse response =
        crud.handleGet(
            postFilters.isEmpty() ? request.getPath() : SelectorSupport.withoutPostFilters(api));
    if (response.code() != 200) {
      return response;
    }
    String body = response.getBody().readUtf8();
    if (api.name() == null) {
      body = typedList(body, type, postFilters);
    }
    if (type.isPresent() && TableRenderer.wantsTable(request.getHeader("Accept"))) {
      return StatusResponses.json(
          200, tables.render(type.get(), body, api.query().getOrDefault("includeObject", "")));
    }
    return StatusResponses.json(200, body);
  }

  /**
   * A list as a real server answers it: {@code <Kind>List} in the resource's group version (typed
   * clients such as client-go refuse a generic {@code List}), with post-filters applied.
   */
  private static String typedList(
      String body,
      Optional<ResourceType> type,
      List<SelectorSupport.FieldRequirement> requirements) {
    ObjectNode list = (ObjectNode) Serialization.jsonMapper().readTree(body);
    if (!requirements.isEmpty()) {
      ArrayNode kept = list.arrayNode();
      for (JsonNode item : list.path("items")) {
        if (requirements.stream().allMatch(r -> r.matches(item))) {
          kept.add(item);
        }
      }
      list.set("items", kept);
    }
    type.ifPresent(
        t -> {
          list.put("kind", t.kind() + "List");
          list.put("apiVersion", t.groupVersion());
        });
    return list.toString();
  }

  private static boolean isBuiltInGroup(String group) {
    return BUILT_IN_GROUPS.contains(group) || group.endsWith("k8s.io");
  }

  @Override
  public void shutdown() {
    onShutdown.run();
    crud.shutdown();
  }
}
