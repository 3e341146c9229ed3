package ai.kubernaut.orchestrator.orchestrator.logging;

import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Applies {@code --log-format} and {@code --log-level} by reloading logback.xml. */
public final class LoggingConfigurator {

  static final String FORMAT_PROPERTY = "kubernaut.log.format";
  static final String LEVEL_PROPERTY = "kubernaut.log.level";

  private LoggingConfigurator() {}

  public static void configure(LogFormat format, String level) {
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
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + config, e);
    }
  }
}
