package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widget;
import static ai.kubernaut.orchestrator.sandbox.kubeapi.TestWidgets.widgets;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DiscoveryAndTableIT {

  static final String TABLE_ACCEPT =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  static KubernetesApiStandIn api;
  static RawHttp http;

  @BeforeAll
  static void start() {
    api = TestWidgets.startStandIn();
    http = new RawHttp(api.url());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void reportsAVersion() {
    assertThat(api.client().getKubernetesVersion().getMajor()).isEqualTo("1");
    assertThat(http.get("/version?timeout=32s").body()).contains("\"gitVersion\"");
  }

  @Test
  void listsTheCoreVersionAndItsResources() {
    APIVersions versions = Serialization.unmarshal(http.get("/api").body(), APIVersions.class);
    APIResourceList core =
        Serialization.unmarshal(http.get("/api/v1").body(), APIResourceList.class);

    assertThat(versions.getVersions()).containsExactly("v1");
    assertThat(core.getResources())
        .extracting(APIResource::getName)
        .contains("namespaces", "events", "configmaps", "pods", "secrets");
    assertThat(core.getResources())
        .filteredOn(r -> r.getName().equals("namespaces"))
        .extracting(APIResource::getNamespaced)
        .containsExactly(false);
  }

  @Test
  void listsTheGroupsIncludingInstalledCrdGroups() {
    APIGroupList groups = Serialization.unmarshal(http.get("/apis").body(), APIGroupList.class);

    assertThat(groups.getGroups())
        .extracting(g -> g.getName())
        .contains(
            "test.kubernaut.ai", "apiextensions.k8s.io", "coordination.k8s.io", "events.k8s.io");
    assertThat(http.get("/apis/test.kubernaut.ai").body()).contains("test.kubernaut.ai/v1alpha1");
  }

  @Test
  void describesCrdResourcesWithVerbsShortNamesCategoriesAndStatus() {
    APIResourceList list =
        Serialization.unmarshal(
            http.get("/apis/test.kubernaut.ai/v1alpha1?timeout=32s").body(), APIResourceList.class);

    assertThat(list.getGroupVersion()).isEqualTo("test.kubernaut.ai/v1alpha1");
    APIResource widgets =
        list.getResources().stream()
            .filter(r -> r.getName().equals("widgets"))
            .findFirst()
            .orElseThrow();
    assertThat(widgets.getKind()).isEqualTo("Widget");
    assertThat(widgets.getNamespaced()).isTrue();
    assertThat(widgets.getShortNames()).containsExactly("wd");
    assertThat(widgets.getCategories()).containsExactly("kubernaut-test");
    assertThat(widgets.getVerbs())
        .contains("get", "list", "watch", "create", "update", "patch", "delete");
    assertThat(list.getResources())
        .extracting(APIResource::getName)
        .contains("widgets/status", "gadgets")
        .doesNotContain("gadgets/status");
  }

  @Test
  void servesOnlyTheOpenApiKubectlNeedsToLeaveValidationToTheServer() {
    RawHttp.Reply root = http.get("/openapi/v3?timeout=32s");
    RawHttp.Reply core = http.get("/openapi/v3/api/v1?hash=standin");

    assertThat(http.get("/openapi/v2").status()).isEqualTo(404);
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.body()).contains("\"api/v1\"").doesNotContain("kubernaut.ai");
    assertThat(core.status()).isEqualTo(200);
    assertThat(core.body()).contains("\"fieldValidation\"", "\"kind\":\"Namespace\"");
    assertThat(http.get("/openapi/v3/apis/test.kubernaut.ai/v1alpha1").status()).isEqualTo(404);
  }

  @Test
  void rendersATableFromThePrinterColumns() {
    String ns = TestWidgets.uniqueNamespace(api);
    GenericKubernetesResource w =
        widgets(api.client()).inNamespace(ns).resource(widget(ns, "w1")).create();
    w.setAdditionalProperty("status", Map.of("phase", "Running", "attempts", 2));
    widgets(api.client()).inNamespace(ns).resource(w).updateStatus();

    RawHttp.Reply reply =
        http.get(
            "/apis/test.kubernaut.ai/v1alpha1/namespaces/" + ns + "/widgets?limit=500",
            TABLE_ACCEPT);

    JsonNode table = Serialization.jsonMapper().readTree(reply.body());
    assertThat(table.path("kind").asString()).isEqualTo("Table");
    assertThat(table.path("apiVersion").asString()).isEqualTo("meta.k8s.io/v1");
    List<String> columns =
        table.path("columnDefinitions").valueStream().map(c -> c.path("name").asString()).toList();
    assertThat(columns)
        .containsExactly("Name", "Phase", "Target", "Attempts", "Age", "Fingerprint");
    assertThat(table.path("columnDefinitions").get(5).path("priority").asInt()).isEqualTo(1);
    JsonNode cells = table.path("rows").get(0).path("cells");
    assertThat(cells.get(0).asString()).isEqualTo("w1");
    assertThat(cells.get(1).asString()).isEqualTo("Running");
    assertThat(cells.get(2).asString()).isEqualTo("web-1");
    assertThat(cells.get(3).asLong()).isEqualTo(2);
    assertThat(cells.get(4).asString()).matches("\\d+s");
    assertThat(
            table.path("rows").get(0).path("object").path("metadata").path("namespace").asString())
        .isEqualTo(ns);
  }

  @Test
  void answersPlainJsonWithoutTheTableAcceptHeader() {
    String ns = TestWidgets.uniqueNamespace(api);
    widgets(api.client()).inNamespace(ns).resource(widget(ns, "w1")).create();

    RawHttp.Reply reply =
        http.get("/apis/test.kubernaut.ai/v1alpha1/namespaces/" + ns + "/widgets/w1");

    assertThat(reply.body()).contains("\"kind\":\"Widget\"");
  }
}
