package io.ecostream.streams.air;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * The topics of the city task's outputs, for one sink that writes them all: each {@link
 * AirOutput.Kind} names its topic, and its value is written by that topic's own value serde (Avro
 * or JSON, as the deployment chose), so the bytes are those a sink of that topic alone would write.
 * One sink instead of a branch, a value mapping and a sink per kind spares every output record the
 * predicates of the kinds before its own and the value mapping's hop (a new record, a copy of its
 * headers and a record context each). {@link AirOutput.Kind#RANKING_INPUT} has no topic here: those
 * records go on to their province's ranking.
 */
final class AirOutputTopics implements TopicNameExtractor<String, AirOutput> {

  private final Map<AirOutput.Kind, Route<?>> routes = new EnumMap<>(AirOutput.Kind.class);
  private final Serde<String> keySerde;
  private final Serde<AirOutput> valueSerde = new ValueSerde();

  /**
   * @throws IllegalArgumentException if the topics do not share one key serde: one sink writes
   *     every key with one serializer, which cannot tell the topics apart by the key alone
   */
  AirOutputTopics(EcostreamTopics topics) {
    route(AirOutput.Kind.STATION_HOURLY, topics.stationHourly(), StationHourlyAqi.class);
    route(AirOutput.Kind.CITY_HOURLY, topics.cityHourly(), CityHourlyAqi.class);
    route(AirOutput.Kind.PM25_ROLLING, topics.pm25Rolling(), Pm25Rolling.class);
    route(AirOutput.Kind.CITY_DAILY, topics.cityDaily(), CityDaily.class);
    route(AirOutput.Kind.CITY_PERIOD, topics.cityPeriod(), CityPeriod.class);
    route(AirOutput.Kind.ALERT, topics.alerts(), Alert.class);
    route(AirOutput.Kind.DEAD_LETTER, topics.deadLetters(), DeadLetter.class);
    this.keySerde = topics.stationHourly().keySerde();
    for (Route<?> route : routes.values()) {
      if (route.topic().keySerde() != keySerde) {
        throw new IllegalArgumentException(
            "the air outputs' topics must share one key serde, " + route.topic() + " has its own");
      }
    }
  }

  private <V extends SpecificRecord> void route(
      AirOutput.Kind kind, Topic<String, V> topic, Class<V> type) {
    routes.put(kind, new Route<>(topic, type, topic.valueSerde().serializer()));
  }

  /**
   * @throws IllegalArgumentException for {@link AirOutput.Kind#RANKING_INPUT}, which has no topic
   */
  String topicOf(AirOutput.Kind kind) {
    return routeOf(kind).topic().name();
  }

  @Override
  public String extract(String key, AirOutput output, RecordContext recordContext) {
    return topicOf(output.kind());
  }

  /** The serde of every key, the one the topics share. */
  Serde<String> keySerde() {
    return keySerde;
  }

  /** Writes an output's value as its kind's topic does; it reads nothing. */
  Serde<AirOutput> valueSerde() {
    return valueSerde;
  }

  /** The topics by kind, as the topology's description names this sink's extractor. */
  @Override
  public String toString() {
    return routes.entrySet().stream()
        .map(route -> route.getKey() + "=" + route.getValue().topic())
        .collect(Collectors.joining(", ", "AirOutputTopics{", "}"));
  }

  private Route<?> routeOf(AirOutput.Kind kind) {
    Route<?> route = routes.get(kind);
    if (route == null) {
      throw new IllegalArgumentException(kind + " outputs have no topic of their own");
    }
    return route;
  }

  /**
   * One kind's topic and the record type its serde writes. A value of another type is a bug of the
   * city task: the cast fails on it, and Kafka Streams stops on a serializer's ClassCastException
   * rather than skipping the record as it would a value the serde cannot write.
   */
  private record Route<V extends SpecificRecord>(
      Topic<String, V> topic, Class<V> type, Serializer<V> serializer) {

    byte[] serialize(String topicName, SpecificRecord value) {
      return serializer.serialize(topicName, type.cast(value));
    }

    byte[] serialize(String topicName, Headers headers, SpecificRecord value) {
      return serializer.serialize(topicName, headers, type.cast(value));
    }
  }

  /**
   * Both variants of {@code serialize} are passed on as they came, since Kafka Streams calls the
   * one with headers and a topic's serializer may write them.
   */
  private final class ValueSerde implements Serde<AirOutput>, Serializer<AirOutput> {

    @Override
    public byte[] serialize(String topic, AirOutput output) {
      return output == null ? null : routeOf(output.kind()).serialize(topic, output.value());
    }

    @Override
    public byte[] serialize(String topic, Headers headers, AirOutput output) {
      return output == null
          ? null
          : routeOf(output.kind()).serialize(topic, headers, output.value());
    }

    @Override
    public Serializer<AirOutput> serializer() {
      return this;
    }

    @Override
    public Deserializer<AirOutput> deserializer() {
      throw new UnsupportedOperationException(
          "air outputs are read from their own topics, with those topics' serdes");
    }

    // Nothing to pass on: the topics' serdes are not this serde's, other sinks write with them too.
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}
  }
}
