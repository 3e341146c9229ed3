package ai.kubernaut.orchestrator.harness.realstack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.harness.bench.BenchReport;
import org.junit.jupiter.api.Test;

/** The committed real-stack reference is complete, and the regression rule reads it. */
class BenchReferenceTest {

  @Test
  void theReferenceHasEveryRatioTheRealTierCompares() throws Exception {
    BenchReport.ProfileResult reference = BenchRealIT.reference();

    assertThat(reference.apiRequestsPerRemediationByVerb()).containsKeys("create", "update+patch");
    assertThat(reference.historyEvents().mean()).isPositive();
    assertThat(reference.historyEvents().meanByType()).isNotEmpty();
    assertThat(BenchRealIT.regressions(reference, reference)).isEmpty();
  }
}
