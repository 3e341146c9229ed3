package ai.kubernaut.orchestrator.sandbox.scenarios;

import ai.kubernaut.orchestrator.sandbox.controllers.Script;
import ai.kubernaut.orchestrator.sandbox.scenarios.Scenario.Target;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/**
 * The sandbox's built-in scenarios: the RRs the {@code sandbox} command creates, each scripted for
 * the simulated controllers through {@code sandbox.kubernaut.ai/*} annotations, with the terminal
 * phase and outcome the orchestrator must reach. They are a table, {@value #TABLE} next to this
 * class; this class only turns its rows into {@link Scenario}s.
 *
 * <p>Every RR carries a {@value #SAFETY_GLOBAL_TIMEOUT} global timeout, so a remediation that
 * stalls ends as TimedOut (and shows up as a mismatch) instead of keeping the sandbox waiting.
 * Timeout scenarios use short phase timeouts so the whole set finishes in well under a minute with
 * the default step delay.
 */
public final class Scenarios {

  /** Global timeout on every scenario RR. */
  public static final String SAFETY_GLOBAL_TIMEOUT = "2m";

  public static final String CLEAN_SUCCESS = "clean-success";
  public static final String RECOVERY = "recovery";

  static final String TABLE = "built-in.yaml";

  /** One row of the table, as written there. */
  record Row(
      String id,
      String description,
      String signalName,
      String severity,
      Target target,
      String script,
      Map<String, String> timeouts,
      String providerData,
      Expected expected,
      String note) {

    Scenario toScenario() {
      Map<String, String> allTimeouts = new LinkedHashMap<>(timeouts == null ? Map.of() : timeouts);
      allTimeouts.putIfAbsent("global", SAFETY_GLOBAL_TIMEOUT);
      return new Scenario(
          id,
          description,
          signalName,
          severity,
          target,
          // the fingerprint identifies the signal on its target, as the Gateway's does
          signalName + "/" + target.kind() + "/" + target.name(),
          Map.of("environment", "prod"),
          script == null ? Map.of() : Map.of(Script.SCENARIO, script),
          allTimeouts,
          providerData,
          expected,
          note);
    }
  }

  private static final List<Scenario> BUILT_IN = load();

  private Scenarios() {}

  /** Every built-in scenario, in the order the sandbox creates them. */
  public static List<Scenario> builtIn() {
    return BUILT_IN;
  }

  /** The built-in scenario with this id. */
  public static Optional<Scenario> byId(String id) {
    return BUILT_IN.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  static List<Scenario> parse(InputStream table) {
    List<Row> rows = new KubernetesSerialization().unmarshal(table, new TypeReference<>() {});
    return rows.stream().map(Row::toScenario).toList();
  }

  private static List<Scenario> load() {
    try (InputStream table = Scenarios.class.getResourceAsStream(TABLE)) {
      if (table == null) {
        throw new IllegalStateException(TABLE + " is missing from the sandbox's classpath");
      }
      return parse(table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
