package ai.kubernaut.orchestrator.activities;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.workflows.activities.FailureTypes;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubeFailuresTest {

  static KubernetesClientException http(int code) {
    return new KubernetesClientException(
        new StatusBuilder().withCode(code).withMessage("server says " + code).build());
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 408, 409, 429, 500, 502, 503, 504})
  void transientCodesAreRethrownForTemporalToRetry(int code) {
    KubernetesClientException e = http(code);

    assertThat(KubeFailures.classify(e, "create SignalProcessing sp-x")).isSameAs(e);
    assertThat(KubeFailures.isRetryable(e)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "400, " + FailureTypes.INVALID_SPEC,
    "422, " + FailureTypes.INVALID_SPEC,
    "404, " + FailureTypes.NOT_FOUND
  })
  void permanentCodesBecomeNonRetryableTypedFailures(int code, String type) {
    RuntimeException classified = KubeFailures.classify(http(code), "create SignalProcessing sp-x");

    assertThat(classified).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) classified;
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(type);
    assertThat(failure.getOriginalMessage())
        .contains("create SignalProcessing sp-x")
        .contains("HTTP " + code)
        .contains("server says " + code);
  }

  @Test
  void aForbiddenIsRetriedForTwoMinutesFromTheFirstAttemptThenIsAConfigurationFailure() {
    KubernetesClientException e = http(403);

    assertThat(KubeFailures.classify(e, "create SignalProcessing sp-x", Duration.ZERO)).isSameAs(e);
    assertThat(KubeFailures.classify(e, "create SignalProcessing sp-x", Duration.ofSeconds(119)))
        .isSameAs(e);
    for (Duration late : List.of(Duration.ofMinutes(2), Duration.ofMinutes(5))) {
      RuntimeException classified = KubeFailures.classify(e, "create SignalProcessing sp-x", late);
      assertThat(classified).isInstanceOf(ApplicationFailure.class);
      assertThat(((ApplicationFailure) classified).getType()).isEqualTo(FailureTypes.FORBIDDEN);
      assertThat(((ApplicationFailure) classified).isNonRetryable()).isTrue();
    }
  }

  @Test
  void aForbiddenOutsideAnActivityIsAConfigurationFailureAtOnce() {
    RuntimeException classified = KubeFailures.classify(http(403), "create SignalProcessing sp-x");

    assertThat(((ApplicationFailure) classified).getType()).isEqualTo(FailureTypes.FORBIDDEN);
  }

  @Test
  void connectionAndTimeoutErrorsAreRetryable() {
    KubernetesClientException timeout =
        new KubernetesClientException("timed out", new SocketTimeoutException("read timed out"));
    KubernetesClientException refused =
        new KubernetesClientException("connect failed", new IOException("connection refused"));

    assertThat(KubeFailures.classify(timeout, "x")).isSameAs(timeout);
    assertThat(KubeFailures.classify(refused, "x")).isSameAs(refused);
  }

  @Test
  void anApplicationFailureIsPassedThrough() {
    ApplicationFailure failure = ApplicationFailure.newNonRetryableFailure("gone", "Gone");

    assertThat(KubeFailures.classify(failure, "x")).isSameAs(failure);
  }

  @Test
  void longServerMessagesAreBounded() {
    KubernetesClientException e =
        new KubernetesClientException(
            new StatusBuilder().withCode(422).withMessage("x".repeat(5000)).build());

    ApplicationFailure failure = (ApplicationFailure) KubeFailures.classify(e, "create");

    assertThat(failure.getOriginalMessage()).hasSizeLessThan(400);
  }
}
