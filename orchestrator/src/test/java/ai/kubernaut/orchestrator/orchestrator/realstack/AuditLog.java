package ai.kubernaut.orchestrator.orchestrator.realstack;

import ai.kubernaut.orchestrator.sandbox.kubeapi.ApiCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The kube-apiserver's audit log (realstack/up.sh audits every request a service account makes):
 * one entry per request with the user, the call in RBAC terms and the response code.
 */
public final class AuditLog {

  /** One audited request; {@code call} is null for a non-resource URL such as /version. */
  public record Entry(String user, ApiCall call, int code, String uri, Instant time) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditLog() {}

  public static List<Entry> read(RealKubernetes kubernetes) {
    Path file = kubernetes.dir().resolve("logs/audit.log");
    List<Entry> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          entries.add(parse(JSON.readTree(line)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** The requests {@code user} made, e.g. {@code system:serviceaccount:ns:name}. */
  public static List<Entry> by(RealKubernetes kubernetes, String user) {
    return read(kubernetes).stream().filter(e -> e.user().equals(user)).toList();
  }

  private static Entry parse(JsonNode event) {
    JsonNode ref = event.path("objectRef");
    ApiCall call =
        ref.isMissingNode()
            ? null
            : new ApiCall(
                event.path("verb").asText(),
                ref.path("apiGroup").asText(""),
                ref.path("resource").asText(),
                ref.path("subresource").asText(""));
    return new Entry(
        event.path("user").path("username").asText(),
        call,
        event.path("responseStatus").path("code").asInt(0),
        event.path("requestURI").asText(),
        Instant.parse(event.path("requestReceivedTimestamp").asText()));
  }
}
