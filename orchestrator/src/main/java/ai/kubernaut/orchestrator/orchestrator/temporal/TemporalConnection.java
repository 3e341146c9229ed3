package ai.kubernaut.orchestrator.orchestrator.temporal;

import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import ai.kubernaut.orchestrator.orchestrator.http.ReadinessCheck;
import ai.kubernaut.orchestrator.workflows.RemediationDataConverter;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.grpc.ClientInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's connection to Temporal: workflow and operator service stubs, a namespace-bound
 * {@link WorkflowClient}, and the SDK's metrics scope reporting into the shared Micrometer
 * registry.
 */
public final class TemporalConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalConnection.class);
  private static final Duration READY_RPC_TIMEOUT = Duration.ofSeconds(2);

  private final TemporalConfig config;
  private final Scope metricsScope;
  private final WorkflowServiceStubs serviceStubs;
  private final OperatorServiceStubs operatorStubs;
  private final WorkflowClient client;

  private TemporalConnection(
      TemporalConfig config,
      Scope metricsScope,
      WorkflowServiceStubs serviceStubs,
      OperatorServiceStubs operatorStubs,
      WorkflowClient client) {
    this.config = config;
    this.metricsScope = metricsScope;
    this.serviceStubs = serviceStubs;
    this.operatorStubs = operatorStubs;
    this.client = client;
  }

  /**
   * Connects and checks the server answers within {@code connectTimeout}.
   *
   * @param identity worker and client identity shown in Temporal (pod name)
   */
  public static TemporalConnection connect(
      TemporalConfig config, MeterRegistry registry, String identity, Duration connectTimeout) {
    return connect(config, registry, identity, connectTimeout, List.of());
  }

  /**
   * As {@link #connect}, with gRPC interceptors on every call (the sandbox observes its worker).
   */
  public static TemporalConnection connect(
      TemporalConfig config,
      MeterRegistry registry,
      String identity,
      Duration connectTimeout,
      List<ClientInterceptor> interceptors) {
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
    WorkflowServiceStubsOptions options =
        WorkflowServiceStubsOptions.newBuilder(TemporalServiceOptions.of(config, scope))
            .setGrpcClientInterceptors(interceptors)
            .build();
    WorkflowServiceStubs stubs = null;
    try {
      stubs = WorkflowServiceStubs.newConnectedServiceStubs(options, connectTimeout);
      OperatorServiceStubs operator =
          OperatorServiceStubs.newServiceStubs(
              OperatorServiceStubsOptions.newBuilder(options).validateAndBuildWithDefaults());
      WorkflowClient client =
          WorkflowClient.newInstance(
              stubs,
              WorkflowClientOptions.newBuilder()
                  .setNamespace(config.namespace())
                  .setIdentity(identity)
                  .setDataConverter(RemediationDataConverter.get())
                  .build());
      LOG.info(
          "connected to Temporal at {} (namespace {}, tls {})",
          config.address(),
          config.namespace(),
          config.tlsEnabled());
      return new TemporalConnection(config, scope, stubs, operator, client);
    } catch (RuntimeException e) {
      if (stubs != null) {
        stubs.shutdownNow();
      }
      closeScope(scope);
      throw new IllegalStateException(
          "cannot connect to Temporal at " + config.address() + ": " + e.getMessage(), e);
    }
  }

  public TemporalConfig config() {
    return config;
  }

  public WorkflowServiceStubs serviceStubs() {
    return serviceStubs;
  }

  public OperatorServiceStubs operatorStubs() {
    return operatorStubs;
  }

  public WorkflowClient client() {
    return client;
  }

  public Scope metricsScope() {
    return metricsScope;
  }

  /** Ready when the frontend answers GetSystemInfo. */
  public ReadinessCheck readinessCheck() {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return "temporal";
      }

      @Override
      public Result check() {
        serviceStubs
            .blockingStub()
            .withDeadlineAfter(READY_RPC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        return Result.ok();
      }
    };
  }

  @Override
  public void close() {
    operatorStubs.shutdown();
    serviceStubs.shutdown();
    operatorStubs.awaitTermination(5, TimeUnit.SECONDS);
    serviceStubs.awaitTermination(5, TimeUnit.SECONDS);
    closeScope(metricsScope);
  }

  private static void closeScope(Scope scope) {
    try {
      scope.close();
    } catch (ScopeCloseException e) {
      LOG.debug("closing the Temporal metrics scope failed: {}", e.toString());
    }
  }
}
