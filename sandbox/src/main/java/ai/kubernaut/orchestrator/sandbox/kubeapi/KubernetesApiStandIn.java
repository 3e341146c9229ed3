package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Kubernetes API server stand-in: fabric8's mock CRUD store, made stricter where the
 * orchestrator depends on real API-server behaviour (status conflicts, finalizers, garbage
 * collection, honest selectors), with discovery, Table output and streamed watches so {@code
 * kubectl} works against it, an immediate {@code Status} error for any request it cannot serve (for
 * example a protobuf body, see {@link MediaTypes}), and hooks for tests (fault rules, request log,
 * dropping watches).
 *
 * <pre>{@code
 * static KubernetesApiStandIn api;
 *
 * @BeforeAll static void start() { api = KubernetesApiStandIn.start(); }  // random port, Kubernaut CRDs
 * @AfterAll static void stop() { api.close(); }
 *
 * @Test void something() {
 *   String ns = api.createNamespace("t-" + UUID.randomUUID().toString().substring(0, 8));
 *   api.client().resources(RemediationRequest.class).inNamespace(ns).resource(rr).create();
 * }
 * }</pre>
 */
public final class KubernetesApiStandIn implements AutoCloseable {

  private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private final StandInHttpServer server;
  private final int port;
  private final StrictCrudDispatcher crud;
  private final StandInDispatcher dispatcher;
  private final GarbageCollector gc;
  private final FaultRules faults;
  private final RequestLog requestLog = new RequestLog();
  private final WatchRegistry watches = new WatchRegistry();
  private final String url;
  private final KubernetesClient client;

  private KubernetesApiStandIn(Builder builder) {
    ResourceCatalog catalog = new ResourceCatalog();
    this.crud = new StrictCrudDispatcher(catalog, builder.clock);
    this.gc = new GarbageCollector(crud::snapshot, crud::handleDelete);
    crud.onRemoval(gc::removed);
    this.faults = new FaultRules(builder.faultSeed);
    DiscoveryAddress address = new DiscoveryAddress();
    StandInDispatcher dispatcher =
        new StandInDispatcher(
            crud,
            catalog,
            new ApiDiscovery(catalog, address),
            new TableRenderer(builder.clock),
            faults,
            requestLog,
            watches,
            () -> {
              watches.dropAll();
              watches.close();
              gc.close();
            });
    this.server = new StandInHttpServer(dispatcher);
    this.dispatcher = dispatcher;
    this.port = server.start(InetAddress.getLoopbackAddress(), builder.port);
    this.url = "http://127.0.0.1:" + port;
    address.set("127.0.0.1:" + port);
    List<CustomResourceDefinition> crds = new ArrayList<>();
    if (builder.kubernautCrds) {
      crds.addAll(CrdFiles.kubernautCrds());
    }
    crds.addAll(builder.crds);
    installCrds(crds);
    createNamespace("default");
    this.client = newClient();
  }

  /** Starts a stand-in on a random local port with the Kubernaut CRDs from the classpath. */
  public static KubernetesApiStandIn start() {
    return builder().start();
  }

  /** A builder for a stand-in with a fixed port, other CRDs, a clock or a fault seed. */
  public static Builder builder() {
    return new Builder();
  }

  /** A client for the stand-in (namespace {@code default}); closed by {@link #close()}. */
  public KubernetesClient client() {
    return client;
  }

  /** A new client for the stand-in; the caller closes it. */
  public KubernetesClient newClient() {
    return newClient(UnaryOperator.identity());
  }

  /**
   * A new client whose configuration the caller adjusts (for example retries); caller closes it.
   */
  public KubernetesClient newClient(UnaryOperator<ConfigBuilder> customizer) {
    Config config =
        customizer
            .apply(
                new ConfigBuilder(Config.empty())
                    .withMasterUrl(url)
                    .withNamespace("default")
                    .withHttp2Disable(true))
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return url;
  }

  /** The port the stand-in listens on. */
  public int port() {
    return port;
  }

  /**
   * Installs (or replaces) CRDs, directly in the store: they do not appear in the request log.
   * Their resources are then served, listed by discovery and rendered as Tables.
   */
  public void installCrds(Collection<CustomResourceDefinition> crds) {
    for (CustomResourceDefinition crd : crds) {
      String name = crd.getMetadata().getName();
      CustomResourceDefinition copy = Serialization.clone(crd);
      copy.getMetadata().setResourceVersion(null);
      copy.setStatus(null);
      MockResponse created = crud.handleCreate(request(HttpMethod.POST, CRD_PATH, copy));
      if (created.code() == 409) {
        MockResponse current = crud.handleGet(CRD_PATH + "/" + name);
        ObjectNode stored =
            (ObjectNode) Serialization.jsonMapper().readTree(current.getBody().readUtf8());
        copy.getMetadata()
            .setResourceVersion(stored.path("metadata").path("resourceVersion").asString());
        copy.setStatus(
            Serialization.unmarshal(stored.toString(), CustomResourceDefinition.class).getStatus());
        created = crud.handleUpdate(request(HttpMethod.PUT, CRD_PATH + "/" + name, copy));
      }
      if (created.code() >= 300) {
        throw new IllegalStateException(
            "installing CRD "
                + name
                + " failed: "
                + created.code()
                + " "
                + created.getBody().readUtf8());
      }
    }
  }

  /** Creates a namespace if it does not exist yet (not recorded in the request log); returns it. */
  public String createNamespace(String name) {
    MockResponse response =
        crud.handleCreate(
            request(
                HttpMethod.POST,
                "/api/v1/namespaces",
                new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()));
    if (response.code() >= 300 && response.code() != 409) {
      throw new IllegalStateException("creating namespace " + name + " failed: " + response.code());
    }
    return name;
  }

  /** The fault rules applied in front of the store. */
  public FaultRules faults() {
    return faults;
  }

  /** The calls received so far, per verb, group, resource and subresource. */
  public RequestLog requestLog() {
    return requestLog;
  }

  /** Closes every open watch connection (clients see the watch end and must reconnect). */
  public int dropWatches() {
    return watches.dropAll();
  }

  /** How many watch connections are open. */
  public int openWatches() {
    return watches.openWatches();
  }

  /** Writes a kubeconfig for {@code kubectl --kubeconfig <file>} (namespace default). */
  public Path writeKubeconfig(Path file) {
    return KubeconfigWriter.write(file, url, "default");
  }

  /** Stops the server and closes the client and open watches. */
  @Override
  public void close() {
    client.close();
    dispatcher.shutdown();
    server.close();
  }

  private static RecordedRequest request(HttpMethod method, String path, Object body) {
    return new RecordedRequest(
        "HTTP/1.1",
        method,
        path,
        new Headers.Builder().add("Content-Type", "application/json").build(),
        new Buffer(Serialization.asJson(body).getBytes(StandardCharsets.UTF_8)));
  }

  /** Builds and starts a {@link KubernetesApiStandIn}. */
  public static final class Builder {
    private int port;
    private boolean kubernautCrds = true;
    private final List<CustomResourceDefinition> crds = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private long faultSeed = 42L;

    private Builder() {}

    /** Listen on this port (0, the default, picks a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Whether to install the Kubernaut CRDs found on the classpath (default true). */
    public Builder kubernautCrds(boolean install) {
      this.kubernautCrds = install;
      return this;
    }

    /** Also install these CRDs. */
    public Builder crds(Collection<CustomResourceDefinition> more) {
      this.crds.addAll(more);
      return this;
    }

    /** Also install the CRDs in these classpath YAML resources. */
    public Builder crdResources(String... resources) {
      for (String resource : resources) {
        this.crds.addAll(CrdFiles.fromClasspath(resource));
      }
      return this;
    }

    /** The clock for timestamps and Table ages (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The seed for probabilistic fault rules (default 42). */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    /** Starts the stand-in. */
    public KubernetesApiStandIn start() {
      return new KubernetesApiStandIn(this);
    }
  }

  /** The server address for discovery, known only once the server listens. */
  private static final class DiscoveryAddress implements java.util.function.Supplier<String> {
    private volatile String value = "127.0.0.1:0";

    void set(String address) {
      value = address;
    }

    @Override
    public String get() {
      return value;
    }
  }
}
