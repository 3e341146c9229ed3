package ai.kubernaut.orchestrator.sandbox.kubeapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a kubeconfig that points kubectl (or any client) at the stand-in over plain HTTP. */
public final class KubeconfigWriter {

  /** The cluster, user and context name in the written kubeconfig. */
  public static final String CONTEXT = "kubernaut-sandbox";

  private KubeconfigWriter() {}

  /** The kubeconfig text for a server URL and default namespace. */
  public static String kubeconfig(String serverUrl, String namespace) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: " + CONTEXT,
        "  cluster:",
        "    server: " + serverUrl,
        "contexts:",
        "- name: " + CONTEXT,
        "  context:",
        "    cluster: " + CONTEXT,
        "    user: " + CONTEXT,
        "    namespace: " + namespace,
        "current-context: " + CONTEXT,
        "users:",
        "- name: " + CONTEXT,
        "  user: {}",
        "preferences: {}",
        "");
  }

  /** Writes the kubeconfig to a file (parent directories are created) and returns the file. */
  public static Path write(Path file, String serverUrl, String namespace) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, kubeconfig(serverUrl, namespace));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig " + file, e);
    }
  }
}
