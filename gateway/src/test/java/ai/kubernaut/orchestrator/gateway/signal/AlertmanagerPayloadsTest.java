package ai.kubernaut.orchestrator.gateway.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerPayloadsTest {

  static final String GROUP =
      """
      {"version":"4","groupKey":"{}:{alertname=\\"HighErrorRate\\"}","status":"firing",
       "receiver":"kubernaut","externalURL":"http://am:9093","groupLabels":{},"commonLabels":{},
       "commonAnnotations":{},"truncatedAlerts":0,
       "alerts":[
        {"status":"firing","labels":{"alertname":"HighErrorRate","severity":"Critical",
          "namespace":"shop","deployment":"web","pod":"web-7d9f"},
         "annotations":{"summary":"5xx above 5%"},"startsAt":"2026-01-01T10:00:00.5+02:00",
         "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom/graph","fingerprint":"abc"},
        {"status":"resolved","labels":{"alertname":"HighErrorRate","namespace":"shop",
          "deployment":"api"},"startsAt":"2026-01-01T09:00:00Z","endsAt":"2026-01-01T09:30:00Z"}
       ]}
      """;

  private final AlertmanagerPayloads payloads = new AlertmanagerPayloads(TargetMapping.defaults());

  @Test
  void readsEveryAlertOfTheGroupWithItsStatus() {
    List<Signal> signals = payloads.parse(GROUP.getBytes(StandardCharsets.UTF_8));

    assertThat(signals).hasSize(2);
    Signal first = signals.get(0);
    assertThat(first.name()).isEqualTo("HighErrorRate");
    assertThat(first.severity()).isEqualTo("critical");
    assertThat(first.status()).isEqualTo(Signal.Status.FIRING);
    assertThat(first.target()).isEqualTo(new Signal.Target("Deployment", "web", "shop", "apps/v1"));
    assertThat(first.firingTime()).isEqualTo(Instant.parse("2026-01-01T08:00:00.5Z"));
    assertThat(first.annotations()).containsEntry("summary", "5xx above 5%");
    assertThat(first.providerData())
        .contains("\"receiver\":\"kubernaut\"", "\"alertFingerprint\":\"abc\"")
        .doesNotContain("endsAt");
    assertThat(first.rawPayload()).contains("web-7d9f").doesNotContain("\"api\"");
    assertThat(signals.get(1).status()).isEqualTo(Signal.Status.RESOLVED);
    assertThat(signals.get(1).severity()).isEqualTo("unknown");
  }

  @Test
  void bindsTheRawPayloadOfAHugeAlert() {
    String huge = GROUP.replace("5xx above 5%", "x".repeat(8000));
    String withMany =
        huge.replace(
            "\"summary\":",
            "\"a1\":\"" + "y".repeat(8000) + "\",\"a2\":\"" + "z".repeat(8000) + "\",\"summary\":");

    Signal first = payloads.parse(withMany.getBytes(StandardCharsets.UTF_8)).get(0);

    assertThat(first.rawPayload())
        .hasSize(SignalLimits.MAX_RAW_PAYLOAD_CHARS)
        .contains("truncated");
  }

  @Test
  void namesTheAlertAndFieldThatIsWrong() {
    String bad = GROUP.replace("\"deployment\":\"api\"", "\"deployment\":\"API!\"");

    assertThatThrownBy(() -> payloads.parse(bad.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidSignalException.class)
        .hasMessageStartingWith("alerts[1]: label 'deployment' value 'API!'")
        .extracting(e -> ((InvalidSignalException) e).reason())
        .isEqualTo("invalid_target");
  }
}
