package dev.atomic.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the process's logs to one JSON object per line (logback's own {@link JsonEncoder}), each carrying the MDC:
 * {@code task_id}, {@code decision_id}, {@code tenant}, and for a run's microtask {@code run_id} and {@code step_id}
 * ({@link LogContext}). Called once by the program that runs the service; a library
 * should not reconfigure its host's logging on its own. Secrets stay out because the configuration holds them as
 * {@link Secret}s, which print as stars.
 */
public final class JsonLogging {

  private JsonLogging() {}

  /** Replaces the root logger's appenders by one that writes JSON lines to {@code out} at {@code level} and above. */
  public static void install(OutputStream out, String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      throw new IllegalStateException("JSON logs need logback as the SLF4J binding, found "
          + LoggerFactory.getILoggerFactory().getClass().getName());
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithArguments(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithContext(false);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setName("atomic-json");
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.setImmediateFlush(true);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    root.setLevel(Level.toLevel(level, Level.INFO));
  }
}
