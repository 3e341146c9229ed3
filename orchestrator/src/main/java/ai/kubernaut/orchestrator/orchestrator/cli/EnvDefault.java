package ai.kubernaut.orchestrator.orchestrator.cli;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The environment variable behind an option and its built-in default, read from the option's
 * declared {@code defaultValue = "${env:NAME:-fallback}"} (before picocli interpolates it). Help
 * and docs/configuration.md are both rendered from this, so they cannot drift from the code.
 */
public record EnvDefault(String variable, String fallback) {

  /** What picocli's annotation holds when no default is declared. */
  private static final String NO_DEFAULT = "__no_default_value__";

  private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+):-(.*)}");

  /** The declared default of an option, before variable interpolation; null when none. */
  public static String declaredDefault(OptionSpec option) {
    if (option.userObject() instanceof AnnotatedElement element) {
      Option annotation = element.getAnnotation(Option.class);
      if (annotation != null) {
        String declared = annotation.defaultValue();
        return declared.equals(NO_DEFAULT) || declared.equals(Option.NULL_VALUE) ? null : declared;
      }
    }
    return option.defaultValue();
  }

  public static Optional<EnvDefault> of(OptionSpec option) {
    String declared = declaredDefault(option);
    if (declared == null) {
      return Optional.empty();
    }
    Matcher m = ENV.matcher(declared);
    return m.matches() ? Optional.of(new EnvDefault(m.group(1), m.group(2))) : Optional.empty();
  }
}
