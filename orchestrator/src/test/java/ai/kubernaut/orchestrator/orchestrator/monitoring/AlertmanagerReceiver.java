package ai.kubernaut.orchestrator.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The documented Alertmanager receiver for the Gateway ({@code
 * deploy/monitoring/alertmanager/kubernaut-gateway-receiver.yaml}, shown in docs/gateway.md), made
 * fit for a test: the Gateway's local URL, the test's token file, and second-long intervals. Each
 * replaced value must be in the file, so the test cannot drift from what users are told.
 */
public final class AlertmanagerReceiver {

  static final String FILE = "monitoring/alertmanager/kubernaut-gateway-receiver.yaml";
  static final String URL =
      "http://kubernaut-gateway.kubernaut-system.svc:8081/api/v1/signals/alertmanager";
  static final String TOKEN_FILE = "/etc/alertmanager/secrets/kubernaut-gateway-token/token";

  private AlertmanagerReceiver() {}

  static Path file() {
    return MonitoringBinaries.deploy().resolve(FILE);
  }

  static String documented() {
    try {
      return Files.readString(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String forTest(String gatewayUrl, Path tokenFile) {
    String yaml = documented();
    String[][] replacements = {
      {URL, gatewayUrl},
      {TOKEN_FILE, tokenFile.toString()},
      {"group_wait: 30s", "group_wait: 1s"},
      {"group_interval: 5m", "group_interval: 1s"},
      {"repeat_interval: 4h", "repeat_interval: 2s"},
    };
    for (String[] r : replacements) {
      assertThat(yaml).as("%s in %s", r[0], FILE).contains(r[0]);
      yaml = yaml.replace(r[0], r[1]);
    }
    return yaml;
  }
}
