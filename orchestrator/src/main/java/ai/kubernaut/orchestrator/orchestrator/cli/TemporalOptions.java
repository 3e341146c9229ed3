package ai.kubernaut.orchestrator.orchestrator.cli;

import ai.kubernaut.orchestrator.orchestrator.config.ConfigValidator;
import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import java.nio.file.Path;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** Temporal connection options (env names follow the Temporal CLI's). */
public final class TemporalOptions {

  static final String ADDRESS = "--temporal-address";
  static final String NAMESPACE = "--temporal-namespace";
  static final String TASK_QUEUE = "--task-queue";
  static final String TLS = "--temporal-tls";
  static final String TLS_CERT = "--temporal-tls-cert";
  static final String TLS_KEY = "--temporal-tls-key";
  static final String TLS_CA = "--temporal-tls-ca";
  static final String TLS_SERVER_NAME = "--temporal-tls-server-name";
  static final String API_KEY = "--temporal-api-key";
  static final String UI_URL = "--temporal-ui-url";
  static final String REGISTER_SEARCH_ATTRIBUTES = "--temporal-register-search-attributes";

  @Option(
      names = ADDRESS,
      paramLabel = "<host:port>",
      defaultValue = "${env:TEMPORAL_ADDRESS:-localhost:7233}",
      description = "Temporal frontend gRPC address.")
  String address;

  @Option(
      names = NAMESPACE,
      paramLabel = "<name>",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace for workflows and search attributes.")
  String namespace;

  @Option(
      names = TASK_QUEUE,
      paramLabel = "<name>",
      defaultValue = "${env:KUBERNAUT_TASK_QUEUE:-kubernaut-remediation}",
      description = "Task queue the worker polls and the bridge starts workflows on.")
  String taskQueue;

  @Option(
      names = TLS,
      paramLabel = "<bool>",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "${env:TEMPORAL_TLS:-false}",
      description =
          "Use TLS with the system trust store. Implied by any TLS file option or an API key.")
  boolean tls;

  @Option(
      names = TLS_CERT,
      paramLabel = "<file>",
      defaultValue = "${env:TEMPORAL_TLS_CLIENT_CERT_PATH:-}",
      description = "PEM client certificate for mutual TLS (with " + TLS_KEY + ").")
  String tlsCert;

  @Option(
      names = TLS_KEY,
      paramLabel = "<file>",
      defaultValue = "${env:TEMPORAL_TLS_CLIENT_KEY_PATH:-}",
      description = "PKCS#8 PEM private key for mutual TLS (with " + TLS_CERT + ").")
  String tlsKey;

  @Option(
      names = TLS_CA,
      paramLabel = "<file>",
      defaultValue = "${env:TEMPORAL_TLS_SERVER_CA_CERT_PATH:-}",
      description = "PEM CA bundle that signs the server certificate (default: system trust).")
  String tlsCa;

  @Option(
      names = TLS_SERVER_NAME,
      paramLabel = "<name>",
      defaultValue = "${env:TEMPORAL_TLS_SERVER_NAME:-}",
      description = "Override the TLS server name (SNI and certificate check).")
  String tlsServerName;

  @Option(
      names = API_KEY,
      paramLabel = "<key>",
      defaultValue = "${env:TEMPORAL_API_KEY:-}",
      showDefaultValue = Visibility.NEVER,
      description =
          "Temporal Cloud API key (sent as a bearer token; never logged). Prefer the env var.")
  String apiKey;

  @Option(
      names = UI_URL,
      paramLabel = "<url>",
      defaultValue = "${env:KUBERNAUT_TEMPORAL_UI_URL:-}",
      description =
          "Temporal Web UI base URL, e.g. https://temporal.example.com; fills status.temporal.uiURL.")
  String uiUrl;

  @Option(
      names = REGISTER_SEARCH_ATTRIBUTES,
      paramLabel = "<bool>",
      negatable = true,
      defaultValue = "${env:KUBERNAUT_TEMPORAL_REGISTER_SEARCH_ATTRIBUTES:-true}",
      fallbackValue = "true",
      description =
          "Register the search attributes in the namespace at start when missing. Turn off where"
              + " the namespace is managed elsewhere (Temporal Cloud): they must exist then.")
  boolean registerSearchAttributes;

  TemporalConfig toConfig(ConfigValidator v) {
    String addr = v.hostPort(ADDRESS, address);
    String ns = v.nonBlank(NAMESPACE, namespace);
    String queue = v.nonBlank(TASK_QUEUE, taskQueue);
    Path cert = v.optionalReadableFile(TLS_CERT, tlsCert);
    Path key = v.optionalReadableFile(TLS_KEY, tlsKey);
    v.together(TLS_CERT, blankToNull(tlsCert), TLS_KEY, blankToNull(tlsKey));
    Path ca = v.optionalReadableFile(TLS_CA, tlsCa);
    String ui = v.optionalHttpUrl(UI_URL, uiUrl);
    return new TemporalConfig(
        addr,
        ns,
        queue,
        tls,
        cert,
        key,
        ca,
        blankToNull(tlsServerName),
        blankToNull(apiKey),
        ui,
        registerSearchAttributes);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
