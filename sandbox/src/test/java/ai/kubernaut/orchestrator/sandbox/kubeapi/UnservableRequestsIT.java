package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A request the stand-in cannot serve gets a Kubernetes Status error at once, never silence. */
@Timeout(30)
class UnservableRequestsIT {

  static KubernetesApiStandIn api;
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    api = KubernetesApiStandIn.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void refusesAProtobufBodyWith415NamingTheMediaType() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/namespaces/default/configmaps"))
                .header("Content-Type", "application/vnd.kubernetes.protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'k', '8', 's', 0, 1})));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body())
        .contains("\"kind\":\"Status\"")
        .contains("\"reason\":\"UnsupportedMediaType\"")
        .contains("application/vnd.kubernetes.protobuf");
  }

  @Test
  void refusesAnAcceptHeaderWithoutJsonWith406() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/namespaces"))
                .header("Accept", "application/vnd.kubernetes.protobuf")
                .GET());

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(response.body())
        .contains("\"reason\":\"NotAcceptable\"")
        .contains("application/vnd.kubernetes.protobuf");
  }

  @Test
  void answersABodyItCannotParseWithAStatusError() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/namespaces/default/configmaps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));

    assertThat(response.statusCode()).isBetween(400, 599);
    assertThat(response.body()).contains("\"kind\":\"Status\"");
  }

  @Test
  void refusesToStartOnAPortInUseNamingIt() {
    assertThatThrownBy(() -> KubernetesApiStandIn.builder().port(api.port()).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + api.port());
  }
}
