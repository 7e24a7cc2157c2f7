package io.ecostream.topics;

import io.ecostream.options.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options with which every command finds its Kafka cluster and topics: {@code
 * --bootstrap-servers}, {@code --command-config}, {@code --topic-prefix}, and how long the cluster
 * may take to answer, {@code --kafka-timeout}. A picocli mixin: {@code @Mixin ClusterOptions
 * cluster;}.
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

  @Option(
      names = "--kafka-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long the cluster may take to answer before the command gives up with an error: the"
              + " check at the start, a send, a metadata or offset lookup (default: 15s).")
  Duration kafkaTimeout = ClusterCheck.DEFAULT_TIMEOUT;

  /**
   * Whether the user named a cluster: with --bootstrap-servers, --command-config or $ {@value
   * KafkaClientConfig#BOOTSTRAP_ENV}. When not, the command talks to the default address.
   */
  public boolean clusterNamed(Map<String, String> environment) {
    return bootstrapServers != null
        || commandConfig != null
        || environment.get(KafkaClientConfig.BOOTSTRAP_ENV) != null;
  }

  /** Points the command at a cluster it started itself (an embedded broker). */
  public void useBootstrapServers(String servers) {
    bootstrapServers = servers;
  }

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

  /** --kafka-timeout, at least a second: below that a healthy cluster under load may miss it. */
  public Duration kafkaTimeout() {
    if (kafkaTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw usageError(
          "--kafka-timeout must be at least 1s, got " + kafkaTimeout.toMillis() + "ms");
    }
    return kafkaTimeout;
  }

  /**
   * Fails fast, within --kafka-timeout, when no broker answers or one of the topics is missing.
   *
   * @param clientSettings the command's client settings, from {@link #clientProperties}
   * @throws KafkaClusterException one line naming the address and what to do
   */
  public void requireCluster(Properties clientSettings, Collection<? extends Topic<?, ?>> needed) {
    requireCluster(clientSettings, needed, pipelineCreatesTopics());
  }

  /** As {@link #requireCluster(Properties, Collection)}, with what creates a missing topic. */
  public void requireCluster(
      Properties clientSettings, Collection<? extends Topic<?, ?>> needed, String whatCreatesThem) {
    ClusterCheck.require(
        clientSettings, kafkaTimeout(), needed.stream().map(Topic::name).toList(), whatCreatesThem);
  }

  /** {@code './ecostream run --topic-prefix eco' creates the pipeline's topics}. */
  public String pipelineCreatesTopics() {
    return "'./ecostream run"
        + (topicPrefix.equals(EcostreamTopics.DEFAULT_PREFIX)
            ? ""
            : " --topic-prefix " + topicPrefix)
        + "' creates the pipeline's topics";
  }

  private ParameterException usageError(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
