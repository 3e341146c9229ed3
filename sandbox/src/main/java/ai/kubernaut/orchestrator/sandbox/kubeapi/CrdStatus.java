package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The status a real API server gives a new CRD (names accepted, Established, stored versions; code
 * that waits for {@code Established} before using a CRD works against the stand-in) or a new
 * Namespace (Active).
 */
final class CrdStatus {

  private CrdStatus() {}

  static String established(String crdJson) {
    ObjectNode crd = (ObjectNode) Serialization.jsonMapper().readTree(crdJson);
    JsonNode spec = crd.path("spec");
    ObjectNode status = crd.putObject("status");
    status.set("acceptedNames", spec.path("names").deepCopy());
    ArrayNode stored = status.putArray("storedVersions");
    for (JsonNode v : spec.path("versions")) {
      if (v.path("storage").asBoolean(false)) {
        stored.add(v.path("name").asString());
      }
    }
    ArrayNode conditions = status.putArray("conditions");
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    condition(conditions, "NamesAccepted", "NoConflicts", "no conflicts found", now);
    condition(
        conditions,
        "Established",
        "InitialNamesAccepted",
        "the initial names have been accepted",
        now);
    return crd.toString();
  }

  /** A new Namespace is Active, as the API server's namespace lifecycle makes it. */
  static String activeNamespace(String namespaceJson) {
    ObjectNode namespace = (ObjectNode) Serialization.jsonMapper().readTree(namespaceJson);
    if (!namespace.path("status").path("phase").isMissingNode()) {
      return namespaceJson;
    }
    ObjectNode status =
        namespace.path("status") instanceof ObjectNode existing
            ? existing
            : namespace.putObject("status");
    status.put("phase", "Active");
    return namespace.toString();
  }

  private static void condition(
      ArrayNode conditions, String type, String reason, String message, String now) {
    ObjectNode c = conditions.addObject();
    c.put("type", type);
    c.put("status", "True");
    c.put("reason", reason);
    c.put("message", message);
    c.put("lastTransitionTime", now);
  }
}
