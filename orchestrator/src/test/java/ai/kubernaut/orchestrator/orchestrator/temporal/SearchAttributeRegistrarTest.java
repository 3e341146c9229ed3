package ai.kubernaut.orchestrator.orchestrator.temporal;

import static ai.kubernaut.orchestrator.orchestrator.TestSupport.SPEC_SEARCH_ATTRIBUTES;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testserver.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A server that cannot list search attributes (the Java test server) stops the start with a message
 * that says why; registration itself is proven on a real server ({@code
 * SearchAttributeRegistrarRealIT}).
 */
class SearchAttributeRegistrarTest {

  @Test
  void aServerThatCannotListSearchAttributesFailsTheStartWithAClearMessage() {
    int port = TestSupport.freePort();
    try (TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port)) {
      OperatorServiceStubs operator =
          OperatorServiceStubs.newServiceStubs(
              OperatorServiceStubsOptions.newBuilder()
                  .setTarget("localhost:" + port)
                  .validateAndBuildWithDefaults());
      try {
        assertThatThrownBy(
                () ->
                    new SearchAttributeRegistrar(operator)
                        .registerMissing("default", SPEC_SEARCH_ATTRIBUTES))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot list search attributes")
            .hasMessageContaining("namespace default");
      } finally {
        operator.shutdownNow();
      }
    }
  }
}
