package ai.kubernaut.orchestrator.orchestrator.temporal;

import static ai.kubernaut.orchestrator.orchestrator.TestSupport.SPEC_SEARCH_ATTRIBUTES;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against Temporal's port-bound Java test server. It implements AddSearchAttributes but not
 * ListSearchAttributes, so this covers the add-one-by-one fallback; a real server takes the
 * list-then-add path.
 */
class SearchAttributeRegistrarTest {

  private static TestServer.PortBoundTestServer server;
  private static OperatorServiceStubs operator;

  @BeforeAll
  static void startServer() {
    int port = TestSupport.freePort();
    server = TestServer.createPortBoundServer(port);
    operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget("localhost:" + port)
                .validateAndBuildWithDefaults());
  }

  @AfterAll
  static void stopServer() {
    operator.shutdownNow();
    server.close();
  }

  @Test
  void registersMissingAttributesAndIsIdempotent() {
    SearchAttributeRegistrar registrar = new SearchAttributeRegistrar(operator);

    SearchAttributeRegistrar.Registration first =
        registrar.registerMissing("default", SPEC_SEARCH_ATTRIBUTES);
    SearchAttributeRegistrar.Registration second =
        registrar.registerMissing("default", SPEC_SEARCH_ATTRIBUTES);

    assertThat(first.listed()).isFalse();
    assertThat(first.added()).containsExactlyInAnyOrderElementsOf(SPEC_SEARCH_ATTRIBUTES.keySet());
    assertThat(second.added()).isEmpty();
    assertThat(second.alreadyPresent())
        .containsExactlyInAnyOrderElementsOf(SPEC_SEARCH_ATTRIBUTES.keySet());
  }

  @Test
  void addsOnlyWhatIsMissing() {
    SearchAttributeRegistrar registrar = new SearchAttributeRegistrar(operator);
    registrar.registerMissing(
        "default", Map.of("PartialOne", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));

    SearchAttributeRegistrar.Registration result =
        registrar.registerMissing(
            "default",
            Map.of(
                "PartialOne", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
                "PartialTwo", IndexedValueType.INDEXED_VALUE_TYPE_INT));

    assertThat(result.added()).containsExactly("PartialTwo");
    assertThat(result.alreadyPresent()).containsExactly("PartialOne");
  }
}
