package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.topics.Topic;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads an ecostream topic of the test broker, as a downstream consumer does (read_committed). */
final class TopicReader {

  private TopicReader() {}

  /**
   * The latest value per key, read until it satisfies {@code done}; fails at the deadline, saying
   * what it got and {@code context} (e.g. the application's states).
   */
  static <V> Map<String, V> latestByKeyUntil(
      KafkaBrokerFixture kafka,
      Topic<String, V> topic,
      Predicate<Map<String, V>> done,
      Duration deadline,
      Supplier<String> context) {
    Map<String, V> latest = new LinkedHashMap<>();
    Properties props = new Properties();
    props.putAll(kafka.consumerProps(KafkaBrokerFixture.uniqueName("reader")));
    props.put("isolation.level", "read_committed");
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      long end = System.nanoTime() + deadline.toNanos();
      while (!done.test(latest)) {
        assertThat(System.nanoTime())
            .as(
                "%s reached the expected state before the deadline; got %d keys %s; %s",
                topic.name(), latest.size(), latest.keySet(), context.get())
            .isLessThan(end);
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          latest.put(record.key(), record.value());
        }
      }
    }
    return latest;
  }
}
