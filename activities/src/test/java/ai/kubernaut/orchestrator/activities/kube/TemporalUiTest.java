package ai.kubernaut.orchestrator.activities.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporalUiTest {

  @Test
  void buildsAnEncodedHistoryLink() {
    TemporalUi ui = new TemporalUi("https://temporal.example.com/", "kubernaut prod");

    assertThat(ui.historyUrl("rr/shop/disk full/uid-1", "run-1"))
        .isEqualTo(
            "https://temporal.example.com/namespaces/kubernaut%20prod/workflows/"
                + "rr%2Fshop%2Fdisk%20full%2Fuid-1/run-1/history");
  }

  @Test
  void noBaseUrlMeansNoLink() {
    assertThat(TemporalUi.none().historyUrl("rr/a/b/c", "run")).isNull();
    assertThat(new TemporalUi(" ", "default").historyUrl("rr/a/b/c", "run")).isNull();
  }

  @Test
  void defaultsTheNamespace() {
    assertThat(new TemporalUi("http://localhost:8233", null).historyUrl("w", "r"))
        .isEqualTo("http://localhost:8233/namespaces/default/workflows/w/r/history");
  }
}
