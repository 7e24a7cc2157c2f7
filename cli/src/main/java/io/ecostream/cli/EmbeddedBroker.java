package io.ecostream.cli;

import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.localkafka.LocalKafkaException;
import io.ecostream.topics.KafkaClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What the commands that start their own broker share: a fresh work directory and the start. */
final class EmbeddedBroker {

  private EmbeddedBroker() {}

  /** Empties the work directory (or creates it) and creates its {@code logs/} folder. */
  static void prepareWorkDir(Path workDir) {
    try {
      deleteRecursively(workDir);
      Files.createDirectories(workDir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare the work directory " + workDir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a temporary work directory after a finished run; one left behind fails nothing. */
  static void deleteQuietly(Path dir) {
    try {
      deleteRecursively(dir);
    } catch (IOException e) {
      // a temp dir left behind is not worth failing a finished run for
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /**
   * The client settings of the cluster a command uses instead of its own broker: {@code
   * --bootstrap-servers}, over the settings of {@code --command-config} (security, e.g. SASL/SSL);
   * null when neither is given, i.e. the command starts its own broker.
   */
  static Properties externalCluster(CommandSpec spec, String bootstrapServers, Path commandConfig) {
    if (bootstrapServers == null) {
      if (commandConfig != null) {
        throw new ParameterException(
            spec.commandLine(),
            "--command-config goes with --bootstrap-servers (without it, the command starts its own broker)");
      }
      return null;
    }
    if (bootstrapServers.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--bootstrap-servers must not be empty");
    }
    Properties flags = new Properties();
    flags.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.strip());
    try {
      return KafkaClientConfig.layered(new Properties(), commandConfig, Map.of(), flags);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--command-config: " + e.getMessage());
    }
  }

  /** A broker on free ports with its data in {@code dir/kafka}, its log in {@code logFile}. */
  static LocalKafkaBroker startOnFreePorts(Path dir, Path logFile) {
    LocalKafkaBroker.Settings ports = LocalKafkaBroker.Settings.ephemeral();
    return start(
        new LocalKafkaBroker.Settings(
            dir.resolve("kafka"), ports.brokerPort(), ports.controllerPort(), false, Map.of()),
        logFile);
  }

  /** Starts the broker, with its logs in {@code logFile} instead of the console. */
  static LocalKafkaBroker start(LocalKafkaBroker.Settings settings, Path logFile) {
    KafkaLogFile.redirectTo(logFile);
    try {
      return LocalKafkaBroker.start(settings);
    } catch (LocalKafkaException e) {
      throw new IllegalStateException("cannot start the local broker: " + e.getMessage(), e);
    }
  }
}
