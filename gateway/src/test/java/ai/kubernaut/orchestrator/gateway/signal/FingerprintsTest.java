package ai.kubernaut.orchestrator.gateway.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

  @Test
  void isTheSha256OfNameNamespaceKindAndName() {
    // echo -n 'KubePodCrashLooping:shop:Deployment:web' | sha256sum
    assertThat(
            Fingerprints.of(
                "KubePodCrashLooping", new Signal.Target("Deployment", "web", "shop", "apps/v1")))
        .isEqualTo(Fingerprints.sha256Hex("KubePodCrashLooping:shop:Deployment:web"))
        .matches("[a-f0-9]{64}");
  }

  @Test
  void ignoresTheApiVersionAndUsesAnEmptyNamespaceForClusterScopedTargets() {
    assertThat(Fingerprints.of("NodeDown", new Signal.Target("Node", "n1", null, "v1")))
        .isEqualTo(Fingerprints.of("NodeDown", new Signal.Target("Node", "n1", null, null)))
        .isEqualTo(Fingerprints.sha256Hex("NodeDown::Node:n1"));
  }
}
