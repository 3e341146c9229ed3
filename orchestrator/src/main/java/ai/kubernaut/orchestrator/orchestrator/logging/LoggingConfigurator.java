package ai.kubernaut.orchestrator.orchestrator.logging;

import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code --log-format} and {@code --log-level} (and, for the sandbox, {@code --log-file})
 * by reloading logback.xml.
 */
public final class LoggingConfigurator {

  static final String FORMAT_PROPERTY = "kubernaut.log.format";
  static final String LEVEL_PROPERTY = "kubernaut.log.level";
  static final String FILE_PROPERTY = "kubernaut.log.file";
  static final String SINK_PROPERTY = "kubernaut.log.sink";

  private LoggingConfigurator() {}

  /** Logs to the console (stdout). */
  public static void configure(LogFormat format, String level) {
    configure(format, level, null);
  }

  /**
   * Logs to {@code file} (created with its directory, truncated) instead of the console, or to the
   * console when {@code file} is null.
   */
  public static void configure(LogFormat format, String level, Path file) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return; // another SLF4J binding (e.g. embedded in a test harness): leave it alone
    }
    URL config = LoggingConfigurator.class.getClassLoader().getResource("logback.xml");
    if (config == null) {
      return;
    }
    context.reset();
    context.putProperty(FORMAT_PROPERTY, format.name());
    context.putProperty(LEVEL_PROPERTY, level);
    if (file != null) {
      context.putProperty(FILE_PROPERTY, file.toAbsolutePath().toString());
      context.putProperty(SINK_PROPERTY, "_FILE");
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + config, e);
    }
  }
}
