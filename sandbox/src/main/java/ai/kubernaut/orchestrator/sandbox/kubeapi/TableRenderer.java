package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders objects as a {@code meta.k8s.io/v1 Table}, as the API server does for {@code kubectl
 * get}: a Name column, then the CRD's additional printer columns (or Age when it declares none).
 * Cells follow the server's rules: a {@code date} cell is a human-readable age, a missing value is
 * null (kubectl prints {@code <none>}).
 */
public final class TableRenderer {

  /** The Accept header fragment kubectl sends to ask for a Table. */
  public static final String TABLE_MEDIA = "as=Table";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ResourceType.PrinterColumn AGE =
      new ResourceType.PrinterColumn(
          "Age",
          "date",
          "",
          "CreationTimestamp is a timestamp representing the server time when this object was"
              + " created.",
          0,
          ".metadata.creationTimestamp");

  private final Clock clock;

  public TableRenderer(Clock clock) {
    this.clock = clock;
  }

  /** Whether an Accept header asks for a Table. */
  public static boolean wantsTable(String accept) {
    return accept != null && accept.contains(TABLE_MEDIA) && accept.contains("meta.k8s.io");
  }

  /**
   * Renders a list or a single object.
   *
   * @param type the resource type, for its printer columns
   * @param body the JSON the CRUD store answered (a List or one object)
   * @param includeObject the {@code includeObject} query value: None, Metadata (default) or Object
   * @return the Table as JSON
   */
  public String render(ResourceType type, String body, String includeObject) {
    JsonNode parsed = Serialization.jsonMapper().readTree(body);
    List<JsonNode> objects = new ArrayList<>();
    String resourceVersion;
    if (parsed.has("items") && parsed.get("items").isArray()) {
      parsed.get("items").forEach(objects::add);
      resourceVersion = parsed.path("metadata").path("resourceVersion").asString("");
    } else {
      objects.add(parsed);
      resourceVersion = parsed.path("metadata").path("resourceVersion").asString("");
    }
    List<ResourceType.PrinterColumn> columns =
        type.printerColumns().isEmpty() ? List.of(AGE) : type.printerColumns();

    ObjectNode table = NODES.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode definitions = table.putArray("columnDefinitions");
    definitions.add(
        column(
            "Name",
            "string",
            "name",
            "Name must be unique within a namespace. More info:"
                + " https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
            0));
    for (ResourceType.PrinterColumn c : columns) {
      definitions.add(
          column(
              c.name(),
              c.type(),
              c.format() == null ? "" : c.format(),
              c.description() == null ? "" : c.description(),
              c.priority()));
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asString(""));
      for (ResourceType.PrinterColumn c : columns) {
        cells.add(cell(c, object));
      }
      rowObject(object, includeObject).ifPresent(o -> row.set("object", o));
    }
    return Serialization.jsonMapper().writeValueAsString(table);
  }

  private static ObjectNode column(
      String name, String type, String format, String description, int priority) {
    ObjectNode node = NODES.objectNode();
    node.put("name", name);
    node.put("type", type);
    node.put("format", format);
    node.put("description", description);
    node.put("priority", priority);
    return node;
  }

  private JsonNode cell(ResourceType.PrinterColumn column, JsonNode object) {
    Optional<JsonNode> value;
    try {
      value = SimpleJsonPath.parse(column.jsonPath()).evaluate(object);
    } catch (IllegalArgumentException e) {
      return NODES.nullNode();
    }
    if (value.isEmpty()) {
      return NODES.nullNode();
    }
    JsonNode v = value.get();
    return switch (column.type()) {
      case "string" -> NODES.stringNode(v.isString() ? v.stringValue() : v.toString());
      case "integer" -> v.isNumber() ? NODES.numberNode(v.asLong()) : NODES.nullNode();
      case "number" -> v.isNumber() ? NODES.numberNode(v.asDouble()) : NODES.nullNode();
      case "boolean" -> v.isBoolean() ? v : NODES.nullNode();
      case "date" -> v.isString() ? NODES.stringNode(age(v.stringValue())) : NODES.nullNode();
      default -> NODES.nullNode();
    };
  }

  private String age(String timestamp) {
    try {
      return HumanDuration.format(Duration.between(Instant.parse(timestamp), clock.instant()));
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
  }

  private static Optional<JsonNode> rowObject(JsonNode object, String includeObject) {
    if ("None".equals(includeObject)) {
      return Optional.empty();
    }
    if ("Object".equals(includeObject)) {
      return Optional.of(object);
    }
    ObjectNode partial = NODES.objectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/v1");
    partial.set("metadata", object.path("metadata").deepCopy());
    return Optional.of(partial);
  }
}
