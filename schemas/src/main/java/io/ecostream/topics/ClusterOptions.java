package io.ecostream.topics;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options with which every command finds its Kafka cluster and topics: {@code
 * --bootstrap-servers}, {@code --command-config}, {@code --topic-prefix}. A picocli mixin:
 * {@code @Mixin ClusterOptions cluster;}.
 */
public final class ClusterOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description =
          "Kafka bootstrap servers (default: $"
              + KafkaClientConfig.BOOTSTRAP_ENV
              + ", else bootstrap.servers of --command-config, else "
              + KafkaClientConfig.DEFAULT_BOOTSTRAP
              + ").")
  String bootstrapServers;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description = "Properties file of client settings, e.g. SASL/SSL for a real cluster.")
  Path commandConfig;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      defaultValue = EcostreamTopics.DEFAULT_PREFIX,
      description = "Prefix of every topic name (default: ${DEFAULT-VALUE}).")
  String topicPrefix = EcostreamTopics.DEFAULT_PREFIX;

  /** The topics named with the prefix; a bad prefix is a usage error. */
  public EcostreamTopics topics() {
    try {
      return EcostreamTopics.withPrefix(topicPrefix);
    } catch (IllegalArgumentException e) {
      throw usageError("--topic-prefix: " + e.getMessage());
    }
  }

  /** Client settings: the command's defaults < the file < the environment < the flags. */
  public Properties clientProperties(Properties defaults) {
    return clientProperties(defaults, System.getenv(), new Properties());
  }

  /**
   * @param environment the process environment (injected for tests)
   * @param otherFlags settings from the command's own flags, which win with --bootstrap-servers
   */
  public Properties clientProperties(
      Properties defaults, Map<String, String> environment, Properties otherFlags) {
    Properties flags = new Properties();
    flags.putAll(otherFlags);
    if (bootstrapServers != null) {
      if (bootstrapServers.isBlank()) {
        throw usageError("--bootstrap-servers must not be empty");
      }
      flags.put("bootstrap.servers", bootstrapServers.strip());
    }
    try {
      return KafkaClientConfig.layered(defaults, commandConfig, environment, flags);
    } catch (IllegalArgumentException e) {
      throw usageError("--command-config: " + e.getMessage());
    }
  }

  private ParameterException usageError(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
