package io.ecostream.cli;

import io.ecostream.avro.CityDaily;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the committed records of every ecostream topic and remembers the latest city-daily figure
 * that has a value, for the demo's status line. It reads with {@code read_committed}, so it counts
 * what downstream consumers see, not transaction markers or aborted writes.
 */
final class TopicCounter implements AutoCloseable {

  private final EcostreamTopics topics;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private CityDaily latestCityDaily;

  TopicCounter(String bootstrapServers, EcostreamTopics topics) {
    this.topics = topics;
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "ecostream-demo-status-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    topics.all().forEach(topic -> counts.put(topic.name(), 0L));
    consumer.subscribe(topics.all().stream().map(Topic::name).toList());
  }

  /** Reads what arrived since the last call, for at most {@code budget}. */
  void catchUp(Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    do {
      var records = consumer.poll(Duration.ofMillis(100));
      for (ConsumerRecord<String, byte[]> record : records) {
        counts.merge(record.topic(), 1L, Long::sum);
        if (record.topic().equals(topics.cityDaily().name()) && record.value() != null) {
          CityDaily daily =
              topics
                  .cityDaily()
                  .valueSerde()
                  .deserializer()
                  .deserialize(record.topic(), record.value());
          if (daily.getPm25() != null) {
            latestCityDaily = daily;
          }
        }
      }
      if (records.isEmpty()) {
        return;
      }
    } while (System.nanoTime() < deadline);
  }

  long count(Topic<?, ?> topic) {
    return counts.getOrDefault(topic.name(), 0L);
  }

  CityDaily latestCityDaily() {
    return latestCityDaily;
  }

  List<Topic<String, ?>> outputs() {
    return topics.outputs();
  }

  @Override
  public void close() {
    // Within the 5 s of a Ctrl-C of the demo; it has no offsets to commit.
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
  }
}
