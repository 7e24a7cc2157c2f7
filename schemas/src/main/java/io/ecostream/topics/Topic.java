package io.ecostream.topics;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic together with the serdes of its keys and values and how it is created.
 *
 * @param compacted true for topics holding "the latest figure per key": a dashboard can rebuild its
 *     view from the topic alone
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {

  /**
   * Topic-level configs the topic is created with. Record timestamps are event times, years old for
   * replayed history: under the broker's default time retention (7 days) every rolled segment of
   * such data is expired on arrival and deleted at the next retention check, while the application
   * may not have read it yet. So topics that are not compacted keep records by size (the broker's
   * {@code retention.bytes}), never by age.
   */
  public Map<String, String> configs() {
    return compacted
        ? Map.of("cleanup.policy", "compact")
        : Map.of("cleanup.policy", "delete", "retention.ms", "-1");
  }

  @Override
  public String toString() {
    return name;
  }
}
