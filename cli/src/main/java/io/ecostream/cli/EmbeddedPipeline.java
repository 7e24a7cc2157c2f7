package io.ecostream.cli;

import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.streams.EcostreamTopology;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole pipeline in this JVM, for a replay that names no cluster: a local broker with its data
 * in {@code dir/kafka} and the production topology with default settings, its state in {@code
 * dir/state}. Closing stops both; the folder is the caller's to keep or delete.
 */
final class EmbeddedPipeline implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final LocalKafkaBroker broker;
  private final KafkaStreams streams;

  private EmbeddedPipeline(LocalKafkaBroker broker, KafkaStreams streams) {
    this.broker = broker;
    this.streams = streams;
  }

  static EmbeddedPipeline start(Path dir, EcostreamTopics topics, String applicationId) {
    LocalKafkaBroker broker = EmbeddedBroker.startOnFreePorts(dir, dir.resolve("logs/broker.log"));
    try {
      Properties client = broker.clientProperties();
      try (Admin admin = Admin.create(client)) {
        TopicCreator.ensureExist(admin, topics.all(), Optional.empty());
      }
      Properties properties = StreamsAppConfig.defaults();
      properties.putAll(client);
      properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
      properties.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
      KafkaStreams streams =
          new KafkaStreams(
              EcostreamTopology.build(topics, PipelineSettings.defaults(), new PipelineMetrics(new SimpleMeterRegistry())),
              properties);
      streams.start();
      return new EmbeddedPipeline(broker, streams);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    streams.close(CLOSE_TIMEOUT);
    broker.close();
  }
}
