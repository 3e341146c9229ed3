package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TableRendererTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);
  private static final ResourceType RR =
      new ResourceType(
          "kubernaut.ai",
          "v1alpha1",
          "remediationrequests",
          "remediationrequest",
          "RemediationRequest",
          true,
          List.of("rr"),
          List.of("kubernaut"),
          true,
          List.of(
              new ResourceType.PrinterColumn(
                  "Phase", "string", null, null, 0, ".status.overallPhase"),
              new ResourceType.PrinterColumn(
                  "Attempts", "integer", null, null, 0, ".status.recoveryAttempts"),
              new ResourceType.PrinterColumn(
                  "Age", "date", null, null, 0, ".metadata.creationTimestamp"),
              new ResourceType.PrinterColumn(
                  "Workflow ID", "string", null, null, 1, ".status.temporal.workflowId")));

  private static final String LIST =
      "{\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":["
          + "{\"metadata\":{\"name\":\"rr-1\",\"namespace\":\"a\",\"creationTimestamp\":\"2026-01-01T00:55:00Z\"},"
          + "\"status\":{\"overallPhase\":\"Executing\",\"recoveryAttempts\":1}}]}";

  @Test
  void rendersNameThenThePrinterColumnsWithServerSideCells() {
    JsonNode table =
        Serialization.jsonMapper().readTree(new TableRenderer(CLOCK).render(RR, LIST, ""));

    assertThat(table.path("kind").asString()).isEqualTo("Table");
    assertThat(table.path("metadata").path("resourceVersion").asString()).isEqualTo("9");
    assertThat(table.path("columnDefinitions").valueStream().map(c -> c.path("name").asString()))
        .containsExactly("Name", "Phase", "Attempts", "Age", "Workflow ID");
    JsonNode cells = table.path("rows").get(0).path("cells");
    assertThat(cells.get(0).asString()).isEqualTo("rr-1");
    assertThat(cells.get(1).asString()).isEqualTo("Executing");
    assertThat(cells.get(2).isIntegralNumber()).isTrue();
    assertThat(cells.get(3).asString()).isEqualTo("5m");
    assertThat(cells.get(4).isNull()).isTrue();
    assertThat(table.path("rows").get(0).path("object").path("kind").asString())
        .isEqualTo("PartialObjectMetadata");
  }

  @Test
  void rendersNameAndAgeWhenNoPrinterColumnsAreDeclared() {
    ResourceType plain = ResourceType.builtIn("", "v1", "configmaps", "ConfigMap", true);

    JsonNode table =
        Serialization.jsonMapper().readTree(new TableRenderer(CLOCK).render(plain, LIST, "None"));

    assertThat(table.path("columnDefinitions").valueStream().map(c -> c.path("name").asString()))
        .containsExactly("Name", "Age");
    assertThat(table.path("rows").get(0).has("object")).isFalse();
  }

  @Test
  void recognisesKubectlsTableAcceptHeader() {
    assertThat(
            TableRenderer.wantsTable(
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"))
        .isTrue();
    assertThat(TableRenderer.wantsTable("application/json")).isFalse();
    assertThat(TableRenderer.wantsTable(null)).isFalse();
  }

  @Test
  void rendersCoreEventsWithTheServersColumns() {
    ResourceType events = ResourceType.builtIn("", "v1", "events", "Event", true, "ev");
    String list =
        "{\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"3\"},\"items\":[{"
            + "\"metadata\":{\"name\":\"rr-1.1\",\"namespace\":\"a\"},"
            + "\"type\":\"Warning\",\"reason\":\"RemediationFailed\",\"message\":\" boom \","
            + "\"involvedObject\":{\"kind\":\"RemediationRequest\",\"name\":\"rr-1\"},"
            + "\"source\":{\"component\":\"remediation-orchestrator\"},"
            + "\"firstTimestamp\":\"2026-01-01T00:50:00Z\",\"lastTimestamp\":\"2026-01-01T00:58:00Z\","
            + "\"count\":2}]}";

    JsonNode table =
        Serialization.jsonMapper().readTree(new TableRenderer(CLOCK).render(events, list, ""));

    assertThat(
            table
                .path("columnDefinitions")
                .valueStream()
                .filter(c -> c.path("priority").asInt() == 0)
                .map(c -> c.path("name").asString()))
        .containsExactly("Last Seen", "Type", "Reason", "Object", "Message");
    JsonNode cells = table.path("rows").get(0).path("cells");
    assertThat(cells.get(0).asString()).isEqualTo("2m");
    assertThat(cells.get(1).asString()).isEqualTo("Warning");
    assertThat(cells.get(2).asString()).isEqualTo("RemediationFailed");
    assertThat(cells.get(3).asString()).isEqualTo("remediationrequest/rr-1");
    assertThat(cells.get(5).asString()).isEqualTo("remediation-orchestrator");
    assertThat(cells.get(6).asString()).isEqualTo("boom");
    assertThat(cells.get(7).asString()).isEqualTo("10m");
    assertThat(cells.get(8).asLong()).isEqualTo(2);
    assertThat(cells.get(9).asString()).isEqualTo("rr-1.1");
  }

  @Test
  void rendersNamespacesWithTheirStatus() {
    ResourceType namespaces = ResourceType.builtIn("", "v1", "namespaces", "Namespace", false);
    String ns =
        "{\"metadata\":{\"name\":\"acme\",\"creationTimestamp\":\"2026-01-01T00:59:30Z\"},"
            + "\"status\":{\"phase\":\"Active\"}}";

    JsonNode table =
        Serialization.jsonMapper().readTree(new TableRenderer(CLOCK).render(namespaces, ns, ""));

    assertThat(table.path("columnDefinitions").valueStream().map(c -> c.path("name").asString()))
        .containsExactly("Name", "Status", "Age");
    assertThat(table.path("rows").get(0).path("cells").valueStream().map(JsonNode::asString))
        .containsExactly("acme", "Active", "30s");
  }

  @Test
  void rendersAWatchEventsObjectAsAOneRowTableAndLeavesErrorsAlone() {
    String event =
        "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"rr-1\","
            + "\"resourceVersion\":\"12\",\"creationTimestamp\":\"2026-01-01T00:55:00Z\"},"
            + "\"status\":{\"overallPhase\":\"Completed\"}}}";
    String error = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"code\":410}}";
    TableRenderer renderer = new TableRenderer(CLOCK);

    JsonNode rendered = Serialization.jsonMapper().readTree(renderer.renderEvent(RR, event, ""));

    assertThat(rendered.path("type").asString()).isEqualTo("MODIFIED");
    assertThat(rendered.path("object").path("kind").asString()).isEqualTo("Table");
    assertThat(rendered.path("object").path("metadata").path("resourceVersion").asString())
        .isEqualTo("12");
    assertThat(rendered.path("object").path("rows")).hasSize(1);
    assertThat(rendered.path("object").path("rows").get(0).path("cells").get(1).asString())
        .isEqualTo("Completed");
    assertThat(renderer.renderEvent(RR, error, "")).isEqualTo(error);
  }
}
