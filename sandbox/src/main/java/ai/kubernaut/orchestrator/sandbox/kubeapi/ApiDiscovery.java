package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.RootPathsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Legacy (non-aggregated) API discovery, enough for kubectl and fabric8: {@code /version}, {@code
 * /api}, {@code /api/v1}, {@code /apis}, {@code /apis/<group>} and {@code /apis/<group>/<version>}.
 * Of OpenAPI only a stub v3 document for the core group is served (see {@link
 * #OPENAPI_V3_CORE_DOCUMENT}); other OpenAPI documents answer 404. kubectl asks for aggregated
 * discovery first; a plain {@code application/json} answer makes it use these legacy documents.
 */
public final class ApiDiscovery {

  /** The Kubernetes version the stand-in reports. */
  public static final String KUBERNETES_VERSION = "v1.32.0";

  private static final String OPENAPI_V3 = "/openapi/v3";
  private static final String OPENAPI_V3_CORE = "/openapi/v3/api/v1";

  /** The OpenAPI v3 index: only the core group, see {@link #OPENAPI_V3_CORE_DOCUMENT}. */
  private static final String OPENAPI_V3_ROOT =
      "{\"paths\":{\"api/v1\":{\"serverRelativeURL\":\"" + OPENAPI_V3_CORE + "?hash=standin\"}}}";

  /**
   * Just enough OpenAPI for kubectl's {@code create -f} and {@code apply} without {@code
   * --validate=false}: kubectl asks whether the server validates fields itself (a {@code
   * fieldValidation} parameter on PATCH of the kind, or of Namespace for a kind, such as a CRD's,
   * with no document of its own); when it does, kubectl leaves validation to the server and needs
   * no schema. The stand-in validates through its strict rules, not the CRD schemas.
   */
  private static final String OPENAPI_V3_CORE_DOCUMENT =
      """
      {"openapi":"3.0.0","info":{"title":"Kubernetes","version":"%s"},
       "paths":{"/api/v1/namespaces/{name}":{"patch":{
         "x-kubernetes-group-version-kind":{"group":"","version":"v1","kind":"Namespace"},
         "parameters":[{"name":"fieldValidation","in":"query","schema":{"type":"string"}}],
         "responses":{"200":{"description":"OK"}}}}}}
      """
          .formatted(KUBERNETES_VERSION);

  private final ResourceCatalog catalog;
  private final java.util.function.Supplier<String> serverAddress;

  public ApiDiscovery(ResourceCatalog catalog, java.util.function.Supplier<String> serverAddress) {
    this.catalog = catalog;
    this.serverAddress = serverAddress;
  }

  /** Answers a non-resource GET, or empty when the path is not a discovery path. */
  public Optional<MockResponse> answer(ApiRequest request) {
    if (request.resourceRequest() || !request.method().equals("GET")) {
      return Optional.empty();
    }
    String path = request.path().length() > 1 ? stripTrailingSlash(request.path()) : "/";
    List<String> segments = List.of(path.substring(1).split("/"));
    if (path.equals("/")) {
      return ok(rootPaths());
    }
    if (path.equals("/version")) {
      return ok(version());
    }
    if (path.equals("/healthz") || path.equals("/readyz") || path.equals("/livez")) {
      return Optional.of(new MockResponse().setResponseCode(200).setBody("ok"));
    }
    if (path.equals(OPENAPI_V3)) {
      return ok(OPENAPI_V3_ROOT);
    }
    if (path.equals(OPENAPI_V3_CORE)) {
      return ok(OPENAPI_V3_CORE_DOCUMENT);
    }
    if (segments.get(0).equals("openapi")) {
      return Optional.of(StatusResponses.failure(404, "the server could not find " + path));
    }
    if (segments.get(0).equals("api")) {
      if (segments.size() == 1) {
        return ok(
            Serialization.asJson(
                new APIVersionsBuilder()
                    .withVersions("v1")
                    .addNewServerAddressByClientCIDR("0.0.0.0/0", serverAddress.get())
                    .build()));
      }
      if (segments.size() == 2) {
        return resourceList("", segments.get(1));
      }
    }
    if (segments.get(0).equals("apis")) {
      if (segments.size() == 1) {
        return ok(groupList());
      }
      if (segments.size() == 2) {
        return group(segments.get(1))
            .map(g -> StatusResponses.json(200, Serialization.asJson(g)))
            .or(() -> notFound(path));
      }
      if (segments.size() == 3) {
        return resourceList(segments.get(1), segments.get(2));
      }
    }
    return notFound(path);
  }

  private static String stripTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Optional<MockResponse> ok(String body) {
    return Optional.of(StatusResponses.json(200, body));
  }

  private static Optional<MockResponse> notFound(String path) {
    return Optional.of(
        StatusResponses.failure(404, "the server could not find the requested resource " + path));
  }

  private String rootPaths() {
    List<String> paths = new ArrayList<>(List.of("/api", "/api/v1", "/apis", "/version"));
    catalog
        .groups()
        .forEach(
            (group, versions) -> {
              paths.add("/apis/" + group);
              versions.forEach(v -> paths.add("/apis/" + group + "/" + v));
            });
    return Serialization.asJson(new RootPathsBuilder().withPaths(paths).build());
  }

  private static String version() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("major", "1");
    info.put("minor", "32");
    info.put("gitVersion", KUBERNETES_VERSION + "+kubernaut-standin");
    info.put("gitCommit", "0000000000000000000000000000000000000000");
    info.put("gitTreeState", "clean");
    info.put("buildDate", "2025-01-01T00:00:00Z");
    info.put("goVersion", "go1.23.0");
    info.put("compiler", "gc");
    info.put("platform", "linux/amd64");
    return Serialization.asJson(info);
  }

  private String groupList() {
    List<APIGroup> groups = new ArrayList<>();
    catalog.groups().keySet().forEach(g -> group(g).ifPresent(groups::add));
    return Serialization.asJson(new APIGroupListBuilder().withGroups(groups).build());
  }

  private Optional<APIGroup> group(String name) {
    Set<String> versions = catalog.groups().get(name);
    if (versions == null) {
      return Optional.empty();
    }
    List<GroupVersionForDiscovery> gvs =
        versions.stream().map(v -> new GroupVersionForDiscovery(name + "/" + v, v)).toList();
    return Optional.of(
        new APIGroupBuilder()
            .withName(name)
            .withVersions(gvs)
            .withPreferredVersion(gvs.get(0))
            .build());
  }

  private Optional<MockResponse> resourceList(String group, String version) {
    List<ResourceType> types = catalog.resources(group, version);
    if (types.isEmpty()) {
      return notFound(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
    }
    List<APIResource> resources = new ArrayList<>();
    for (ResourceType t : types) {
      resources.add(
          new APIResourceBuilder()
              .withName(t.plural())
              .withSingularName(t.singular())
              .withNamespaced(t.namespaced())
              .withKind(t.kind())
              .withVerbs(ResourceType.VERBS)
              .withShortNames(t.shortNames().isEmpty() ? null : t.shortNames())
              .withCategories(t.categories().isEmpty() ? null : t.categories())
              .build());
      if (t.statusSubresource()) {
        resources.add(
            new APIResourceBuilder()
                .withName(t.plural() + "/status")
                .withSingularName("")
                .withNamespaced(t.namespaced())
                .withKind(t.kind())
                .withVerbs("get", "patch", "update")
                .build());
      }
    }
    String groupVersion = group.isEmpty() ? version : group + "/" + version;
    return ok(
        Serialization.asJson(
            new APIResourceListBuilder()
                .withGroupVersion(groupVersion)
                .withResources(resources)
                .build()));
  }
}
