package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API-server rules the CRUD mock does not apply, checked on every state change before it is stored.
 * Pure: given the stored and the proposed JSON, it answers what to store (or null to remove the
 * object) or throws {@link RejectedWriteException}.
 *
 * <ul>
 *   <li>{@code deletionTimestamp} is server-owned: set (RFC 3339, UTC) when a delete marks the
 *       object, kept by every later update, ignored in updates before that;
 *   <li>no new finalizer may be added once {@code deletionTimestamp} is set (422);
 *   <li>an object being deleted whose last finalizer is removed is removed;
 *   <li>{@code null} fields are dropped, as a JSON merge patch with {@code null} means "remove".
 * </ul>
 */
public final class WriteRules {

  private WriteRules() {}

  /**
   * What to store.
   *
   * @param existing the stored JSON, or null on create
   * @param proposed the JSON the CRUD mock wants to store (never null)
   * @param markingDeletion whether the change comes from a DELETE of an object with finalizers
   * @param now the server time
   * @return the JSON to store, or empty to remove the object
   */
  public static Optional<String> admit(
      String existing, String proposed, boolean markingDeletion, Instant now) {
    ObjectNode next = (ObjectNode) Serialization.jsonMapper().readTree(proposed);
    dropNulls(next);
    ObjectNode metadata = metadata(next);
    if (existing == null) {
      metadata.remove("deletionTimestamp");
      return Optional.of(next.toString());
    }
    JsonNode current = Serialization.jsonMapper().readTree(existing);
    JsonNode currentDeletion = current.path("metadata").path("deletionTimestamp");
    if (markingDeletion) {
      metadata.put("deletionTimestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
      metadata.put("deletionGracePeriodSeconds", 0);
      return Optional.of(next.toString());
    }
    if (currentDeletion.isMissingNode() || currentDeletion.isNull()) {
      metadata.remove("deletionTimestamp");
      metadata.remove("deletionGracePeriodSeconds");
      return Optional.of(next.toString());
    }
    Set<String> added = new LinkedHashSet<>(finalizers(next));
    added.removeAll(finalizers(current));
    if (!added.isEmpty()) {
      throw new RejectedWriteException(
          422,
          kindAndName(current)
              + " is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if"
              + " the object is being deleted, found new finalizers []string{"
              + String.join(", ", added.stream().map(f -> "\"" + f + "\"").toList())
              + "}");
    }
    metadata.set("deletionTimestamp", currentDeletion.deepCopy());
    if (finalizers(next).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(next.toString());
  }

  private static ObjectNode metadata(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode m) {
      return m;
    }
    return object.putObject("metadata");
  }

  static List<String> finalizers(JsonNode object) {
    List<String> result = new ArrayList<>();
    JsonNode list = object.path("metadata").path("finalizers");
    if (list instanceof ArrayNode array) {
      array.forEach(f -> result.add(f.asString()));
    }
    return result;
  }

  private static String kindAndName(JsonNode object) {
    return object.path("kind").asString("Object")
        + " \""
        + object.path("metadata").path("name").asString("")
        + "\"";
  }

  /** Removes null-valued fields from objects, recursively. */
  static void dropNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          it.remove();
        } else {
          dropNulls(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(WriteRules::dropNulls);
    }
  }
}
