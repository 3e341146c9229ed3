package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtobufNamespaceTest {

  @Test
  void readsTheNamespaceKubectlCreateNsSends() {
    byte[] body =
        envelope(
            "v1",
            "Namespace",
            message(
                field(
                    1,
                    message(
                        field(1, "acme"),
                        field(11, message(field(1, "team"), field(2, "payments"))),
                        field(12, message(field(1, "owner"), field(2, "sre"))))),
                field(2, message(field(1, "kubernetes")))));

    Optional<String> json = ProtobufNamespace.toJson(body);

    assertThat(json).isPresent();
    Namespace ns = Serialization.unmarshal(json.get(), Namespace.class);
    assertThat(ns.getMetadata().getName()).isEqualTo("acme");
    assertThat(ns.getMetadata().getLabels()).containsEntry("team", "payments");
    assertThat(ns.getMetadata().getAnnotations()).containsEntry("owner", "sre");
    assertThat(ns.getSpec().getFinalizers()).containsExactly("kubernetes");
  }

  @Test
  void refusesAnotherKindOrSomethingThatIsNotProtobuf() {
    byte[] configMap = envelope("v1", "ConfigMap", message(field(1, message(field(1, "x")))));

    assertThat(ProtobufNamespace.toJson(configMap)).isEmpty();
    assertThat(ProtobufNamespace.toJson("{\"kind\":\"Namespace\"}".getBytes())).isEmpty();
    assertThat(ProtobufNamespace.toJson(new byte[] {'k', '8', 's', 0, 10, (byte) 0xff})).isEmpty();
  }

  private static byte[] envelope(String apiVersion, String kind, byte[] raw) {
    byte[] unknown =
        message(field(1, message(field(1, apiVersion), field(2, kind))), field(2, raw));
    byte[] out = new byte[4 + unknown.length];
    System.arraycopy(new byte[] {'k', '8', 's', 0}, 0, out, 0, 4);
    System.arraycopy(unknown, 0, out, 4, unknown.length);
    return out;
  }

  private static byte[] field(int number, String value) {
    return field(number, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A length-delimited field (wire type 2). */
  private static byte[] field(int number, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, (number << 3) | 2);
    varint(out, value.length);
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static byte[] message(byte[]... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] f : fields) {
      out.writeBytes(f);
    }
    return out.toByteArray();
  }

  private static void varint(ByteArrayOutputStream out, int value) {
    while ((value & ~0x7f) != 0) {
      out.write((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write(value);
  }
}
