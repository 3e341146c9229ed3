package ai.kubernaut.orchestrator.orchestrator.config;

import java.util.List;

/** Configuration that cannot start the service; every problem names its option. */
public final class InvalidConfigException extends RuntimeException {

  private final List<String> problems;

  public InvalidConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per problem, each starting with the option, e.g. {@code --http-port: ...}. */
  public List<String> problems() {
    return problems;
  }
}
