package io.ecostream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON of the output topics ({@code run --output-format json}) as a consumer without Avro sees
 * it: parsed with Jackson alone and compared with the record, field by field.
 */
class OutputSerdeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "ecostream.air.city-daily";

  private static CityDaily cityDay() {
    return CityDaily.newBuilder()
        .setCityId("binzhou")
        .setDate(LocalDate.of(2026, 3, 2))
        .setEdition(AqiEdition.HJ_633_2026)
        .setPm25(41.5)
        .setPm10(72.0)
        .setIaqiPm25(59)
        .setAqi(59)
        .setCategory(AqiCategory.GOOD)
        .setPrimaryPollutants(List.of("PM2.5"))
        .setRunningAqi(59)
        .setValid(true)
        .setStationsReporting(3)
        .setStationsComplete(2)
        .setStationHours(70)
        .setRevision(70)
        .build();
  }

  @Test
  void shouldWriteACityDayAsAPlainJsonObjectWithTheSchemasFieldNames() throws IOException {
    byte[] bytes = OutputSerde.of(CityDaily.class, OutputFormat.JSON).serialize(TOPIC, cityDay());

    JsonNode json = JSON.readTree(bytes);
    assertThat(json.get("cityId").textValue()).isEqualTo("binzhou");
    assertThat(json.get("date").textValue()).isEqualTo("2026-03-02");
    assertThat(json.get("edition").textValue()).isEqualTo("HJ_633_2026");
    assertThat(json.get("pm25").doubleValue()).isEqualTo(41.5);
    assertThat(json.get("pm10").doubleValue()).isEqualTo(72.0);
    assertThat(json.get("so2").isNull()).isTrue();
    assertThat(json.get("iaqiPm25").intValue()).isEqualTo(59);
    assertThat(json.get("category").textValue()).isEqualTo("GOOD");
    assertThat(json.get("primaryPollutants").size()).isEqualTo(1);
    assertThat(json.get("primaryPollutants").get(0).textValue()).isEqualTo("PM2.5");
    assertThat(json.get("valid").booleanValue()).isTrue();
    assertThat(json.get("dustAffected").booleanValue()).isFalse();
    assertThat(json.get("revision").longValue()).isEqualTo(70);
    assertThat(fieldNames(json)).containsExactlyElementsOf(fieldNames(CityDaily.getClassSchema()));
  }

  @Test
  void shouldWriteAnAlertsTimestampAsAnIsoInstantAndAnAbsentDayAsNull() throws IOException {
    Alert alert =
        Alert.newBuilder()
            .setAlertId("station-silent@BZ-A01")
            .setType("STATION_SILENT")
            .setStatus(AlertStatus.RAISED)
            .setCityId("binzhou")
            .setStationId("BZ-A01")
            .setMessage("no reading for 3 hours")
            .setEventTime(Instant.parse("2026-03-02T16:00:00Z"))
            .build();

    JsonNode json =
        JSON.readTree(
            OutputSerde.of(Alert.class, OutputFormat.JSON).serialize("ecostream.alerts", alert));

    assertThat(json.get("status").textValue()).isEqualTo("RAISED");
    assertThat(json.get("stationId").textValue()).isEqualTo("BZ-A01");
    assertThat(json.get("date").isNull()).isTrue();
    assertThat(json.get("value").isNull()).isTrue();
    assertThat(json.get("eventTime").textValue()).isEqualTo("2026-03-02T16:00:00Z");
  }

  static List<Class<? extends SpecificRecord>> outputTypes() {
    EcostreamTopics topics = EcostreamTopics.withDefaultPrefix();
    List<Class<? extends SpecificRecord>> types = new ArrayList<>();
    for (Topic<String, ?> topic : topics.outputsAndAlerts()) {
      types.add(((RecordSerde<?>) topic.valueSerde()).type());
    }
    return types;
  }

  @Test
  void shouldCoverTheTenFigureTopicsAndTheAlerts() {
    assertThat(outputTypes()).hasSize(11).contains(CityDaily.class, Alert.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputTypes")
  <T extends SpecificRecord> void shouldWriteEveryOutputTypeAsJsonThatJacksonReadsAsTheRecord(
      Class<T> type) throws IOException {
    OutputSerde<T> serde = OutputSerde.of(type, OutputFormat.JSON);
    RandomRecords random =
        new RandomRecords(type.getName().hashCode(), SpecificData.getForClass(type));
    for (int i = 0; i < 200; i++) {
      T record = random.next(type);
      byte[] bytes = serde.serialize("topic", record);

      assertThat(bytes[0]).isEqualTo((byte) '{');
      assertMatches(JSON.readTree(bytes), record, type.getSimpleName());
      // JSON keeps no NaN (a nullable one reads back as null, others as NaN without its payload,
      // which Avro's record equality compares): the read record is compared through its JSON
      assertThat(serde.serialize("topic", serde.deserialize("topic", bytes))).isEqualTo(bytes);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputTypes")
  <T extends SpecificRecord> void shouldReadTheOtherFormatToo(Class<T> type) {
    OutputSerde<T> json = OutputSerde.of(type, OutputFormat.JSON);
    OutputSerde<T> avro = OutputSerde.of(type, OutputFormat.AVRO);
    T record = new RandomRecords(5, SpecificData.getForClass(type)).next(type);

    byte[] avroBytes = avro.serialize("topic", record);
    assertThat(avroBytes).startsWith((byte) 0xC3, (byte) 0x01);
    assertThat(avroBytes).isEqualTo(AvroSerde.of(type).serialize("topic", record));
    assertThat(json.deserialize("topic", avroBytes)).isEqualTo(record);
    // A NaN does not survive JSON (see above): the record read from JSON is compared as JSON.
    byte[] jsonBytes = json.serialize("topic", record);
    assertThat(json.serialize("topic", avro.deserialize("topic", jsonBytes))).isEqualTo(jsonBytes);
  }

  @Test
  void shouldWriteNaNAsNullSinceJsonHasNoSuchNumber() throws IOException {
    OutputSerde<CityDaily> serde = OutputSerde.of(CityDaily.class, OutputFormat.JSON);
    CityDaily day =
        CityDaily.newBuilder(cityDay())
            .setPm25(Double.NaN)
            .setPm10(Double.NEGATIVE_INFINITY)
            .build();

    byte[] bytes = serde.serialize(TOPIC, day);

    JsonNode json = JSON.readTree(bytes);
    assertThat(json.get("pm25").isNull()).isTrue();
    assertThat(json.get("pm10").isNull()).isTrue();
    assertThat(serde.deserialize(TOPIC, bytes).getPm25())
        .as("a nullable figure reads back as absent")
        .isNull();
  }

  @Test
  void shouldStillReadNonNumbersWrittenAsText() {
    OutputSerde<CityDaily> serde = OutputSerde.of(CityDaily.class, OutputFormat.JSON);
    ObjectNode json = AvroJson.toTree(cityDay());
    json.put("pm25", "NaN");
    json.put("pm10", "-Infinity");

    CityDaily read = serde.deserialize(TOPIC, json.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(read.getPm25()).isNaN();
    assertThat(read.getPm10()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void shouldPassTombstonesThrough() {
    OutputSerde<CityDaily> serde = OutputSerde.of(CityDaily.class, OutputFormat.JSON);
    assertThat(serde.serialize(TOPIC, null)).isNull();
    assertThat(serde.deserialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldReadJsonAfterWhiteSpace() {
    OutputSerde<CityDaily> serde = OutputSerde.of(CityDaily.class, OutputFormat.JSON);
    byte[] json = serde.serialize(TOPIC, cityDay());
    byte[] indented =
        ("\n  " + new String(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

    assertThat(serde.deserialize(TOPIC, indented)).isEqualTo(cityDay());
  }

  @Test
  void shouldNameTheTypeAndTheFieldOfJsonThatDoesNotFit() {
    OutputSerde<CityDaily> serde = OutputSerde.of(CityDaily.class, OutputFormat.JSON);
    byte[] bad = "{\"cityId\": 7}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserialize(TOPIC, bad))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot decode CityDaily JSON from topic " + TOPIC)
        .hasMessageContaining("CityDaily.cityId: expected a string, found 7");
  }

  /**
   * What a consumer reads from the JSON, worked out from the record alone: numbers as numbers,
   * text, enums and ISO-8601 dates and instants as strings, a union as its value, null as null.
   */
  private static void assertMatches(JsonNode json, Object value, String path) {
    if (value == null) {
      assertThat(json.isNull()).as(path).isTrue();
    } else if (value instanceof IndexedRecord record) {
      assertThat(fieldNames(json))
          .as(path)
          .containsExactlyElementsOf(fieldNames(record.getSchema()));
      for (Schema.Field field : record.getSchema().getFields()) {
        assertMatches(json.get(field.name()), record.get(field.pos()), path + "." + field.name());
      }
    } else if (value instanceof Double d && !Double.isFinite(d)) {
      assertThat(json.isNull()).as(path + " = " + d + ": JSON has no such number").isTrue();
    } else if (value instanceof Double d) {
      assertThat(json.isNumber()).as(path).isTrue();
      assertThat(Double.compare(json.doubleValue(), d))
          .as(path + " = " + d + ", JSON " + json)
          .isZero();
    } else if (value instanceof Float f) {
      assertThat((float) json.doubleValue()).as(path).isEqualTo(f);
    } else if (value instanceof Integer || value instanceof Long) {
      assertThat(json.isIntegralNumber()).as(path).isTrue();
      assertThat(json.longValue()).as(path).isEqualTo(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      assertThat(json.booleanValue()).as(path).isEqualTo(b);
    } else if (value instanceof Instant instant) {
      assertThat(Instant.parse(json.textValue())).as(path).isEqualTo(instant);
    } else if (value instanceof LocalDate date) {
      assertThat(LocalDate.parse(json.textValue())).as(path).isEqualTo(date);
    } else if (value instanceof CharSequence || value instanceof Enum<?>) {
      assertThat(json.textValue()).as(path).isEqualTo(value.toString());
    } else if (value instanceof Collection<?> items) {
      assertThat(json.isArray()).as(path).isTrue();
      assertThat(json.size()).as(path).isEqualTo(items.size());
      int i = 0;
      for (Object item : items) {
        assertMatches(json.get(i), item, path + "[" + i++ + "]");
      }
    } else if (value instanceof Map<?, ?> map) {
      assertThat(json.size()).as(path).isEqualTo(map.size());
      map.forEach((k, v) -> assertMatches(json.get(k.toString()), v, path + "." + k));
    } else if (value instanceof ByteBuffer) {
      assertThat(json.isTextual()).as(path + ": Base64").isTrue();
    } else {
      throw new AssertionError(
          path + ": a value of " + value.getClass() + " the test does not know");
    }
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static List<String> fieldNames(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::name).toList();
  }
}
