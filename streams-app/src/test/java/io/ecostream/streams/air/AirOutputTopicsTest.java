package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.serde.OutputFormat;
import io.ecostream.serde.RecordSerde;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one sink of the city task's outputs writes each kind to the topic a sink of its own wrote it
 * to, with the bytes that topic's serde writes.
 */
class AirOutputTopicsTest {

  /** Written out rather than taken from the class under test, so that a wrong route shows. */
  private static final Map<AirOutput.Kind, String> TOPIC_OF_KIND =
      Map.of(
          AirOutput.Kind.STATION_HOURLY, "ecostream.air.station-hourly",
          AirOutput.Kind.CITY_HOURLY, "ecostream.air.city-hourly",
          AirOutput.Kind.PM25_ROLLING, "ecostream.air.pm25-rolling",
          AirOutput.Kind.CITY_DAILY, "ecostream.air.city-daily",
          AirOutput.Kind.CITY_PERIOD, "ecostream.air.city-period",
          AirOutput.Kind.ALERT, "ecostream.alerts",
          AirOutput.Kind.DEAD_LETTER, "ecostream.dead-letters");

  private final EcostreamTopics topics = EcostreamTopics.withDefaultPrefix();

  @Test
  void shouldSendEveryKindButTheRankingInputsToItsOwnTopic() {
    AirOutputTopics outputs = new AirOutputTopics(topics);

    assertThat(TOPIC_OF_KIND.keySet())
        .as("every kind is published but the rankings' input")
        .isEqualTo(EnumSet.complementOf(EnumSet.of(AirOutput.Kind.RANKING_INPUT)));
    TOPIC_OF_KIND.forEach(
        (kind, topic) ->
            assertThat(outputs.extract("binzhou", output(kind), null))
                .as(kind.name())
                .isEqualTo(topic));
    assertThatThrownBy(() -> outputs.topicOf(AirOutput.Kind.RANKING_INPUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RANKING_INPUT");
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void shouldWriteTheBytesOfEachTopicsOwnSerde(OutputFormat format) {
    EcostreamTopics formatted = topics.withOutputFormat(format);
    Serializer<AirOutput> serializer = new AirOutputTopics(formatted).valueSerde().serializer();

    for (AirOutput.Kind kind : TOPIC_OF_KIND.keySet()) {
      AirOutput output = output(kind);
      Serializer<SpecificRecord> expected = valueSerializer(topic(formatted, kind));
      String name = TOPIC_OF_KIND.get(kind);

      byte[] withHeaders = serializer.serialize(name, new RecordHeaders(), output);
      assertThat(withHeaders)
          .as(kind.name())
          .isNotEmpty()
          .isEqualTo(expected.serialize(name, new RecordHeaders(), output.value()));
      assertThat(serializer.serialize(name, output)).as(kind.name()).isEqualTo(withHeaders);
    }
    byte[] daily = serializer.serialize("t", output(AirOutput.Kind.CITY_DAILY));
    assertThat(daily[0])
        .as("JSON object or Avro's single-object marker")
        .isEqualTo(format == OutputFormat.JSON ? (byte) '{' : (byte) 0xC3);
  }

  @Test
  void shouldPassTombstonesOnAsTombstones() {
    Serializer<AirOutput> serializer = new AirOutputTopics(topics).valueSerde().serializer();

    assertThat(serializer.serialize("t", new RecordHeaders(), null)).isNull();
    assertThat(serializer.serialize("t", new AirOutput(AirOutput.Kind.CITY_DAILY, null))).isNull();
  }

  @Test
  void shouldRefuseAValueOfAnotherKindsType() {
    Serializer<AirOutput> serializer = new AirOutputTopics(topics).valueSerde().serializer();
    AirOutput misfiled = new AirOutput(AirOutput.Kind.CITY_HOURLY, filled(CityDaily.class));

    assertThatThrownBy(() -> serializer.serialize("t", new RecordHeaders(), misfiled))
        .isInstanceOf(ClassCastException.class);
  }

  @Test
  void shouldGiveTheTopicsSerializerTheRecordsHeaders() {
    Topic<String, Alert> alerts = topics.alerts();
    EcostreamTopics withHeaderSerde =
        withAlerts(
            new Topic<>(
                alerts.name(),
                alerts.keySerde(),
                new HeaderWritingSerde(alerts.valueSerde()),
                alerts.partitions(),
                alerts.compacted()));
    Headers headers = new RecordHeaders();
    AirOutput alert = output(AirOutput.Kind.ALERT);

    byte[] bytes =
        new AirOutputTopics(withHeaderSerde)
            .valueSerde()
            .serializer()
            .serialize(alerts.name(), headers, alert);

    assertThat(headers.lastHeader("written-by").value())
        .isEqualTo("alerts".getBytes(StandardCharsets.UTF_8));
    assertThat(bytes)
        .isEqualTo(
            alerts.valueSerde().serializer().serialize(alerts.name(), alert.as(Alert.class)));
  }

  @Test
  void shouldRefuseTopicsWithKeySerdesOfTheirOwn() {
    Topic<String, Alert> alerts = topics.alerts();
    EcostreamTopics ownKeys =
        withAlerts(
            new Topic<>(
                alerts.name(),
                Serdes.String(),
                alerts.valueSerde(),
                alerts.partitions(),
                alerts.compacted()));

    assertThat(new AirOutputTopics(topics).keySerde()).isSameAs(topics.cityDaily().keySerde());
    assertThatThrownBy(() -> new AirOutputTopics(ownKeys))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(alerts.name());
  }

  private AirOutput output(AirOutput.Kind kind) {
    Topic<String, ?> topic = topic(topics, kind);
    return new AirOutput(kind, filled(((RecordSerde<?>) topic.valueSerde()).type()));
  }

  private static Topic<String, ?> topic(EcostreamTopics topics, AirOutput.Kind kind) {
    return topics.byName(TOPIC_OF_KIND.get(kind)).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Serializer<SpecificRecord> valueSerializer(Topic<String, ?> topic) {
    return (Serializer<SpecificRecord>) topic.valueSerde().serializer();
  }

  private EcostreamTopics withAlerts(Topic<String, Alert> alerts) {
    return new EcostreamTopics(
        topics.prefix(),
        topics.stations(),
        topics.airReadings(),
        topics.waterReadings(),
        topics.stationHourly(),
        topics.cityHourly(),
        topics.pm25Rolling(),
        topics.cityDaily(),
        topics.cityPeriod(),
        topics.airRanking(),
        topics.waterSampleClass(),
        topics.waterSectionMonth(),
        topics.waterCityPeriod(),
        topics.waterRanking(),
        alerts,
        topics.deadLetters());
  }

  /**
   * A record of {@code type} with every field set, unions to a value rather than null, so that
   * every field reaches the bytes.
   */
  private static <V extends SpecificRecord> V filled(Class<V> type) {
    SpecificData model = SpecificData.getForClass(type);
    return type.cast(value(model, model.getSchema(type)));
  }

  private static Object value(SpecificData model, Schema schema) {
    if (schema.getLogicalType() != null) {
      switch (schema.getLogicalType().getName()) {
        case "date":
          return LocalDate.of(2024, 1, 15);
        case "timestamp-millis":
          return Instant.parse("2024-01-15T02:00:00Z");
        default:
          throw new IllegalArgumentException("no value for " + schema);
      }
    }
    return switch (schema.getType()) {
      case RECORD -> {
        SpecificRecord record = (SpecificRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.pos(), value(model, field.schema()));
        }
        yield record;
      }
      case UNION ->
          value(
              model,
              schema.getTypes().stream()
                  .filter(branch -> branch.getType() != Schema.Type.NULL)
                  .findFirst()
                  .orElseThrow());
      case ENUM -> model.createEnum(schema.getEnumSymbols().get(0), schema);
      case ARRAY -> List.of(value(model, schema.getElementType()));
      case MAP -> Map.of("k", value(model, schema.getValueType()));
      case STRING -> "滨州 " + schema.getName();
      case INT -> 7;
      case LONG -> 42L;
      case FLOAT -> 1.5f;
      case DOUBLE -> 12.25;
      case BOOLEAN -> true;
      case BYTES -> ByteBuffer.wrap(new byte[] {1, 2});
      case FIXED -> model.createFixed(null, new byte[schema.getFixedSize()], schema);
      case NULL -> null;
    };
  }

  /** Writes as the topic's serde does, and a header when it is given the headers. */
  private record HeaderWritingSerde(Serde<Alert> serde) implements Serde<Alert>, Serializer<Alert> {

    @Override
    public byte[] serialize(String topic, Alert data) {
      return serde.serializer().serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Alert data) {
      headers.add("written-by", "alerts".getBytes(StandardCharsets.UTF_8));
      return serialize(topic, data);
    }

    @Override
    public Serializer<Alert> serializer() {
      return this;
    }

    @Override
    public Deserializer<Alert> deserializer() {
      return serde.deserializer();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}
  }
}
