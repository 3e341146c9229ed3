package ai.kubernaut.orchestrator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/crd-reference.md agrees with the generated CRDs and the model: it reads the page's tables
 * and compares them with the schemas, printer columns, short names and enums.
 */
class CrdReferenceDocTest {

  // surefire passes the path (see api/pom.xml); the fallback serves an IDE run from api/
  private static final Path DOC =
      Path.of(System.getProperty("crd.reference.doc", "../docs/crd-reference.md"));
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final String NONE = "—";

  @Test
  void listsEveryKindWithItsShortNameAndColumns() {
    List<List<String>> rows = table("Kinds, short names, columns");

    assertThat(rows).hasSize(KubernautCrds.KINDS.size());
    for (Class<? extends CustomResource<?, ?>> kind : KubernautCrds.KINDS) {
      CustomResourceDefinition crd = crd(kind);
      List<String> row = row(rows, crd.getSpec().getNames().getKind());
      List<CustomResourceColumnDefinition> columns = columns(crd);

      assertThat(codes(row.get(1)))
          .as(kind.getSimpleName() + " short names")
          .isEqualTo(crd.getSpec().getNames().getShortNames());
      assertThat(row.get(2)).as(kind.getSimpleName() + " columns").isEqualTo(names(columns, 0));
      assertThat(row.get(3))
          .as(kind.getSimpleName() + " wide columns")
          .isEqualTo(names(columns, 1));
      assertThat(doc())
          .as(kind.getSimpleName() + " category")
          .contains("category `" + crd.getSpec().getNames().getCategories().get(0) + "`");
    }
  }

  @Test
  void describesTheRemediationRequestColumnsAsGenerated() {
    List<List<String>> rows = table("RemediationRequest printer columns");

    assertThat(rows)
        .extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
        .containsExactlyElementsOf(
            columns(crd(RemediationRequest.class)).stream()
                .map(
                    c ->
                        c.getName()
                            + " `"
                            + c.getJsonPath()
                            + "` "
                            + (c.getPriority() == 1 ? "yes" : ""))
                .toList());
  }

  @Test
  void documentsEverySpecFieldWithWhatAdmissionRejects() {
    JSONSchemaProps spec = schema(RemediationRequest.class).getProperties().get("spec");
    List<List<String>> rows = table("Spec (written by the Gateway, immutable)");
    List<String> required = Objects.requireNonNullElse(spec.getRequired(), List.of());

    assertThat(rows.stream().flatMap(row -> codes(row.get(0)).stream()).toList())
        .containsExactlyInAnyOrderElementsOf(spec.getProperties().keySet());
    for (List<String> row : rows) {
      String admission = row.get(2);
      for (String field : codes(row.get(0))) {
        JSONSchemaProps props = spec.getProperties().get(field);
        List<String> rules = admissionRules(props);
        if (required.contains(field)) {
          assertThat(admission).as(field).startsWith("required");
        } else {
          assertThat(admission).as(field).doesNotStartWith("required");
        }
        if (rules.isEmpty() && !required.contains(field)) {
          assertThat(admission).as(field + ": the schema checks nothing").isEqualTo(NONE);
        }
        rules.forEach(rule -> assertThat(admission).as(field).contains(rule));
      }
    }
    assertThat(spec.getXKubernetesValidations())
        .extracting(ValidationRule::getMessage)
        .allSatisfy(message -> assertThat(doc()).contains(message));
    assertThat(schema(RemediationRequest.class).getRequired()).containsExactly("spec");
    assertThat(doc()).contains("`spec: Required value`").contains("`self == oldSelf`");
  }

  @Test
  void listsEveryPhaseAndOutcomeTheOrchestratorWrites() {
    JSONSchemaProps status = schema(RemediationRequest.class).getProperties().get("status");

    assertThat(firstColumn("Phases (`status.overallPhase`)"))
        .containsExactlyElementsOf(values(RemediationPhase.values(), RemediationPhase::value))
        .containsExactlyInAnyOrderElementsOf(enumOf(status, "overallPhase"));
    assertThat(firstColumn("Outcomes (`status.outcome`, set when terminal)"))
        .containsExactlyElementsOf(values(RemediationOutcome.values(), RemediationOutcome::value))
        .containsExactlyInAnyOrderElementsOf(enumOf(status, "outcome"));
  }

  @Test
  void mentionsEveryStatusField() {
    JSONSchemaProps status = schema(RemediationRequest.class).getProperties().get("status");
    Set<String> documented = new TreeSet<>();
    Matcher code = CODE.matcher(doc());
    while (code.find()) {
      documented.addAll(Arrays.asList(code.group(1).split("[^A-Za-z]+")));
    }

    assertThat(documented).containsAll(status.getProperties().keySet());
  }

  @Test
  void listsTheChildValuesOfTheSchemas() {
    List<List<String>> rows = table("Children: values the orchestrator reads and writes");

    for (List<String> row : rows) {
      Class<? extends CustomResource<?, ?>> kind =
          KubernautCrds.KINDS.stream()
              .filter(k -> crd(k).getSpec().getNames().getKind().equals(row.get(0)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no kind " + row.get(0)));
      String[] path = codes(row.get(1)).get(0).split("\\.");

      assertThat(Arrays.asList(row.get(2).split(", ")))
          .as(row.get(0) + " " + row.get(1))
          .containsExactlyInAnyOrderElementsOf(
              enumOf(schema(kind).getProperties().get(path[0]), path[1]));
    }
    assertThat(rows)
        .extracting(row -> row.get(0) + " " + row.get(1))
        .contains(
            "SignalProcessing `status.phase`",
            "AIAnalysis `status.phase`",
            "RemediationApprovalRequest `status.decision`",
            "WorkflowExecution `status.phase`",
            "NotificationRequest `status.phase`");
  }

  @Test
  void numbersExecutionAttemptsFromOneInSchemaAndDoc() {
    JSONSchemaProps attempt =
        schema(RemediationRequest.class)
            .getProperties()
            .get("status")
            .getProperties()
            .get("workflowExecutionRefs")
            .getItems()
            .getSchema()
            .getProperties()
            .get("attemptNumber");

    assertThat(attempt.getDescription()).startsWith("1 for the initial execution");
    assertThat(doc()).contains("`attemptNumber` (1 = the initial execution");
  }

  /** What the doc must say about a field the schema constrains: values, limits, patterns. */
  private static List<String> admissionRules(JSONSchemaProps props) {
    List<String> rules = new ArrayList<>();
    if (props.getPattern() != null) {
      rules.add("`" + props.getPattern() + "`");
    }
    if (props.getMaxLength() != null) {
      rules.add(props.getMaxLength() + " characters");
    }
    if (props.getMinLength() != null) {
      rules.add(props.getMinLength() + (props.getMaxLength() != null ? " to " : " character"));
    }
    if (props.getEnum() != null) {
      props.getEnum().forEach(value -> rules.add("`" + value.asString() + "`"));
    }
    if (props.getDefault() != null) {
      rules.add("default `" + props.getDefault().asString() + "`");
    }
    if (props.getProperties() != null) {
      Objects.requireNonNullElse(props.getRequired(), List.<String>of())
          .forEach(nested -> rules.add("`" + nested + "`"));
      props
          .getProperties()
          .forEach(
              (nested, nestedProps) -> {
                if (nestedProps.getMinimum() != null && nestedProps.getMaximum() != null) {
                  rules.add(
                      "`%s` %d to %d"
                          .formatted(
                              nested,
                              nestedProps.getMinimum().longValue(),
                              nestedProps.getMaximum().longValue()));
                }
              });
    }
    return rules;
  }

  private static <E extends Enum<E>> List<String> values(E[] constants, Function<E, String> value) {
    return Arrays.stream(constants)
        .filter(constant -> !constant.name().equals("UNKNOWN"))
        .map(value)
        .toList();
  }

  private static List<String> enumOf(JSONSchemaProps parent, String field) {
    return parent.getProperties().get(field).getEnum().stream().map(v -> v.asString()).toList();
  }

  private static String names(List<CustomResourceColumnDefinition> columns, int priority) {
    return columns.stream()
        .filter(column -> column.getPriority() == priority)
        .map(CustomResourceColumnDefinition::getName)
        .collect(Collectors.joining(", "));
  }

  private static List<String> codes(String cell) {
    List<String> codes = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  private static List<String> row(List<List<String>> rows, String first) {
    return rows.stream()
        .filter(row -> row.get(0).equals(first))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + first + " in " + rows));
  }

  private static List<String> firstColumn(String heading) {
    return table(heading).stream().map(row -> row.get(0)).toList();
  }

  /** The body rows of the first table under {@code ## heading}, cells trimmed. */
  private static List<List<String>> table(String heading) {
    List<String> lines = doc().lines().toList();
    int start = lines.indexOf("## " + heading);
    assertThat(start).as("section '## " + heading + "' in " + DOC).isNotNegative();
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("|")) {
        inTable = true;
        rows.add(cells(line));
      } else if (inTable) {
        break;
      }
    }
    assertThat(rows).as("table under " + heading).hasSizeGreaterThan(2);
    return rows.subList(2, rows.size());
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.lastIndexOf('|'));
    return Stream.of(inner.split("\\|", -1)).map(String::strip).toList();
  }

  private static String doc() {
    try {
      return Files.readString(DOC);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + DOC.toAbsolutePath(), e);
    }
  }

  private static CustomResourceDefinition crd(Class<? extends CustomResource<?, ?>> kind) {
    return Serialization.unmarshal(
        Fixtures.text(KubernautCrds.resourcePath(kind)), CustomResourceDefinition.class);
  }

  private static List<CustomResourceColumnDefinition> columns(CustomResourceDefinition crd) {
    return crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns();
  }

  private static JSONSchemaProps schema(Class<? extends CustomResource<?, ?>> kind) {
    return crd(kind).getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
  }
}
