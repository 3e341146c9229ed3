package ai.kubernaut.orchestrator.api.crdgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterColumnOrderTest {

  private static final String GENERATED =
      String.join(
          "\n",
          "spec:",
          "  versions:",
          "  - additionalPrinterColumns:",
          "    - jsonPath: \".metadata.creationTimestamp\"",
          "      name: \"Age\"",
          "      priority: 0",
          "      type: \"date\"",
          "    - jsonPath: \".status.phase\"",
          "      name: \"Phase\"",
          "      priority: 0",
          "      type: \"string\"",
          "    name: \"v1alpha1\"",
          "    served: true",
          "");

  @Test
  void movesWholeColumnEntriesIntoTheDeclaredOrderAndKeepsTheRest() {
    String ordered = PrinterColumnOrder.reorder(GENERATED, List.of("Phase", "Age"));

    assertThat(ordered)
        .isEqualTo(
            String.join(
                "\n",
                "spec:",
                "  versions:",
                "  - additionalPrinterColumns:",
                "    - jsonPath: \".status.phase\"",
                "      name: \"Phase\"",
                "      priority: 0",
                "      type: \"string\"",
                "    - jsonPath: \".metadata.creationTimestamp\"",
                "      name: \"Age\"",
                "      priority: 0",
                "      type: \"date\"",
                "    name: \"v1alpha1\"",
                "    served: true",
                ""));
  }

  @Test
  void leavesAFileAlreadyInOrderUnchanged() {
    assertThat(PrinterColumnOrder.reorder(GENERATED, List.of("Age", "Phase"))).isEqualTo(GENERATED);
  }

  @Test
  void refusesColumnsThatDoNotMatchTheDeclaredOnes() {
    assertThatThrownBy(() -> PrinterColumnOrder.reorder(GENERATED, List.of("Phase", "Outcome")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[Age, Phase]");
  }

  @Test
  void readsTheDeclaredOrderFromTheAnnotations() {
    assertThat(PrinterColumnOrder.declaredColumns(RemediationRequest.class))
        .containsExactly(
            "Phase",
            "Outcome",
            "Signal",
            "Target",
            "Attempts",
            "Age",
            "Fingerprint",
            "Workflow ID");
  }
}
