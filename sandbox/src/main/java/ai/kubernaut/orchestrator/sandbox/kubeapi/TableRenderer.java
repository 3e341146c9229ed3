package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders objects as a {@code meta.k8s.io/v1 Table}, as the API server does for {@code kubectl
 * get}: a Name column, then the CRD's additional printer columns (or Age when it declares none);
 * Namespaces get Status and Age, core Events the server's own columns (Last Seen, Type, Reason,
 * Object, Message, and more with {@code -o wide}). Cells follow the server's rules: a {@code date}
 * cell is a human-readable age, a missing value is null (kubectl prints {@code <none>}).
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
    if (parsed.has("items") && parsed.get("items").isArray()) {
      parsed.get("items").forEach(objects::add);
    } else {
      objects.add(parsed);
    }
    String resourceVersion = parsed.path("metadata").path("resourceVersion").asString("");
    return Serialization.jsonMapper()
        .writeValueAsString(table(type, objects, resourceVersion, includeObject));
  }

  /**
   * Renders one watch event ({@code {"type":..,"object":..}}) with its object as a one-row Table,
   * as the API server streams {@code kubectl get -w}; an ERROR or BOOKMARK event passes as it is.
   */
  public String renderEvent(ResourceType type, String event, String includeObject) {
    JsonNode parsed = Serialization.jsonMapper().readTree(event);
    String eventType = parsed.path("type").asString("");
    JsonNode object = parsed.path("object");
    if (!(parsed instanceof ObjectNode node)
        || !object.isObject()
        || eventType.equals("ERROR")
        || eventType.equals("BOOKMARK")) {
      return event;
    }
    node.set(
        "object",
        table(
            type,
            List.of(object),
            object.path("metadata").path("resourceVersion").asString(""),
            includeObject));
    return Serialization.jsonMapper().writeValueAsString(node);
  }

  private ObjectNode table(
      ResourceType type, List<JsonNode> objects, String resourceVersion, String includeObject) {
    List<Column> columns = columns(type);
    ObjectNode table = NODES.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (Column c : columns) {
      definitions.add(column(c.name(), c.type(), c.format(), c.description(), c.priority()));
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Column c : columns) {
        cells.add(c.cell().apply(object));
      }
      rowObject(object, includeObject).ifPresent(o -> row.set("object", o));
    }
    return table;
  }

  /** One Table column: its definition and how a cell is computed from an object. */
  private record Column(
      String name,
      String type,
      String format,
      String description,
      int priority,
      Function<JsonNode, JsonNode> cell) {}

  private List<Column> columns(ResourceType type) {
    List<Column> columns = new ArrayList<>();
    if (type.group().isEmpty() && type.plural().equals("events")) {
      return coreEventColumns();
    }
    columns.add(
        new Column(
            "Name",
            "string",
            "name",
            "Name must be unique within a namespace. More info:"
                + " https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
            0,
            o -> NODES.stringNode(o.path("metadata").path("name").asString(""))));
    List<ResourceType.PrinterColumn> printer =
        type.printerColumns().isEmpty() ? builtInColumns(type) : type.printerColumns();
    for (ResourceType.PrinterColumn c : printer) {
      columns.add(
          new Column(
              c.name(),
              c.type(),
              c.format() == null ? "" : c.format(),
              c.description() == null ? "" : c.description(),
              c.priority(),
              o -> cell(c, o)));
    }
    return columns;
  }

  private static List<ResourceType.PrinterColumn> builtInColumns(ResourceType type) {
    if (type.group().isEmpty() && type.plural().equals("namespaces")) {
      return List.of(
          new ResourceType.PrinterColumn(
              "Status", "string", "", "The status of the namespace", 0, ".status.phase"),
          AGE);
    }
    return List.of(AGE);
  }

  /** The columns the API server prints for core v1 Events (kubectl get events). */
  private List<Column> coreEventColumns() {
    return List.of(
        new Column("Last Seen", "string", "", "Time of the last occurrence", 0, this::lastSeen),
        new Column(
            "Type", "string", "", "Type of this event (Normal, Warning)", 0, o -> text(o, "type")),
        new Column("Reason", "string", "", "Why the event was emitted", 0, o -> text(o, "reason")),
        new Column(
            "Object",
            "string",
            "",
            "The object this event is about",
            0,
            TableRenderer::eventObject),
        new Column(
            "Subobject",
            "string",
            "",
            "The field of the object this event is about",
            1,
            o -> NODES.stringNode(o.path("involvedObject").path("fieldPath").asString(""))),
        new Column(
            "Source",
            "string",
            "",
            "The component reporting this event",
            1,
            TableRenderer::eventSource),
        new Column(
            "Message",
            "string",
            "",
            "A human-readable description of the status of this operation",
            0,
            o -> NODES.stringNode(o.path("message").asString("").strip())),
        new Column("First Seen", "string", "", "Time of the first occurrence", 1, this::firstSeen),
        new Column(
            "Count",
            "string",
            "",
            "The number of times this event has occurred",
            1,
            o -> NODES.numberNode(Math.max(1, o.path("count").asLong(1)))),
        new Column(
            "Name",
            "string",
            "name",
            "Name of the event",
            1,
            o -> NODES.stringNode(o.path("metadata").path("name").asString(""))));
  }

  private JsonNode firstSeen(JsonNode event) {
    String first = event.path("firstTimestamp").asString("");
    if (first.isEmpty()) {
      first = event.path("eventTime").asString("");
    }
    if (first.isEmpty()) {
      first = event.path("metadata").path("creationTimestamp").asString("");
    }
    return NODES.stringNode(first.isEmpty() ? "<unknown>" : age(first));
  }

  private JsonNode lastSeen(JsonNode event) {
    String series = event.path("series").path("lastObservedTime").asString("");
    if (!series.isEmpty()) {
      return NODES.stringNode(age(series));
    }
    String last = event.path("lastTimestamp").asString("");
    return last.isEmpty() ? firstSeen(event) : NODES.stringNode(age(last));
  }

  private static JsonNode eventObject(JsonNode event) {
    JsonNode involved = event.path("involvedObject");
    String kind = involved.path("kind").asString("").toLowerCase(java.util.Locale.ROOT);
    String name = involved.path("name").asString("");
    return NODES.stringNode(name.isEmpty() ? kind : kind + "/" + name);
  }

  private static JsonNode eventSource(JsonNode event) {
    String component = event.path("source").path("component").asString("");
    String host = event.path("source").path("host").asString("");
    if (component.isEmpty()) {
      component = event.path("reportingComponent").asString("");
      host = event.path("reportingInstance").asString("");
    }
    return NODES.stringNode(host.isEmpty() ? component : component + ", " + host);
  }

  private static JsonNode text(JsonNode object, String field) {
    return NODES.stringNode(object.path(field).asString(""));
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
