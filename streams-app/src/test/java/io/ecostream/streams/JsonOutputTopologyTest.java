package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.pm25;
import static io.ecostream.streams.AirReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.StationKind;
import io.ecostream.serde.AvroSerde;
import io.ecostream.serde.OutputFormat;
import io.ecostream.streams.air.AirPipeline;
import io.ecostream.topics.EcostreamTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline started as {@code run --output-format json}: the figures and alerts are plain JSON
 * objects a consumer parses with any JSON library, while the dead letters and the internal topics
 * stay Avro. The figures are those of {@link EcostreamTopologyTest}, worked out there by hand.
 */
class JsonOutputTopologyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);
  private static final LocalDate NEW_YEAR = LocalDate.of(2024, 1, 1);

  @TempDir Path stateDir;

  @AutoClose private PipelineTestDriver pipeline;
  private EcostreamTopics topics;

  @BeforeEach
  void startPipeline() {
    pipeline =
        PipelineTestDriver.start(AirReadings.CONSTANT_HOURS_SETTINGS, stateDir, OutputFormat.JSON);
    topics = pipeline.topics();
  }

  @Test
  void shouldWriteTheStationHourAsAPlainJsonObject() throws IOException {
    TestOutputTopic<String, byte[]> stationHourly =
        pipeline.rawOutput(topics.stationHourly().name());
    pipeline.send(
        reading("BZ-A01", "binzhou", DAY.atTime(10, 0))
            .setSo2(10.0)
            .setNo2(45.0)
            .setCo(1.2)
            .setO3(150.0)
            .setPm10(120.0)
            .setPm25(80.0)
            .build());

    KeyValue<String, byte[]> hour = stationHourly.readKeyValue();
    JsonNode json = JSON.readTree(hour.value);
    assertThat(hour.key).isEqualTo("BZ-A01@2024-01-15T10");
    assertThat(json.get("stationId").textValue()).isEqualTo("BZ-A01");
    // 10:00 in Beijing (UTC+8) is 02:00 UTC
    assertThat(json.get("hourStart").textValue()).isEqualTo("2024-01-15T02:00:00Z");
    assertThat(json.get("localDate").textValue()).isEqualTo("2024-01-15");
    assertThat(json.get("localHour").intValue()).isEqualTo(10);
    assertThat(json.get("edition").textValue()).isEqualTo("HJ_633_2012");
    // a union is its plain value, not Avro's {"double": 80.0}
    assertThat(json.get("pm25").isDouble()).isTrue();
    assertThat(json.get("pm25").doubleValue()).isEqualTo(80.0);
    // HJ 633-2012: PM2.5 80 on 75-115 -> 100 + ⌈50·5/40⌉ = 107; PM10 120 on 50-150 -> 50 +
    // ⌈50·70/100⌉ = 85;
    // SO2 1 h 10 on 0-150 -> ⌈50·10/150⌉ = 4; NO2 1 h 45 on 0-100 -> ⌈22.5⌉ = 23
    assertThat(json.get("iaqiPm25").intValue()).isEqualTo(107);
    assertThat(json.get("iaqiPm10").intValue()).isEqualTo(85);
    assertThat(json.get("iaqiSo2").intValue()).isEqualTo(4);
    assertThat(json.get("iaqiNo2").intValue()).isEqualTo(23);
    assertThat(json.get("aqi").intValue()).isEqualTo(107);
    assertThat(json.get("category").textValue()).isEqualTo("LIGHTLY_POLLUTED");
    assertThat(texts(json.get("primaryPollutants"))).containsExactly("PM2.5");
    // one hour: no 24-hour moving mean yet
    assertThat(json.get("pm25Moving24h").isNull()).isTrue();
    assertThat(json.get("revision").longValue()).isEqualTo(1);
    assertThat(fieldNames(json))
        .containsExactlyElementsOf(fieldNamesOf(StationHourlyAqi.getClassSchema()));
  }

  @Test
  void shouldWriteTheCityDayAsJsonThatReadsBackIntoTheRecord() throws IOException {
    TestOutputTopic<String, byte[]> cityDaily = pipeline.rawOutput(topics.cityDaily().name());
    for (int h = 0; h < 24; h++) {
      pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), 30 + h)); // mean 30 + 11.5 = 41.5
      pipeline.send(pm25("BZ-A02", "binzhou", DAY.atTime(h, 0), 60)); // mean 60
    }
    pipeline.send(pm25("BZ-A01", "binzhou", DAY.plusDays(1).atTime(0, 0), 99)); // next day

    Map<String, byte[]> latest = new LinkedHashMap<>();
    cityDaily.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    byte[] bytes = latest.get("binzhou@2024-01-15");
    JsonNode day = JSON.readTree(bytes);
    assertThat(day.get("cityId").textValue()).isEqualTo("binzhou");
    assertThat(day.get("date").textValue()).isEqualTo("2024-01-15");
    assertThat(day.get("pm25").doubleValue()).isEqualTo(50.75); // (41.5 + 60) / 2
    assertThat(day.get("so2").isNull()).as("no SO2 was measured").isTrue();
    assertThat(day.get("stationsReporting").intValue()).isEqualTo(2);
    assertThat(day.get("stationHours").intValue()).isEqualTo(48);
    assertThat(day.get("revision").longValue()).isEqualTo(48);

    CityDaily read =
        topics
            .cityDaily()
            .valueSerde()
            .deserializer()
            .deserialize(topics.cityDaily().name(), bytes);
    assertThat(read.getPm25()).isEqualTo(50.75);
    assertThat(read.getDate()).isEqualTo(DAY);
  }

  @Test
  void shouldRankThroughTheAvroRepartitionAndWriteTheRankingAsJson() throws IOException {
    TestOutputTopic<String, byte[]> ranking = pipeline.rawOutput(topics.airRanking().name());
    TestOutputTopic<String, byte[]> repartition =
        pipeline.rawOutput(
            "ecostream-pipeline-test-" + AirPipeline.RANKING_BY_PROVINCE + "-repartition");
    station("LC-A01", "liaocheng", "Shandong");
    for (int h = 0; h < 24; h++) {
      pipeline.send(pm25("LC-A01", "liaocheng", NEW_YEAR.atTime(h, 0), 80));
    }

    Map<String, JsonNode> latest = new LinkedHashMap<>();
    for (KeyValue<String, byte[]> kv : ranking.readKeyValuesToList()) {
      latest.put(kv.key, JSON.readTree(kv.value));
    }
    assertThat(latest).containsOnlyKeys("Shandong@2024", "Shandong@2024-01");
    JsonNode year = latest.get("Shandong@2024");
    assertThat(year.get("periodType").textValue()).isEqualTo("YEAR_TO_DATE");
    assertThat(year.get("asOf").textValue()).isEqualTo("2024-01-01");
    // PM2.5 80 for 24 hours: the daily mean, the month and the year are 80
    JsonNode entry = year.get("byPm25").get(0);
    assertThat(entry.get("cityId").textValue()).isEqualTo("liaocheng");
    assertThat(entry.get("rank").intValue()).isEqualTo(1);
    assertThat(entry.get("value").doubleValue()).isEqualTo(80.0);
    assertThat(entry.get("to").textValue()).isEqualTo("2024-01-01");
    assertThat(entry.get("sufficient").booleanValue()).isTrue();

    List<byte[]> internal = repartition.readValuesToList();
    assertThat(internal).isNotEmpty().allSatisfy(JsonOutputTopologyTest::assertSingleObjectAvro);
  }

  @Test
  void shouldKeepDeadLettersInAvro() {
    TestOutputTopic<String, byte[]> deadLetters = pipeline.rawOutput(topics.deadLetters().name());
    pipeline.send(reading("BZ-A01", "binzhou", DAY.atTime(3, 0)).setPm25(Double.NaN).build());

    byte[] bytes = deadLetters.readValue();
    assertSingleObjectAvro(bytes);
    DeadLetter letter =
        AvroSerde.of(DeadLetter.class).deserialize(topics.deadLetters().name(), bytes);
    assertThat(letter.getDetail()).isEqualTo("pm25 is not a number: NaN");
  }

  private static void assertSingleObjectAvro(byte[] bytes) {
    assertThat(bytes).startsWith((byte) 0xC3, (byte) 0x01);
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotStartWith("{");
  }

  private void station(String stationId, String cityId, String province) {
    Station station =
        Station.newBuilder()
            .setStationId(stationId)
            .setName(stationId)
            .setKind(StationKind.AIR)
            .setCityId(cityId)
            .setCityName(cityId)
            .setProvince(province)
            .build();
    pipeline
        .input(topics.stations())
        .pipeInput(stationId, station, NEW_YEAR.atStartOfDay(AirReadings.BEIJING).toInstant());
    pipeline.advanceWallClockTime(PipelineTestDriver.COMMIT_INTERVAL);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.textValue()));
    return texts;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static List<String> fieldNamesOf(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::name).toList();
  }
}
