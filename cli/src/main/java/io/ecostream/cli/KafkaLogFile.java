package io.ecostream.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Sends the Kafka logs of this JVM (the embedded broker and the demo's own clients) to a file. The
 * broker logs retried, harmless conditions at ERROR level (e.g. a transactions-v2 produce that
 * races the previous commit marker and is retried), which would bury the demo's status lines.
 */
final class KafkaLogFile {

  private static final String[] KAFKA_LOGGERS = {
    "kafka", "org.apache.kafka", "state.change.logger"
  };

  private KafkaLogFile() {}

  static void redirectTo(Path file) {
    if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
      return;
    }
    Configuration config = context.getConfiguration();
    FileAppender appender =
        FileAppender.newBuilder()
            .setName("kafka-file")
            .withFileName(file.toString())
            .setLayout(
                PatternLayout.newBuilder()
                    .withPattern("%d{HH:mm:ss.SSS} %-5level [%t] %c{1.} - %msg%n")
                    .withConfiguration(config)
                    .build())
            .setConfiguration(config)
            .build();
    appender.start();
    config.addAppender(appender);
    for (String name : KAFKA_LOGGERS) {
      LoggerConfig logger = new LoggerConfig(name, Level.INFO, false);
      logger.addAppender(appender, null, null);
      config.addLogger(name, logger);
    }
    context.updateLoggers();
  }
}
