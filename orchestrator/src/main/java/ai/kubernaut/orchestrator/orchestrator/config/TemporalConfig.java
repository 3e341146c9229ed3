package ai.kubernaut.orchestrator.orchestrator.config;

import java.nio.file.Path;

/**
 * How to reach Temporal. TLS is used when {@code tls} is set, when any TLS file is given, or when
 * an API key is given (API keys need TLS); mutual TLS when both client cert and key are given.
 *
 * @param apiKey never logged: {@link #toString()} masks it
 * @param uiBaseUrl Temporal Web UI base URL (no trailing slash), or null; fills {@code
 *     status.temporal.uiURL}
 */
public record TemporalConfig(
    String address,
    String namespace,
    String taskQueue,
    boolean tls,
    Path clientCert,
    Path clientKey,
    Path serverCa,
    String serverName,
    String apiKey,
    String uiBaseUrl,
    boolean registerSearchAttributes) {

  public boolean tlsEnabled() {
    return tls || clientCert != null || serverCa != null || hasApiKey();
  }

  public boolean mutualTls() {
    return clientCert != null && clientKey != null;
  }

  public boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }

  public TemporalConfig withAddress(String newAddress) {
    return new TemporalConfig(
        newAddress,
        namespace,
        taskQueue,
        tls,
        clientCert,
        clientKey,
        serverCa,
        serverName,
        apiKey,
        uiBaseUrl,
        registerSearchAttributes);
  }

  @Override
  public String toString() {
    return "TemporalConfig[address="
        + address
        + ", namespace="
        + namespace
        + ", taskQueue="
        + taskQueue
        + ", tls="
        + tlsEnabled()
        + ", mutualTls="
        + mutualTls()
        + ", clientCert="
        + clientCert
        + ", clientKey="
        + clientKey
        + ", serverCa="
        + serverCa
        + ", serverName="
        + serverName
        + ", apiKey="
        + (hasApiKey() ? "****" : "none")
        + ", uiBaseUrl="
        + uiBaseUrl
        + "]";
  }
}
