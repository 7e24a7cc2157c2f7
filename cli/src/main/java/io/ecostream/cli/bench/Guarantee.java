package io.ecostream.cli.bench;

import com.fasterxml.jackson.annotation.JsonValue;
import org.apache.kafka.streams.StreamsConfig;

/** The processing guarantees the benchmark compares, by their Kafka Streams names. */
public enum Guarantee {
  AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE, "alos"),
  EXACTLY_ONCE_V2(StreamsConfig.EXACTLY_ONCE_V2, "eos");

  private final String config;
  private final String shortName;

  Guarantee(String config, String shortName) {
    this.config = config;
    this.shortName = shortName;
  }

  /** The value of {@code processing.guarantee}. */
  @JsonValue
  public String config() {
    return config;
  }

  /** For application ids and topic names. */
  public String shortName() {
    return shortName;
  }

  @Override
  public String toString() {
    return config;
  }
}
