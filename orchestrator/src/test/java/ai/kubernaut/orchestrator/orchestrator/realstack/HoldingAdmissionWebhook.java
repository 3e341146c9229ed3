package ai.kubernaut.orchestrator.orchestrator.realstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A validating admission webhook the real kube-apiserver calls for one RR's children of one kind:
 * it holds each such request until {@link #release()} (at most {@code holdAtMost}), then allows it.
 * A create the orchestrator sends then stays in flight, on the real API server, for as long as a
 * test needs, for example while it cancels the remediation.
 */
final class HoldingAdmissionWebhook implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "webhook";

  private final RealKubernetes kubernetes;
  private final String name;
  private final HttpsServer server;
  private final Duration holdAtMost;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  private HoldingAdmissionWebhook(
      RealKubernetes kubernetes, String name, HttpsServer server, Duration holdAtMost) {
    this.kubernetes = kubernetes;
    this.name = name;
    this.server = server;
    this.holdAtMost = holdAtMost;
  }

  /**
   * Serves on a free 127.0.0.1 port with a fresh self-signed certificate and registers a
   * ValidatingWebhookConfiguration for creates of {@code resource} (plural, group kubernaut.ai)
   * labelled {@code kubernaut.ai/remediation-request=<rr>} in {@code namespace}.
   */
  static HoldingAdmissionWebhook start(
      RealKubernetes kubernetes,
      String namespace,
      String resource,
      String rr,
      Duration holdAtMost) {
    try {
      Path dir = Files.createTempDirectory(kubernetes.dir(), "webhook-");
      Path keystore = dir.resolve("webhook.p12");
      keytool(
          "-genkeypair",
          "-alias",
          "webhook",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-validity",
          "2",
          "-dname",
          "CN=127.0.0.1",
          "-ext",
          "san=ip:127.0.0.1",
          "-storetype",
          "PKCS12",
          "-keystore",
          keystore.toString(),
          "-storepass",
          PASSWORD,
          "-keypass",
          PASSWORD);
      Path certificate = dir.resolve("webhook.crt");
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "webhook",
          "-keystore",
          keystore.toString(),
          "-storepass",
          PASSWORD,
          "-file",
          certificate.toString());

      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, PASSWORD.toCharArray());
      }
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD.toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), null, null);

      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      server.setExecutor(Executors.newCachedThreadPool());
      String name = "hold-" + resource + "-" + rr;
      HoldingAdmissionWebhook webhook =
          new HoldingAdmissionWebhook(kubernetes, name, server, holdAtMost);
      server.createContext("/validate", webhook::admit);
      server.start();
      webhook.register(dir, namespace, resource, rr, Files.readString(certificate));
      return webhook;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the admission webhook", e);
    }
  }

  /** Waits until the API server sent a request this webhook now holds. */
  boolean awaitHeld(Duration within) throws InterruptedException {
    return held.await(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets every held and later request through. */
  void release() {
    released.countDown();
  }

  private void admit(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode review = JSON.readTree(exchange.getRequestBody());
      String uid = review.path("request").path("uid").asText();
      held.countDown();
      try {
        released.await(holdAtMost.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body =
          JSON.writeValueAsBytes(
              Map.of(
                  "apiVersion", "admission.k8s.io/v1",
                  "kind", "AdmissionReview",
                  "response", Map.of("uid", uid, "allowed", true)));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private void register(
      Path dir, String namespace, String resource, String rr, String certificatePem)
      throws IOException {
    String caBundle =
        Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.US_ASCII));
    long timeoutSeconds = Math.min(30, holdAtMost.toSeconds() + 5);
    String manifest =
        String.join(
            "\n",
            List.of(
                "apiVersion: admissionregistration.k8s.io/v1",
                "kind: ValidatingWebhookConfiguration",
                "metadata:",
                "  name: " + name,
                "webhooks:",
                "- name: hold.realstack.kubernaut.ai",
                "  admissionReviewVersions: [v1]",
                "  sideEffects: None",
                "  failurePolicy: Fail",
                "  timeoutSeconds: " + timeoutSeconds,
                "  clientConfig:",
                "    url: https://127.0.0.1:" + server.getAddress().getPort() + "/validate",
                "    caBundle: " + caBundle,
                "  rules:",
                "  - apiGroups: [kubernaut.ai]",
                "    apiVersions: ['*']",
                "    operations: [CREATE]",
                "    resources: [" + resource + "]",
                "  namespaceSelector:",
                "    matchLabels:",
                "      kubernetes.io/metadata.name: " + namespace,
                "  objectSelector:",
                "    matchLabels:",
                "      kubernaut.ai/remediation-request: " + rr,
                ""));
    Path file = Files.writeString(dir.resolve("webhook.yaml"), manifest);
    Shell.Result applied = kubernetes.kubectl("apply", "-f", file.toString());
    if (applied.exitCode() != 0) {
      throw new IllegalStateException("webhook registration failed: " + applied.output());
    }
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  @Override
  public void close() {
    release();
    kubernetes.kubectl("delete", "validatingwebhookconfiguration", name, "--ignore-not-found");
    server.stop(0);
  }
}
