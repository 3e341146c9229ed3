package ai.kubernaut.orchestrator.activities.kube;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.ChildNames;
import org.junit.jupiter.api.Test;

class EventNamesTest {

  @Test
  void sameWriteGivesTheSameName() {
    assertThat(EventNames.of("disk-full", "rr/ns/disk-full/u", "run-1", 4, 0))
        .isEqualTo(EventNames.of("disk-full", "rr/ns/disk-full/u", "run-1", 4, 0))
        .startsWith("disk-full.");
  }

  @Test
  void anyDifferenceGivesAnotherName() {
    String base = EventNames.of("disk-full", "wf", "run-1", 4, 0);

    assertThat(EventNames.of("disk-full", "wf", "run-2", 4, 0)).isNotEqualTo(base);
    assertThat(EventNames.of("disk-full", "wf", "run-1", 5, 0)).isNotEqualTo(base);
    assertThat(EventNames.of("disk-full", "wf", "run-1", 4, 1)).isNotEqualTo(base);
  }

  @Test
  void longRrNamesStillGiveValidNames() {
    String name = EventNames.of("a".repeat(253), "wf", "run", 1, 0);

    assertThat(name).hasSizeLessThanOrEqualTo(253);
    assertThat(ChildNames.isValid(name)).isTrue();
  }
}
