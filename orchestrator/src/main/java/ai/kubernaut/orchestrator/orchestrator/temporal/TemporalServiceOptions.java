package ai.kubernaut.orchestrator.orchestrator.temporal;

import ai.kubernaut.orchestrator.orchestrator.config.TemporalConfig;
import com.uber.m3.tally.Scope;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Turns {@link TemporalConfig} into gRPC stub options: address, TLS/mTLS, API key, metrics. */
public final class TemporalServiceOptions {

  private TemporalServiceOptions() {}

  public static WorkflowServiceStubsOptions of(TemporalConfig config, Scope metricsScope) {
    WorkflowServiceStubsOptions.Builder builder =
        WorkflowServiceStubsOptions.newBuilder().setTarget(config.address());
    if (metricsScope != null) {
      builder.setMetricsScope(metricsScope);
    }
    if (config.tlsEnabled()) {
      builder.setSslContext(sslContext(config));
    }
    if (config.serverName() != null) {
      String authority = config.serverName();
      builder.setChannelInitializer(channel -> channel.overrideAuthority(authority));
    }
    if (config.hasApiKey()) {
      String key = config.apiKey();
      builder.addApiKey(() -> key);
    }
    return builder.build();
  }

  static SslContext sslContext(TemporalConfig config) {
    try {
      SimpleSslContextBuilder ssl;
      if (config.mutualTls()) {
        try (InputStream cert = Files.newInputStream(config.clientCert());
            InputStream key = Files.newInputStream(config.clientKey())) {
          ssl = SimpleSslContextBuilder.forPKCS8(cert, key);
        }
      } else {
        ssl = SimpleSslContextBuilder.noKeyOrCertChain();
      }
      if (config.serverCa() != null) {
        ssl.setTrustManager(trustManager(config.serverCa()));
      }
      return ssl.build();
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot build the Temporal TLS context: " + e.getMessage(), e);
    }
  }

  /** A trust manager over the PEM certificates in {@code caFile}. */
  static TrustManager trustManager(Path caFile) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(caFile)) {
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new GeneralSecurityException("no certificate in " + caFile);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers()[0];
  }
}
