package ai.kubernaut.orchestrator.sandbox.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/sandbox.md documents the {@code sandbox.kubernaut.ai/*} annotations for users; this test
 * keeps its table and example in step with {@link Script}. The example's end-to-end run is in the
 * orchestrator module ({@code SandboxDocExampleIT}).
 */
class SandboxDocTest {

  static final Path DOC = Path.of("..", "docs", "sandbox.md");
  private static final Pattern ROW =
      Pattern.compile(
          "^\\| `(sandbox\\.kubernaut\\.ai/[a-z-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void documentsExactlyTheAnnotationsTheControllersRead() throws IOException {
    Map<String, String> rows = annotationRows(Files.readString(DOC));

    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(Script.annotations());
  }

  @Test
  void documentsEveryValueOfEachAnnotationDefaultFirst() throws IOException {
    Map<String, String> rows = annotationRows(Files.readString(DOC));
    Map<String, Script.Valued[]> values =
        Map.of(
            Script.SCENARIO, Script.Preset.values(),
            Script.SIGNAL_PROCESSING, Script.SignalProcessingOutcome.values(),
            Script.ANALYSIS, Script.AnalysisOutcome.values(),
            Script.RECOVERY_ANALYSIS, Script.AnalysisOutcome.values(),
            Script.APPROVAL, Script.ApprovalOutcome.values(),
            Script.EXECUTION, Script.ExecutionOutcome.values(),
            Script.NOTIFICATION, Script.NotificationOutcome.values());
    Script defaults = Script.defaults();
    Map<String, String> defaultValues =
        Map.of(
            Script.SCENARIO, Script.Preset.SUCCESS.value(),
            Script.SIGNAL_PROCESSING, defaults.signalProcessing().value(),
            Script.ANALYSIS, defaults.analysis().value(),
            Script.RECOVERY_ANALYSIS, defaults.recoveryAnalysis().value(),
            Script.APPROVAL, defaults.approval().value(),
            Script.EXECUTION, defaults.execution().value(),
            Script.NOTIFICATION, defaults.notification().value());

    values.forEach(
        (annotation, known) -> {
          List<String> documented = codeSpans(rows.get(annotation));
          assertThat(documented)
              .as("values of %s in %s", annotation, DOC)
              .containsExactlyInAnyOrderElementsOf(
                  Arrays.stream(known).map(Script.Valued::value).toList());
          assertThat(documented.get(0))
              .as("default of %s", annotation)
              .isEqualTo(defaultValues.get(annotation));
        });
    assertThat(codeSpans(rows.get(Script.EXECUTION_STEPS)))
        .containsExactly(String.valueOf(Script.DEFAULT_STEPS));
    assertThat(rows.get(Script.EXECUTION_STEPS)).contains("1 to " + Script.MAX_STEPS);
  }

  @Test
  void theExampleIsARemediationRequestScriptedWithoutProblems() throws IOException {
    RemediationRequest rr = example(Files.readString(DOC));

    Script script = Script.fromAnnotations(rr.getMetadata().getAnnotations());

    assertThat(rr.getSpec().getSignalFingerprint()).matches("[0-9a-f]{64}");
    assertThat(rr.getSpec().getSignalName()).isNotBlank();
    assertThat(rr.getSpec().getTargetResource().getName()).isNotBlank();
    assertThat(script.problems()).isEmpty();
    assertThat(rr.getMetadata().getAnnotations().keySet())
        .isNotEmpty()
        .allMatch(Script.annotations()::contains);
  }

  /** The documented annotation rows: name to the "values" cell. */
  static Map<String, String> annotationRows(String doc) {
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(doc);
    while (m.find()) {
      rows.put(m.group(1), m.group(2));
    }
    return rows;
  }

  private static List<String> codeSpans(String cell) {
    Matcher m = CODE.matcher(cell);
    List<String> spans = new java.util.ArrayList<>();
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  /** The first yaml block of the doc that is a RemediationRequest. */
  public static RemediationRequest example(String doc) {
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      if (m.group(1).contains("kind: RemediationRequest")) {
        return Serialization.unmarshal(m.group(1), RemediationRequest.class);
      }
    }
    throw new AssertionError("no RemediationRequest example in " + DOC);
  }
}
