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

  /** Topic-level configs the topic is created with. */
  public Map<String, String> configs() {
    return compacted ? Map.of("cleanup.policy", "compact") : Map.of();
  }

  @Override
  public String toString() {
    return name;
  }
}
