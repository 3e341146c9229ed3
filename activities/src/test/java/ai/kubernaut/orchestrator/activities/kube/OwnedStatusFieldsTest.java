package ai.kubernaut.orchestrator.activities.kube;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestStatus;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnedStatusFieldsTest {

  @Test
  void keepsWhatOthersOwnAndReplacesOurs() {
    Map<String, Object> stored =
        Map.of(
            "deduplication", Map.of("occurrenceCount", 7),
            "fieldFromANewerVersion", "kept",
            "overallPhase", "Processing",
            "blockReason", "ResourceBusy");
    Map<String, Object> ours = Map.of("overallPhase", "Analyzing", "statusSequence", 3L);

    Map<String, Object> result = OwnedStatusFields.overlay(stored, ours);

    assertThat(result)
        .containsEntry("deduplication", Map.of("occurrenceCount", 7))
        .containsEntry("fieldFromANewerVersion", "kept")
        .containsEntry("overallPhase", "Analyzing")
        .containsEntry("statusSequence", 3L)
        .doesNotContainKey("blockReason");
  }

  @Test
  void ownsEveryModelledStatusFieldExceptDeduplication() throws Exception {
    String[] properties =
        Arrays.stream(
                Introspector.getBeanInfo(RemediationRequestStatus.class, Object.class)
                    .getPropertyDescriptors())
            .map(PropertyDescriptor::getName)
            .filter(name -> !name.equals("deduplication"))
            .toArray(String[]::new);

    assertThat(OwnedStatusFields.OWNED).containsExactlyInAnyOrder(properties);
  }
}
