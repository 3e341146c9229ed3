package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Content negotiation as far as the stand-in goes: it reads and writes JSON only. A request it
 * cannot read gets 415 Unsupported Media Type, a resource request whose Accept header excludes JSON
 * gets 406 Not Acceptable, both at once and naming the media type. (Discovery answers for itself:
 * an OpenAPI document it does not have is a 404 whatever the Accept header says.)
 *
 * <p>The one exception is kubectl's protobuf body for a Namespace ({@code kubectl create ns x}
 * sends built-in kinds as protobuf and does not fall back to JSON on 415): it is translated to JSON
 * by {@link ProtobufNamespace}.
 */
final class MediaTypes {

  static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  private MediaTypes() {}

  /** The outcome of checking one request: refused, or to be served (perhaps rewritten). */
  record Checked(Optional<MockResponse> refusal, RecordedRequest request) {
    static Checked refused(MockResponse response, RecordedRequest request) {
      return new Checked(Optional.of(response), request);
    }

    static Checked serve(RecordedRequest request) {
      return new Checked(Optional.empty(), request);
    }
  }

  static Checked check(RecordedRequest request, ApiRequest api) {
    String accept = request.getHeader("Accept");
    if (api.resourceRequest() && accept != null && !acceptsJson(accept)) {
      return Checked.refused(
          StatusResponses.failure(
              406,
              "the Kubernetes API stand-in answers application/json only, not "
                  + accept
                  + " (Accept header of "
                  + api.method()
                  + " "
                  + api.path()
                  + ")"),
          request);
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
    if (body.length == 0) {
      return Checked.serve(request);
    }
    String contentType = mediaType(request.getHeader("Content-Type"));
    if (contentType.isEmpty()
        || contentType.equals("application/json")
        || isJsonPatch(contentType)) {
      return Checked.serve(request);
    }
    if (contentType.equals(PROTOBUF) && isNamespaceCreate(api)) {
      Optional<String> json = ProtobufNamespace.toJson(body);
      if (json.isPresent()) {
        return Checked.serve(asJson(request, json.get()));
      }
    }
    return Checked.refused(
        StatusResponses.failure(
            415,
            "the Kubernetes API stand-in reads JSON request bodies only, not "
                + contentType
                + " ("
                + api.method()
                + " "
                + api.path()
                + ")"
                + hint(contentType)),
        request);
  }

  private static String hint(String contentType) {
    return switch (contentType) {
      case PROTOBUF ->
          "; kubectl sends built-in kinds as protobuf from generators such as 'kubectl create"
              + " configmap': write the object to a file and use 'kubectl create -f <file>'";
      case "application/strategic-merge-patch+json" ->
          "; use a JSON merge patch instead (kubectl patch --type=merge)";
      case "application/apply-patch+yaml" ->
          "; server-side apply is not supported here: use kubectl apply without --server-side,"
              + " kubectl create or kubectl patch --type=merge";
      default -> "";
    };
  }

  /** Whether an Accept header allows a JSON answer. */
  static boolean acceptsJson(String accept) {
    for (String range : accept.split(",")) {
      String type = mediaType(range);
      if (type.isEmpty()
          || type.equals("*/*")
          || type.equals("application/*")
          || type.equals("application/json")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJsonPatch(String type) {
    return type.equals("application/merge-patch+json")
        || type.equals("application/json-patch+json");
  }

  private static boolean isNamespaceCreate(ApiRequest api) {
    return api.method().equals("POST")
        && api.resourceRequest()
        && api.group().isEmpty()
        && api.version().equals("v1")
        && api.resource().equals("namespaces")
        && api.name() == null;
  }

  /** {@code type/subtype} in lower case without parameters; empty when absent. */
  static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static RecordedRequest asJson(RecordedRequest request, String json) {
    return new RecordedRequest(
        request.getHttpVersion(),
        request.method(),
        request.getPath(),
        request.getHeaders().newBuilder().set("Content-Type", "application/json").build(),
        new Buffer(json.getBytes(StandardCharsets.UTF_8)));
  }
}
