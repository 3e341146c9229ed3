package ai.kubernaut.orchestrator.sandbox.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server bound to a local TCP port, for the sandbox.
 *
 * <p>The server runs in real time (time skipping locked), so timers fire when the wall clock says
 * so, exactly as against a real Temporal cluster; any Temporal client, including the {@code
 * temporal} CLI, can connect to {@link #target()} in namespace {@value #NAMESPACE}. The custom
 * search attributes given at start are registered through the OperatorService, as an operator would
 * with {@code temporal operator search-attribute create}. State lives in memory and is gone after
 * {@link #close()}.
 */
public final class SandboxTemporalServer implements AutoCloseable {

  /** The port the {@code temporal} CLI and SDKs use by default. */
  public static final int DEFAULT_PORT = 7233;

  /** The only namespace the test server serves. */
  public static final String NAMESPACE = "default";

  private static final Logger log = LoggerFactory.getLogger(SandboxTemporalServer.class);
  private static final int RANDOM_PORT_ATTEMPTS = 5;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final TestServer.PortBoundTestServer server;
  private final int port;
  private final WorkflowServiceStubs workflowServiceStubs;
  private final Map<String, IndexedValueType> searchAttributes;
  private final StickyQueueExpiry stickyQueues;

  private SandboxTemporalServer(
      TestServer.PortBoundTestServer server,
      int port,
      WorkflowServiceStubs workflowServiceStubs,
      Map<String, IndexedValueType> searchAttributes) {
    this.server = server;
    this.port = port;
    this.workflowServiceStubs = workflowServiceStubs;
    this.searchAttributes = searchAttributes;
    this.stickyQueues = new StickyQueueExpiry(workflowServiceStubs, NAMESPACE);
  }

  /** Starts on {@value #DEFAULT_PORT} with the given custom search attributes. */
  public static SandboxTemporalServer start(Map<String, IndexedValueType> searchAttributes) {
    return start(DEFAULT_PORT, searchAttributes);
  }

  /**
   * Starts the server on {@code port} (0 picks a free port) and registers {@code searchAttributes}
   * (name to type, for example {@code RemediationPhase -> INDEXED_VALUE_TYPE_KEYWORD}).
   *
   * @throws IllegalStateException when the port is taken or the server does not come up
   */
  public static SandboxTemporalServer start(
      int port, Map<String, IndexedValueType> searchAttributes) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    Map<String, IndexedValueType> attributes =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(searchAttributes, "searchAttributes")));
    BoundServer bound = port == 0 ? bindRandomPort() : bind(port);
    WorkflowServiceStubs stubs = null;
    try {
      stubs =
          WorkflowServiceStubs.newConnectedServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target(bound.port())).build(),
              CONNECT_TIMEOUT);
      registerSearchAttributes(bound.port(), attributes);
    } catch (RuntimeException e) {
      if (stubs != null) {
        stubs.shutdownNow();
      }
      bound.server().close();
      throw new IllegalStateException(
          "Temporal test server on port " + bound.port() + " did not start: " + e.getMessage(), e);
    }
    log.info(
        "Temporal test server listening on {} (namespace {}, {} search attributes)",
        target(bound.port()),
        NAMESPACE,
        attributes.size());
    return new SandboxTemporalServer(bound.server(), bound.port(), stubs, attributes);
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return port;
  }

  /** {@code localhost:<port>}, the address for SDK clients and {@code temporal --address}. */
  public String target() {
    return target(port);
  }

  /** The namespace to use with this server. */
  public String namespace() {
    return NAMESPACE;
  }

  /** The custom search attributes registered at start. */
  public Map<String, IndexedValueType> searchAttributes() {
    return searchAttributes;
  }

  /** Connected stubs, shared by every caller and shut down by {@link #close()}. */
  public WorkflowServiceStubs workflowServiceStubs() {
    return workflowServiceStubs;
  }

  /**
   * Call after stopping a worker, with the sticky task queues it polled: the workflow tasks the
   * server queues there go to the normal task queue instead, as a real Temporal server does once
   * the sticky schedule-to-start timeout passes. The test server has no such timeout; without this,
   * a workflow the stopped worker had cached would never run again.
   */
  public void expireStickyQueues(Collection<String> queues) {
    queues.forEach(stickyQueues::expire);
  }

  /** Workflow tasks moved off stopped workers' sticky queues so far. */
  public int stickyTasksMoved() {
    return stickyQueues.moved();
  }

  /** Shuts the stubs and the server down; in-memory state is lost. */
  @Override
  public void close() {
    stickyQueues.close();
    workflowServiceStubs.shutdown();
    workflowServiceStubs.awaitTermination(5, TimeUnit.SECONDS);
    server.close();
    log.info("Temporal test server on {} stopped", target());
  }

  private static String target(int port) {
    return "localhost:" + port;
  }

  private record BoundServer(TestServer.PortBoundTestServer server, int port) {}

  private static BoundServer bind(int port) {
    try {
      // lockTimeSkipping = true: the sandbox runs in real time
      return new BoundServer(TestServer.createPortBoundServer(port, true), port);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot start the Temporal test server on port " + port + ": " + rootMessage(e), e);
    }
  }

  /**
   * The test server does not report the port it bound, so a free port is found first and bound
   * right after; another process may take it in between, hence the retries.
   */
  private static BoundServer bindRandomPort() {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < RANDOM_PORT_ATTEMPTS; attempt++) {
      int candidate = freePort();
      try {
        return bind(candidate);
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw last;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  private static void registerSearchAttributes(
      int port, Map<String, IndexedValueType> searchAttributes) {
    if (searchAttributes.isEmpty()) {
      return;
    }
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(target(port))
                .validateAndBuildWithDefaults());
    try {
      // one request per attribute, so one that already exists does not hide the others
      searchAttributes.forEach(
          (name, type) -> {
            try {
              operator
                  .blockingStub()
                  .addSearchAttributes(
                      AddSearchAttributesRequest.newBuilder()
                          .setNamespace(NAMESPACE)
                          .putSearchAttributes(name, type)
                          .build());
            } catch (StatusRuntimeException e) {
              if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
              }
              log.debug("search attribute {} already registered", name);
            }
          });
    } finally {
      operator.shutdownNow();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
