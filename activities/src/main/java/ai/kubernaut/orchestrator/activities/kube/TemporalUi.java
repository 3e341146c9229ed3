package ai.kubernaut.orchestrator.activities.kube;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links to a workflow run in the Temporal Web UI: {@code
 * <base>/namespaces/<ns>/workflows/<workflowId>/<runId>/history}, each segment URL-encoded
 * (workflow IDs contain slashes). No base URL configured means no link.
 */
public record TemporalUi(String baseUrl, String namespace) {

  public static TemporalUi none() {
    return new TemporalUi(null, null);
  }

  /** The history link, or null when no base URL is configured. */
  public String historyUrl(String workflowId, String runId) {
    if (baseUrl == null || baseUrl.isBlank() || workflowId == null || runId == null) {
      return null;
    }
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    String ns = namespace == null || namespace.isBlank() ? "default" : namespace;
    return base
        + "/namespaces/"
        + encode(ns)
        + "/workflows/"
        + encode(workflowId)
        + "/"
        + encode(runId)
        + "/history";
  }

  /** Path-segment encoding: like form encoding, but a space is %20, not +. */
  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
