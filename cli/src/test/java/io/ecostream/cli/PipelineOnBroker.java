package io.ecostream.cli;

import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.streams.EcostreamTopology;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The production topology with default settings, running on the test broker on topics and an
 * application id of its own, for the tests that replay files into it with the CLI.
 */
final class PipelineOnBroker implements AutoCloseable {

  private final String prefix;
  private final String applicationId;
  private final KafkaStreams streams;

  private PipelineOnBroker(String prefix, String applicationId, KafkaStreams streams) {
    this.prefix = prefix;
    this.applicationId = applicationId;
    this.streams = streams;
  }

  /** Creates its topics and starts it; {@code name} makes its topic prefix and application id. */
  static PipelineOnBroker start(KafkaBrokerFixture kafka, String name, Path stateDir) {
    String prefix = KafkaBrokerFixture.uniqueName(name);
    String applicationId = KafkaBrokerFixture.uniqueName(name + "-app");
    EcostreamTopics topics = EcostreamTopics.withPrefix(prefix);
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    Properties flags = new Properties();
    flags.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    flags.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    flags.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    KafkaStreams streams =
        new KafkaStreams(
            EcostreamTopology.build(topics, PipelineSettings.defaults(), new PipelineMetrics(new SimpleMeterRegistry())),
            KafkaClientConfig.layered(StreamsAppConfig.defaults(), null, Map.of(), flags));
    streams.start();
    return new PipelineOnBroker(prefix, applicationId, streams);
  }

  String prefix() {
    return prefix;
  }

  String applicationId() {
    return applicationId;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
