package ai.kubernaut.orchestrator.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class LastWrittenStatusTest {

  @Test
  void aCopyIsHandedOutOnceSoTwoWritesNeverShareIt() {
    LastWrittenStatus last = new LastWrittenStatus(10);
    GenericKubernetesResource rr = rr("uid-1");
    last.remember(rr);

    assertThat(last.take("uid-1")).isSameAs(rr);
    assertThat(last.take("uid-1")).isNull();
    assertThat(last.take(null)).isNull();
  }

  @Test
  void forgetsTheLeastRecentlyWrittenBeyondItsCapacity() {
    LastWrittenStatus last = new LastWrittenStatus(2);
    last.remember(rr("a"));
    last.remember(rr("b"));
    last.remember(rr("c"));

    assertThat(last.take("a")).isNull();
    assertThat(last.take("b")).isNotNull();
    assertThat(last.take("c")).isNotNull();
  }

  private static GenericKubernetesResource rr(String uid) {
    GenericKubernetesResource rr = new GenericKubernetesResource();
    rr.setMetadata(new ObjectMetaBuilder().withName("rr-" + uid).withUid(uid).build());
    return rr;
  }
}
