package ai.kubernaut.orchestrator.gateway;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alertmanager webhook payloads for tests: {@code Alerts.group(alert("KubePodCrashLooping"))}. */
final class Alerts {

  private Alerts() {}

  /** One firing alert on deployment {@code web} in namespace {@code shop}. */
  static Map<String, Object> alert(String alertname) {
    return alert(alertname, "shop", "web");
  }

  static Map<String, Object> alert(String alertname, String namespace, String deployment) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", alertname);
    labels.put("severity", "critical");
    labels.put("namespace", namespace);
    labels.put("deployment", deployment);
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("status", "firing");
    alert.put("labels", labels);
    alert.put("annotations", Map.of("summary", alertname + " on " + deployment));
    alert.put("startsAt", "2026-01-01T10:00:00.123456789Z");
    alert.put("endsAt", "0001-01-01T00:00:00Z");
    alert.put("generatorURL", "http://prometheus:9090/graph?g0.expr=up");
    alert.put("fingerprint", "0123456789abcdef");
    return alert;
  }

  static Map<String, Object> resolved(Map<String, Object> alert) {
    Map<String, Object> copy = new LinkedHashMap<>(alert);
    copy.put("status", "resolved");
    copy.put("endsAt", "2026-01-01T10:05:00Z");
    return copy;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> withLabel(Map<String, Object> alert, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(alert);
    Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) alert.get("labels"));
    if (value == null) {
      labels.remove(key);
    } else {
      labels.put(key, value);
    }
    copy.put("labels", labels);
    return copy;
  }

  @SafeVarargs
  static Map<String, Object> group(Map<String, Object>... alerts) {
    return group(List.of(alerts));
  }

  static Map<String, Object> group(List<Map<String, Object>> alerts) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("version", "4");
    payload.put("groupKey", "{}:{alertname=\"x\"}");
    payload.put("truncatedAlerts", 0);
    payload.put("status", "firing");
    payload.put("receiver", "kubernaut");
    payload.put("groupLabels", Map.of());
    payload.put("commonLabels", Map.of());
    payload.put("commonAnnotations", Map.of());
    payload.put("externalURL", "http://alertmanager:9093");
    payload.put("alerts", new ArrayList<>(alerts));
    return payload;
  }

  static String json(Object payload) {
    return Serialization.jsonMapper().writeValueAsString(payload);
  }
}
