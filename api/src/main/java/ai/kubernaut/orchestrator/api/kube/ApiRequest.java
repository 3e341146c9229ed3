package ai.kubernaut.orchestrator.api.kube;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the Kubernetes API server reads it: a resource request ({@code
 * /api/v1/namespaces/ns/pods/name/status}) or a non-resource request ({@code /version}, {@code
 * /apis}).
 *
 * @param method HTTP method, upper case
 * @param path the path without the query string
 * @param query decoded query parameters (first value of each)
 * @param resourceRequest whether the path names a resource (as opposed to discovery or /version)
 * @param group API group, empty for the core group
 * @param version API version
 * @param namespace namespace, or null when cluster-wide or cluster-scoped
 * @param resource plural resource name
 * @param name object name, or null for a collection
 * @param subresource subresource such as {@code status}, or null
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> query,
    boolean resourceRequest,
    String group,
    String version,
    String namespace,
    String resource,
    String name,
    String subresource) {

  public ApiRequest {
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
  }

  /** Parses a request line's method and URI (path plus optional query string). */
  public static ApiRequest parse(String method, String uri) {
    String upperMethod = method.toUpperCase(Locale.ROOT);
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    Map<String, String> query = q < 0 ? Map.of() : parseQuery(uri.substring(q + 1));
    List<String> segments = segments(path);
    String group;
    String version;
    int rest;
    if (segments.size() >= 2 && segments.get(0).equals("api")) {
      group = "";
      version = segments.get(1);
      rest = 2;
    } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      version = segments.get(2);
      rest = 3;
    } else {
      return nonResource(upperMethod, path, query);
    }
    List<String> tail = segments.subList(rest, segments.size());
    String namespace = null;
    boolean namespaceSubresource =
        tail.size() == 3
            && tail.get(0).equals("namespaces")
            && (tail.get(2).equals("status") || tail.get(2).equals("finalize"));
    if (tail.size() >= 3 && tail.get(0).equals("namespaces") && !namespaceSubresource) {
      namespace = tail.get(1);
      tail = tail.subList(2, tail.size());
    }
    if (tail.isEmpty() || tail.size() > 3) {
      return nonResource(upperMethod, path, query);
    }
    String resource = tail.get(0);
    String name = tail.size() >= 2 ? tail.get(1) : null;
    String subresource = tail.size() == 3 ? tail.get(2) : null;
    return new ApiRequest(
        upperMethod, path, query, true, group, version, namespace, resource, name, subresource);
  }

  private static ApiRequest nonResource(String method, String path, Map<String, String> query) {
    return new ApiRequest(method, path, query, false, null, null, null, null, null, null);
  }

  private static List<String> segments(String path) {
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.putIfAbsent(key, value);
    }
    return result;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Whether this is a watch (the {@code watch} query parameter is true). */
  public boolean isWatch() {
    String watch = query.get("watch");
    return watch != null && (watch.equals("true") || watch.equals("1"));
  }

  /** The verb as Kubernetes RBAC names it; empty for a non-resource request. */
  public Optional<String> rbacVerb() {
    if (!resourceRequest) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (method) {
          case "GET", "HEAD" -> isWatch() ? "watch" : name == null ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> name == null ? "deletecollection" : "delete";
          default -> null;
        });
  }

  /** Whether the request addresses the {@code status} subresource of an object. */
  public boolean isStatus() {
    return "status".equals(subresource);
  }

  /** The query parameter, if present. */
  public Optional<String> param(String key) {
    return Optional.ofNullable(query.get(key));
  }
}
