package ai.kubernaut.orchestrator.sandbox.kubeapi;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the protobuf body kubectl sends for {@code kubectl create namespace <name>}: the {@code
 * k8s\0} envelope around a {@code runtime.Unknown} whose raw bytes are a {@code v1.Namespace}. Only
 * what a namespace carries is kept: name, generateName, labels, annotations and spec.finalizers.
 * Field numbers are those of {@code k8s.io/api/core/v1/generated.proto} and {@code
 * k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto}.
 */
final class ProtobufNamespace {

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private ProtobufNamespace() {}

  /** The Namespace as JSON, or empty when the body is not a protobuf v1 Namespace. */
  static Optional<String> toJson(byte[] body) {
    try {
      if (body.length < MAGIC.length) {
        return Optional.empty();
      }
      for (int i = 0; i < MAGIC.length; i++) {
        if (body[i] != MAGIC[i]) {
          return Optional.empty();
        }
      }
      Wire unknown = new Wire(body, MAGIC.length, body.length);
      String apiVersion = "";
      String kind = "";
      byte[] raw = null;
      while (unknown.more()) {
        int tag = unknown.tag();
        switch (tag >>> 3) {
          case 1 -> {
            Wire typeMeta = unknown.message();
            while (typeMeta.more()) {
              int t = typeMeta.tag();
              switch (t >>> 3) {
                case 1 -> apiVersion = typeMeta.string();
                case 2 -> kind = typeMeta.string();
                default -> typeMeta.skip(t);
              }
            }
          }
          case 2 -> raw = unknown.bytes();
          default -> unknown.skip(tag);
        }
      }
      if (!"v1".equals(apiVersion) || !"Namespace".equals(kind) || raw == null) {
        return Optional.empty();
      }
      return Optional.of(Serialization.asJson(namespace(new Wire(raw, 0, raw.length))));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private static Namespace namespace(Wire ns) {
    NamespaceBuilder builder = new NamespaceBuilder().withNewMetadata().endMetadata();
    List<String> finalizers = new ArrayList<>();
    while (ns.more()) {
      int tag = ns.tag();
      switch (tag >>> 3) {
        case 1 -> metadata(ns.message(), builder);
        case 2 -> {
          Wire spec = ns.message();
          while (spec.more()) {
            int t = spec.tag();
            if (t >>> 3 == 1) {
              finalizers.add(spec.string());
            } else {
              spec.skip(t);
            }
          }
        }
        default -> ns.skip(tag);
      }
    }
    if (!finalizers.isEmpty()) {
      builder.withNewSpec().withFinalizers(finalizers).endSpec();
    }
    return builder.build();
  }

  private static void metadata(Wire meta, NamespaceBuilder builder) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();
    String name = null;
    String generateName = null;
    while (meta.more()) {
      int tag = meta.tag();
      switch (tag >>> 3) {
        case 1 -> name = meta.string();
        case 2 -> generateName = meta.string();
        case 11 -> entry(meta.message(), labels);
        case 12 -> entry(meta.message(), annotations);
        default -> meta.skip(tag);
      }
    }
    builder
        .editMetadata()
        .withName(blankToNull(name))
        .withGenerateName(blankToNull(generateName))
        .withLabels(labels.isEmpty() ? null : labels)
        .withAnnotations(annotations.isEmpty() ? null : annotations)
        .endMetadata();
  }

  private static void entry(Wire entry, Map<String, String> into) {
    String key = "";
    String value = "";
    while (entry.more()) {
      int tag = entry.tag();
      switch (tag >>> 3) {
        case 1 -> key = entry.string();
        case 2 -> value = entry.string();
        default -> entry.skip(tag);
      }
    }
    into.put(key, value);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** A protobuf wire-format reader over a slice of bytes. */
  private static final class Wire {
    private final byte[] bytes;
    private int position;
    private final int end;

    Wire(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.position = from;
      this.end = to;
    }

    boolean more() {
      return position < end;
    }

    int tag() {
      return (int) varint();
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (position >= end) {
          throw new IllegalArgumentException("truncated varint");
        }
        byte b = bytes[position++];
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    byte[] bytes() {
      int length = (int) varint();
      if (length < 0 || position + length > end) {
        throw new IllegalArgumentException("truncated field");
      }
      byte[] out = java.util.Arrays.copyOfRange(bytes, position, position + length);
      position += length;
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    Wire message() {
      byte[] content = bytes();
      return new Wire(content, 0, content.length);
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint();
        case 1 -> position += 8;
        case 2 -> bytes();
        case 5 -> position += 4;
        default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
      }
    }
  }
}
