package ai.kubernaut.orchestrator.orchestrator.lifecycle;

import static ai.kubernaut.orchestrator.orchestrator.TestSupport.SPEC_SEARCH_ATTRIBUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.orchestrator.config.OrchestratorConfig;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testserver.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lifecycle against a port-bound Temporal test server and a fabric8 mock API server. */
class OrchestratorAppTest {

  private static TestServer.PortBoundTestServer temporal;
  private static int temporalPort;
  private static KubernetesMockServer kube;
  private final HttpClient http = HttpClient.newHttpClient();
  private OrchestratorApp current;

  @BeforeAll
  static void startServers() {
    temporalPort = TestSupport.freePort();
    temporal = TestServer.createPortBoundServer(temporalPort);
    kube = new KubernetesMockServer(false);
    kube.init();
  }

  @AfterAll
  static void stopServers() {
    kube.destroy();
    temporal.close();
  }

  @Test
  void startsBecomesReadyServesMetricsAndStopsInReverseOrder() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicBoolean informersSynced = new AtomicBoolean(false);
    OrchestratorApp app =
        app(
            wiring(
                Map.of(),
                ctx ->
                    List.of(
                        new TemporalWorkerComponent(
                            ctx.workflowClient(),
                            ctx.config().temporal().taskQueue(),
                            ctx.config().worker(),
                            w -> events.add("worker registrations")),
                        recording("bridge", events, informersSynced))));

    app.start();
    int port = app.httpPort();
    HttpResponse<String> beforeSync = get(port, "/readyz");
    informersSynced.set(true);

    assertThat(beforeSync.statusCode()).isEqualTo(503);
    assertThat(beforeSync.body()).contains("[-]bridge-informers");
    await().atMost(Duration.ofSeconds(10)).until(() -> get(port, "/readyz").statusCode() == 200);
    assertThat(get(port, "/readyz").body())
        .contains("[+]started", "[+]temporal", "[+]kubernetes", "[+]temporal-worker");
    assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
    assertThat(get(port, "/metrics").body()).contains("jvm_threads_live_threads");

    app.stop();

    assertThat(app.awaitTermination(Duration.ofSeconds(1))).isTrue();
    assertThat(events)
        .containsExactly("worker registrations", "start bridge", "stop bridge (http up: true)");
    assertThatThrownBy(() -> get(port, "/healthz")).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void stopIsIdempotentAndNotReadyDuringStop() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    OrchestratorApp app = app(wiring(Map.of(), ctx -> List.of(recording("a", events, null))));
    app.start();
    assertThat(app.isRunning()).isTrue();

    app.stop();
    app.stop();

    assertThat(app.isRunning()).isFalse();
    assertThat(events).containsExactly("start a", "stop a (http up: true)");
  }

  @Test
  void aFailingComponentStopsWhatStartedAndRethrows() {
    List<String> events = new CopyOnWriteArrayList<>();
    ManagedComponent broken =
        new ManagedComponent() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public void start() {
            throw new IllegalStateException("cannot acquire informers");
          }

          @Override
          public void stop(Duration timeout) {
            events.add("stop broken");
          }
        };
    OrchestratorApp app =
        app(wiring(Map.of(), ctx -> List.of(recording("worker", events, null), broken)));

    assertThatThrownBy(app::start).hasMessageContaining("cannot acquire informers");
    assertThat(events)
        .containsExactly("start worker", "stop broken", "stop worker (http up: true)");
  }

  @Test
  void aTemporalServerThatCannotListSearchAttributesFailsTheStart() {
    List<String> events = new CopyOnWriteArrayList<>();
    OrchestratorApp app =
        app(wiring(SPEC_SEARCH_ATTRIBUTES, ctx -> List.of(recording("worker", events, null))));

    assertThatThrownBy(app::start).hasMessageContaining("cannot list search attributes");
    assertThat(events).as("no component starts").isEmpty();
  }

  @Test
  void withRegistrationOffTheServiceStartsWithoutListingSearchAttributes() throws Exception {
    OrchestratorConfig config =
        TestSupport.cli(
                "run",
                "--temporal-address=localhost:" + temporalPort,
                "--http-port=0",
                "--no-temporal-register-search-attributes")
            .run();
    current =
        OrchestratorApp.builder(config, wiring(SPEC_SEARCH_ATTRIBUTES, ctx -> List.of()))
            .kubernetesClients(k -> kube.createClient())
            .clock(Clock.systemUTC())
            .build();

    current.start();

    assertThat(config.temporal().registerSearchAttributes()).isFalse();
    assertThat(current.isRunning()).isTrue();
  }

  @Test
  void unreachableTemporalFailsTheStart() {
    OrchestratorConfig config =
        config()
            .withTemporal(config().temporal().withAddress("localhost:" + TestSupport.freePort()));
    OrchestratorApp app =
        OrchestratorApp.builder(config, wiring(Map.of(), ctx -> List.of()))
            .kubernetesClients(k -> kube.createClient())
            .clock(Clock.systemUTC())
            .build();

    assertThatThrownBy(app::start).hasMessageContaining("cannot connect to Temporal");
  }

  private OrchestratorApp app(Wiring wiring) {
    current =
        OrchestratorApp.builder(config(), wiring)
            .kubernetesClients(k -> kube.createClient())
            .clock(Clock.systemUTC())
            .build();
    return current;
  }

  private static OrchestratorConfig config() {
    return TestSupport.cli(
            "run",
            "--temporal-address=localhost:" + temporalPort,
            "--http-port=0",
            "--shutdown-grace-period=5s")
        .run();
  }

  private ManagedComponent recording(String name, List<String> events, AtomicBoolean synced) {
    return new ManagedComponent() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() {
        events.add("start " + name);
      }

      @Override
      public void stop(Duration timeout) {
        events.add("stop " + name + " (http up: " + httpUp() + ")");
      }

      @Override
      public List<ReadinessCheck> readinessChecks() {
        return synced == null
            ? List.of()
            : List.of(ReadinessCheck.of(name + "-informers", synced::get));
      }

      private boolean httpUp() {
        try {
          return get(current.httpPort(), "/healthz").statusCode() == 200;
        } catch (Exception e) {
          return false;
        }
      }
    };
  }

  interface Components {
    List<ManagedComponent> create(RuntimeContext ctx);
  }

  private static Wiring wiring(Map<String, IndexedValueType> attributes, Components components) {
    return new Wiring() {
      @Override
      public Map<String, IndexedValueType> searchAttributes() {
        return attributes;
      }

      @Override
      public List<ManagedComponent> components(RuntimeContext context) {
        return components.create(context);
      }
    };
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
