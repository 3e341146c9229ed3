package ai.kubernaut.orchestrator.workflows.logic;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import ai.kubernaut.orchestrator.workflows.model.Outcome;
import ai.kubernaut.orchestrator.workflows.model.Phase;
import ai.kubernaut.orchestrator.workflows.model.RoutingVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/crd-reference.md lists the phases, outcomes, failure phases and failure reasons the workflow
 * writes (the api module's CrdReferenceDocTest checks the same page against the CRD schemas).
 */
class CrdReferenceValuesTest {

  private static final Path DOC =
      Path.of(System.getProperty("crd.reference.doc", "../docs/crd-reference.md"));
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void listsEveryPhaseAndOutcomeTheWorkflowWrites() {
    assertThat(firstColumn("## Phases (`status.overallPhase`)"))
        .containsExactlyElementsOf(Arrays.stream(Phase.values()).map(Phase::name).toList());
    assertThat(firstColumn("## Outcomes (`status.outcome`, set when terminal)"))
        .containsExactlyElementsOf(Arrays.stream(Outcome.values()).map(Outcome::name).toList());
  }

  @Test
  void listsEveryFailurePhaseTheWorkflowWrites() {
    List<String> documented = codes(row("`failurePhase`"));

    assertThat(documented)
        .contains(
            FailureReasons.CONFIGURATION,
            FailureReasons.SIGNAL_PROCESSING,
            FailureReasons.AI_ANALYSIS,
            FailureReasons.APPROVAL,
            FailureReasons.WORKFLOW_EXECUTION);
    assertThat(documented)
        .as("a timeout, a failed activity or the drift repair write the running phase")
        .containsAll(
            Arrays.stream(Phase.values()).filter(p -> !p.isTerminal()).map(Phase::name).toList());
  }

  @Test
  void listsEveryFailureReasonConstantTheWorkflowWrites() {
    assertThat(codes(row("`failureReason`")))
        .contains(
            RecoveryPolicy.MAX_ATTEMPTS_EXCEEDED,
            RecoveryPolicy.REPEATED_PATTERN,
            RecoveryPolicy.RATE_EXCEEDED,
            RecoveryPolicy.RATE_UNAVAILABLE,
            FailureReasons.PHASE_TIMEOUT,
            FailureReasons.GLOBAL_TIMEOUT,
            FailureReasons.INTERNAL_ERROR,
            RoutingVerdict.CONSECUTIVE_FAILURES,
            FailureTypes.INVALID_SPEC,
            FailureTypes.CHILD_OWNED_BY_OTHER,
            FailureTypes.FORBIDDEN);
  }

  private static String row(String firstCell) {
    return doc()
        .lines()
        .filter(line -> line.startsWith("| " + firstCell + " |"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + firstCell + " in " + DOC));
  }

  private static List<String> firstColumn(String heading) {
    List<String> lines = doc().lines().toList();
    int start = lines.indexOf(heading);
    assertThat(start).as(heading + " in " + DOC).isNotNegative();
    List<String> first = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("|")) {
        first.add(line.substring(1, line.indexOf('|', 1)).strip());
      } else if (!first.isEmpty()) {
        break;
      }
    }
    return first.subList(2, first.size());
  }

  private static List<String> codes(String text) {
    List<String> codes = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  private static String doc() {
    try {
      return Files.readString(DOC);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + DOC.toAbsolutePath(), e);
    }
  }
}
