package ai.kubernaut.orchestrator.harness.reliability;

import static org.awaitility.Awaitility.await;

import ai.kubernaut.orchestrator.api.v1alpha1.Labels;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationOutcome;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationPhase;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import ai.kubernaut.orchestrator.harness.cli.SandboxCommand;
import ai.kubernaut.orchestrator.harness.config.SandboxConfig;
import ai.kubernaut.orchestrator.harness.sandbox.SandboxStack;
import ai.kubernaut.orchestrator.orchestrator.TestSupport;
import ai.kubernaut.orchestrator.sandbox.controllers.ControllerConfig;
import ai.kubernaut.orchestrator.sandbox.controllers.NotificationSink;
import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import ai.kubernaut.orchestrator.sandbox.scenarios.Expected;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenario;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;

/**
 * The in-process sandbox stack for the reliability ITs: one {@link SandboxStack} per test class
 * (short shutdown grace, no leader election, controllers with a 20 ms step delay), a namespace per
 * test, RR builders, and a watch that records every status each RR went through.
 *
 * <p>Register it on the class: {@code @RegisterExtension static final ReliabilityStack stack =
 * ReliabilityStack.perClass();} starts it before the first test and closes it after the last.
 */
final class ReliabilityStack implements BeforeAllCallback, AfterAllCallback {

  static final Duration STEP_DELAY = Duration.ofMillis(20);
  static final List<String[]> CHILD_KINDS =
      List.of(
          new String[] {"SignalProcessing", "signalprocessings"},
          new String[] {"AIAnalysis", "aianalyses"},
          new String[] {"RemediationApprovalRequest", "remediationapprovalrequests"},
          new String[] {"WorkflowExecution", "workflowexecutions"},
          new String[] {"NotificationRequest", "notificationrequests"});

  private final String[] extraArgs;
  SandboxStack stack;
  KubernetesClient client;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private final Map<String, List<RemediationRequestStatus>> history = new ConcurrentHashMap<>();

  private ReliabilityStack(String[] extraArgs) {
    this.extraArgs = extraArgs;
  }

  /** A stack for one test class; {@code extraArgs} are {@code sandbox} command options. */
  static ReliabilityStack perClass(String... extraArgs) {
    return new ReliabilityStack(extraArgs.clone());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    stack = start(extraArgs);
    client = stack.api().client();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    informers.forEach(SharedIndexInformer::close);
    if (stack != null) {
      stack.close();
    }
  }

  private static SandboxStack start(String... extraArgs) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--temporal-port=" + TestSupport.freePort(),
                "--http-port=0",
                "--no-leader-election",
                "--shutdown-grace-period=1s",
                "--kubeconfig-out=target/reliability-kubeconfig",
                "--resync-period=30s",
                "--drift-period=5s"));
    args.addAll(Arrays.asList(extraArgs));
    SandboxCommand command = new SandboxCommand(c -> 0);
    new CommandLine(command).parseArgs(args.toArray(String[]::new));
    SandboxConfig config = command.toConfig();
    return SandboxStack.start(
        SandboxStack.Settings.of(
                config.orchestrator(),
                ControllerConfig.benchmark()
                    .withStepDelay(STEP_DELAY)
                    .withResyncPeriod(Duration.ofSeconds(2)))
            .withSink(NotificationSink.discarding()));
  }

  /** A fresh namespace, watched for RR status history. */
  String namespace(String prefix) {
    String ns =
        stack.api().createNamespace(prefix + "-" + UUID.randomUUID().toString().substring(0, 6));
    informers.add(
        client
            .resources(RemediationRequest.class)
            .inNamespace(ns)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(RemediationRequest rr) {
                    record(rr);
                  }

                  @Override
                  public void onUpdate(RemediationRequest old, RemediationRequest rr) {
                    record(rr);
                  }

                  @Override
                  public void onDelete(RemediationRequest rr, boolean unknown) {}
                },
                0));
    return ns;
  }

  private void record(RemediationRequest rr) {
    if (rr.getStatus() != null) {
      history
          .computeIfAbsent(
              rr.getMetadata().getNamespace() + "/" + rr.getMetadata().getName(),
              k -> new CopyOnWriteArrayList<>())
          .add(rr.getStatus());
    }
  }

  /** Every status this RR was seen with, in watch order. */
  List<RemediationRequestStatus> history(String ns, String name) {
    return history.getOrDefault(ns + "/" + name, List.of());
  }

  /** A valid RR scripted with {@code sandbox.kubernaut.ai/*} annotations and timeouts. */
  static RemediationRequest rr(
      String ns, String name, Map<String, String> annotations, Map<String, String> timeouts) {
    Map<String, String> all = new HashMap<>(annotations);
    all.putIfAbsent(Script.DELAY, STEP_DELAY.toMillis() + "ms");
    Map<String, String> t = new HashMap<>(timeouts);
    t.putIfAbsent("global", "2m");
    return new Scenario(
            name,
            "reliability",
            "ReliabilitySignal",
            "critical",
            new Scenario.Target("Deployment", "app-" + name),
            ns + "/" + name,
            Map.of(),
            all,
            t,
            null,
            Expected.of(RemediationPhase.COMPLETED, RemediationOutcome.REMEDIATED),
            "")
        .toRemediationRequest(ns);
  }

  static RemediationRequest rr(String ns, String name, String scenario) {
    return rr(ns, name, Map.of(Script.SCENARIO, scenario), Map.of());
  }

  /** Creates the RR, retrying when an injected fault answers instead of the API. */
  RemediationRequest create(RemediationRequest rr) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        return client.resource(rr).create();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() == 409) {
          return get(rr.getMetadata().getNamespace(), rr.getMetadata().getName());
        }
        last = e;
      }
    }
    throw last;
  }

  /**
   * Checks every status sequence this RR went through: never backwards, terminal stays terminal.
   */
  void assertNeverRegressed(String ns, String name) {
    long lastSequence = -1;
    boolean wasTerminal = false;
    for (RemediationRequestStatus s : history(ns, name)) {
      long seq = s.getStatusSequence() == null ? -1 : s.getStatusSequence();
      org.assertj.core.api.Assertions.assertThat(seq)
          .as("%s statusSequence", name)
          .isGreaterThanOrEqualTo(lastSequence);
      lastSequence = Math.max(lastSequence, seq);
      boolean isTerminal = s.getOverallPhase() != null && s.getOverallPhase().isTerminal();
      org.assertj.core.api.Assertions.assertThat(wasTerminal && !isTerminal)
          .as("%s went from terminal back to %s", name, s.getOverallPhase())
          .isFalse();
      wasTerminal |= isTerminal;
    }
  }

  RemediationRequest get(String ns, String name) {
    return client.resources(RemediationRequest.class).inNamespace(ns).withName(name).get();
  }

  static boolean terminal(RemediationRequest rr) {
    return rr != null
        && rr.getStatus() != null
        && rr.getStatus().getOverallPhase() != null
        && rr.getStatus().getOverallPhase().isTerminal();
  }

  /** Waits until every named RR is terminal and returns them. */
  List<RemediationRequest> awaitTerminal(String ns, List<String> names, Duration within) {
    try {
      await()
          .atMost(within)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(() -> names.stream().allMatch(n -> terminal(get(ns, n))));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      names.stream()
          .map(n -> get(ns, n))
          .filter(rr -> !terminal(rr))
          .limit(10)
          .forEach(
              rr ->
                  System.out.printf(
                      "  not terminal: %s phase=%s since %s: %s; children %s%n",
                      rr == null ? "(gone)" : rr.getMetadata().getName(),
                      rr == null || rr.getStatus() == null
                          ? null
                          : rr.getStatus().getOverallPhase(),
                      rr == null || rr.getStatus() == null
                          ? null
                          : rr.getStatus().getPhaseStartTime(),
                      rr == null || rr.getStatus() == null ? null : rr.getStatus().getMessage(),
                      rr == null
                          ? ""
                          : children(ns, rr.getMetadata().getName()).stream()
                              .map(
                                  c ->
                                      c.getMetadata().getName()
                                          + "="
                                          + c.getAdditionalProperties().get("status"))
                              .toList()));
      throw e;
    }
    return names.stream().map(n -> get(ns, n)).toList();
  }

  RemediationRequest awaitTerminal(String ns, String name, Duration within) {
    return awaitTerminal(ns, List.of(name), within).get(0);
  }

  /** Waits until the RR's status shows {@code phase}. */
  void awaitPhase(String ns, String name, RemediationPhase phase, Duration within) {
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              RemediationRequest rr = get(ns, name);
              return rr != null
                  && rr.getStatus() != null
                  && rr.getStatus().getOverallPhase() == phase;
            });
  }

  static ResourceDefinitionContext kind(String kind) {
    String[] k = CHILD_KINDS.stream().filter(c -> c[0].equals(kind)).findFirst().orElseThrow();
    return new ResourceDefinitionContext.Builder()
        .withGroup("kubernaut.ai")
        .withVersion("v1alpha1")
        .withKind(k[0])
        .withPlural(k[1])
        .withNamespaced(true)
        .build();
  }

  /** Every child and notification of the RR, any kind. */
  List<GenericKubernetesResource> children(String ns, String rr) {
    return CHILD_KINDS.stream()
        .flatMap(
            k ->
                client
                    .genericKubernetesResources(kind(k[0]))
                    .inNamespace(ns)
                    .withLabel(Labels.REMEDIATION_REQUEST, Labels.value(rr))
                    .list()
                    .getItems()
                    .stream())
        .toList();
  }

  /** The NotificationRequests of the RR, by {@code spec.type}. */
  Map<String, Long> notificationsByType(String ns, String rr) {
    Map<String, Long> byType = new HashMap<>();
    for (GenericKubernetesResource nr :
        client
            .genericKubernetesResources(kind("NotificationRequest"))
            .inNamespace(ns)
            .withLabel(Labels.REMEDIATION_REQUEST, Labels.value(rr))
            .list()
            .getItems()) {
      Object spec = nr.getAdditionalProperties().get("spec");
      Object type = spec instanceof Map<?, ?> m ? m.get("type") : null;
      byType.merge(Objects.toString(type), 1L, Long::sum);
    }
    return byType;
  }

  static Stream<String> names(List<RemediationRequest> rrs) {
    return rrs.stream().map(r -> r.getMetadata().getName());
  }
}
