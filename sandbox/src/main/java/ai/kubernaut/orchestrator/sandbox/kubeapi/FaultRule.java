package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One injected fault: which requests it matches (HTTP method and a regular expression over the
 * path, without the query string) and what happens to them (an error status, a delay, or both),
 * optionally limited to a number of times or a probability. Immutable apart from its hit counter;
 * each {@code with}-style method returns a new rule.
 *
 * <pre>{@code
 * api.faults().add(FaultRule.on("PUT", "/apis/kubernaut.ai/v1alpha1/namespaces/[^/]+/remediationrequests/[^/]+/status")
 *     .respond(409).times(1));
 * api.faults().add(FaultRule.on("GET", "/api/v1/.+").respond(429).retryAfter(Duration.ofSeconds(1)));
 * api.faults().add(FaultRule.onAnyMethod("/api/v1/namespaces/[^/]+/pods(/.+)?").delay(Duration.ofSeconds(3)));
 * }</pre>
 */
public final class FaultRule {

  private final String method;
  private final Pattern path;
  private final int status;
  private final String message;
  private final Duration retryAfter;
  private final Duration delay;
  private final int times;
  private final double probability;
  private final AtomicInteger hits = new AtomicInteger();

  private FaultRule(
      String method,
      Pattern path,
      int status,
      String message,
      Duration retryAfter,
      Duration delay,
      int times,
      double probability) {
    this.method = method;
    this.path = path;
    this.status = status;
    this.message = message;
    this.retryAfter = retryAfter;
    this.delay = delay;
    this.times = times;
    this.probability = probability;
  }

  /** A rule for one HTTP method (GET, POST, PUT, PATCH, DELETE) and a path regex. */
  public static FaultRule on(String method, String pathRegex) {
    return new FaultRule(
        method.toUpperCase(Locale.ROOT),
        Pattern.compile(pathRegex),
        0,
        null,
        null,
        null,
        Integer.MAX_VALUE,
        1.0);
  }

  /** A rule for any HTTP method and a path regex. */
  public static FaultRule onAnyMethod(String pathRegex) {
    return new FaultRule(
        null, Pattern.compile(pathRegex), 0, null, null, null, Integer.MAX_VALUE, 1.0);
  }

  /** Answer matching requests with this status and a Status body; the request is not applied. */
  public FaultRule respond(int code) {
    return respond(code, "injected fault: " + StatusResponses.reasonFor(code));
  }

  /** Answer matching requests with this status and message; the request is not applied. */
  public FaultRule respond(int code, String statusMessage) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("a fault status must be 4xx or 5xx, got " + code);
    }
    return new FaultRule(method, path, code, statusMessage, retryAfter, delay, times, probability);
  }

  /** Add a {@code Retry-After} header (seconds, rounded up) to the fault response. */
  public FaultRule retryAfter(Duration after) {
    return new FaultRule(
        method, path, status, message, Objects.requireNonNull(after), delay, times, probability);
  }

  /**
   * Hold the response back for this long. Without {@link #respond(int)} the request is applied
   * normally and only its answer is late, like a slow API server or a client-side timeout after the
   * write happened.
   */
  public FaultRule delay(Duration by) {
    return new FaultRule(
        method, path, status, message, retryAfter, Objects.requireNonNull(by), times, probability);
  }

  /** Match at most this many requests, then stay inert. */
  public FaultRule times(int count) {
    return new FaultRule(method, path, status, message, retryAfter, delay, count, probability);
  }

  /**
   * Match each candidate request with this probability (drawn from the rule set's seeded random).
   */
  public FaultRule probability(double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("probability must be within [0, 1], got " + p);
    }
    return new FaultRule(method, path, status, message, retryAfter, delay, times, p);
  }

  /** How many requests this rule has affected so far. */
  public int hits() {
    return hits.get();
  }

  boolean matches(ApiRequest request) {
    return (method == null || method.equals(request.method()))
        && path.matcher(request.path()).matches();
  }

  double chance() {
    return probability;
  }

  /** Claims one use of the rule; false once {@link #times(int)} is used up. */
  boolean claim() {
    while (true) {
      int current = hits.get();
      if (current >= times) {
        return false;
      }
      if (hits.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  boolean failsRequest() {
    return status > 0;
  }

  MockResponse failure() {
    MockResponse response = StatusResponses.failure(status, message);
    if (retryAfter != null) {
      long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
      response.setHeader("Retry-After", String.valueOf(seconds));
    }
    return delayed(response);
  }

  MockResponse delayed(MockResponse response) {
    if (delay != null) {
      if (response.getBody() == null || response.getBody().size() == 0) {
        response.setBody("{}");
      }
      response.setBodyDelay(delay);
    }
    return response;
  }

  @Override
  public String toString() {
    return "FaultRule["
        + (method == null ? "*" : method)
        + " "
        + path.pattern()
        + (status > 0 ? " -> " + status : "")
        + (delay != null ? " delay " + delay : "")
        + "]";
  }
}
