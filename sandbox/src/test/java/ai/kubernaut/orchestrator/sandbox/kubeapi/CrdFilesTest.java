package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdFilesTest {

  @Test
  void readsEveryDocumentOfAMultiDocumentYaml() {
    List<CustomResourceDefinition> crds = CrdFiles.fromClasspath(TestWidgets.CRDS);

    assertThat(crds)
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("widgets.test.kubernaut.ai", "gadgets.test.kubernaut.ai");
  }

  @Test
  void derivesDiscoveryAndPrinterDataFromACrd() {
    List<ResourceType> types =
        ResourceCatalog.typesOf(CrdFiles.fromClasspath(TestWidgets.CRDS).get(0));

    assertThat(types)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.groupVersion()).isEqualTo("test.kubernaut.ai/v1alpha1");
              assertThat(t.shortNames()).containsExactly("wd");
              assertThat(t.statusSubresource()).isTrue();
              assertThat(t.printerColumns())
                  .extracting(ResourceType.PrinterColumn::name)
                  .containsExactly("Phase", "Target", "Attempts", "Age", "Fingerprint");
            });
  }

  @Test
  void writesAKubeconfigForThePlainHttpServer() {
    String kubeconfig = KubeconfigWriter.kubeconfig("http://127.0.0.1:1234", "default");

    assertThat(kubeconfig)
        .contains("server: http://127.0.0.1:1234")
        .contains("namespace: default")
        .contains("current-context: " + KubeconfigWriter.CONTEXT);
  }
}
