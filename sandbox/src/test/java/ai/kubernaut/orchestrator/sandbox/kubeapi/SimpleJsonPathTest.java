package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SimpleJsonPathTest {

  private static final JsonNode OBJECT =
      Serialization.jsonMapper()
          .readTree(
              "{\"metadata\":{\"labels\":{\"kubernaut.ai/rr\":\"x\"}},"
                  + "\"status\":{\"overallPhase\":\"Executing\",\"refs\":[{\"name\":\"we-1\"}],\"gone\":null}}");

  @Test
  void evaluatesDottedPathsIndexesAndEscapedDots() {
    assertThat(
            SimpleJsonPath.parse(".status.overallPhase").evaluate(OBJECT).orElseThrow().asString())
        .isEqualTo("Executing");
    assertThat(
            SimpleJsonPath.parse(".status.refs[0].name").evaluate(OBJECT).orElseThrow().asString())
        .isEqualTo("we-1");
    assertThat(
            SimpleJsonPath.parse("{.metadata.labels.kubernaut\\.ai/rr}")
                .evaluate(OBJECT)
                .orElseThrow()
                .asString())
        .isEqualTo("x");
  }

  @Test
  void answersEmptyForMissingOrNullValues() {
    assertThat(SimpleJsonPath.parse(".status.outcome").evaluate(OBJECT)).isEmpty();
    assertThat(SimpleJsonPath.parse(".status.gone").evaluate(OBJECT)).isEmpty();
    assertThat(SimpleJsonPath.parse(".spec.a.b").evaluate(OBJECT)).isEmpty();
    assertThat(SimpleJsonPath.parse(".status.refs[3].name").evaluate(OBJECT)).isEmpty();
  }

  @Test
  void refusesPathsThatDoNotStartWithADot() {
    assertThatThrownBy(() -> SimpleJsonPath.parse("status.phase"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
