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
}
