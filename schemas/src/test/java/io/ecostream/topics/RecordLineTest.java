package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.serde.OutputFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordLineTest {

  private static final Instant TEN_O_CLOCK_BEIJING = Instant.parse("2024-01-15T02:00:00Z");

  private final EcostreamTopics topics = EcostreamTopics.withPrefix("prod");

  @Test
  void shouldRoundTripAnAirReadingWithMissingPollutants() {
    AirReading reading =
        AirReading.newBuilder()
            .setStationId("BZ-A01")
            .setCityId("binzhou")
            .setHourStart(TEN_O_CLOCK_BEIJING)
            .setPm25(80.0)
            .setCo(0.1)
            .build();

    RecordLine read = roundTrip(topics.airReadings(), "BZ-A01", reading);

    assertThat(read.topic()).isEqualTo("air.readings");
    assertThat(read.key()).isEqualTo("BZ-A01");
    assertThat(read.partition()).isEqualTo(2);
    assertThat(read.offset()).isEqualTo(41);
    assertThat(read.timestamp()).contains(TEN_O_CLOCK_BEIJING);
    assertThat(read.valueAs(AirReading.class)).contains(reading);
  }

  @Test
  void shouldRoundTripAWaterSampleWithEnumsAndNulls() {
    WaterSample sample =
        WaterSample.newBuilder()
            .setStationId("BZ-W03")
            .setCityId("binzhou")
            .setSampledAt(Instant.parse("2024-01-15T01:00:00.123Z"))
            .setMethod(SamplingMethod.MANUAL)
            .setPh(7.81)
            .setAmmoniaNitrogen(1.0 / 3)
            .setPublishedClass("劣V")
            .build();

    assertThat(roundTrip(topics.waterReadings(), "BZ-W03", sample).valueAs(WaterSample.class))
        .contains(sample);
  }

  @Test
  void shouldRoundTripAStationWithNullsAndDefaults() {
    Station station =
        Station.newBuilder()
            .setStationId("BZ-W03")
            .setName("小开河")
            .setKind(StationKind.WATER)
            .setCityId("binzhou")
            .setCityName("滨州")
            .setWaterBody(WaterBodyType.RIVER)
            .setTargetClass(3)
            .build();

    assertThat(roundTrip(topics.stations(), "BZ-W03", station).valueAs(Station.class))
        .contains(station);
  }

  @Test
  void shouldWriteTheDocumentedLine() {
    RecordLine line =
        RecordLine.of(
            topics, topics.stations(), 0, 12, TEN_O_CLOCK_BEIJING.toEpochMilli(), "BZ-A01", null);

    assertThat(line.toJson().toString())
        .isEqualTo(
            "{\"topic\":\"stations\",\"partition\":0,\"offset\":12,"
                + "\"timestamp\":\"2024-01-15T02:00:00Z\",\"key\":\"BZ-A01\",\"value\":null}");
    assertThat(RecordLine.parse(line.toJson().toString()).isTombstone()).isTrue();
  }

  @Test
  void shouldKeepAnUndecodableValueAsBase64WithTheReason() {
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

    RecordLine line = RecordLine.of(topics, topics.airReadings(), 1, 7, 0, "BZ-A01", garbage);
    RecordLine read = RecordLine.parse(line.toJson().toString());

    assertThat(line.toJson().get("undecodable").asBoolean()).isTrue();
    assertThat(line.toJson().get("rawValue").asText()).isEqualTo("bm90IGF2cm8=");
    assertThat(read.isTombstone()).isFalse();
    assertThat(read.undecodable())
        .hasValueSatisfying(u -> assertThat(u.bytes()).isEqualTo(garbage));
    assertThat(read.undecodable().orElseThrow().error()).contains("cannot decode AirReading");
    assertThat(read.valueAs(AirReading.class)).isEmpty();
  }

  @Test
  void shouldReadALineWithOnlyTopicAndValue() {
    RecordLine read =
        RecordLine.parse(
            "{\"topic\":\"air.readings\",\"value\":{\"stationId\":\"S\",\"cityId\":\"c\","
                + "\"hourStart\":\"2024-01-15T02:00:00Z\"}}");

    assertThat(read.partition()).isEqualTo(-1);
    assertThat(read.timestamp()).isEmpty();
    assertThat(read.key()).isNull();
    assertThat(read.valueAs(AirReading.class).map(AirReading::getPm25)).isEqualTo(Optional.empty());
    assertThat(read.valueAs(AirReading.class).orElseThrow().getHourStart())
        .isEqualTo(TEN_O_CLOCK_BEIJING);
  }

  @Test
  void shouldSayWhatIsWrongWithAMalformedLine() {
    assertThatThrownBy(() -> RecordLine.parse("{\"topic\":\"air.readings\",\"value\":"))
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> RecordLine.parse("[1,2]")).hasMessage("not a JSON object");
    assertThatThrownBy(() -> RecordLine.parse("{\"value\":null}")).hasMessage("no \"topic\"");
    assertThatThrownBy(() -> RecordLine.parse("{\"topic\":\"stations\"}"))
        .hasMessage("no \"value\"");
    assertThatThrownBy(
            () ->
                RecordLine.parse(
                    "{\"topic\":\"stations\",\"timestamp\":\"yesterday\",\"value\":null}"))
        .hasMessage("\"timestamp\" is not an ISO-8601 instant: yesterday");
  }

  @Test
  void shouldNameTheFieldThatDoesNotFitTheSchema() {
    RecordLine noHour =
        RecordLine.parse(
            "{\"topic\":\"air.readings\",\"value\":{\"stationId\":\"S\",\"cityId\":\"c\"}}");
    RecordLine textPm25 =
        RecordLine.parse(
            "{\"topic\":\"air.readings\",\"value\":{\"stationId\":\"S\",\"cityId\":\"c\","
                + "\"hourStart\":\"2024-01-15T02:00:00Z\",\"pm25\":\"high\"}}");
    RecordLine badMethod =
        RecordLine.parse(
            "{\"topic\":\"water.readings\",\"value\":{\"stationId\":\"S\",\"cityId\":\"c\","
                + "\"sampledAt\":\"2024-01-15T02:00:00Z\",\"method\":\"BY_HAND\"}}");

    assertThatThrownBy(() -> noHour.valueAs(AirReading.class))
        .hasMessage("AirReading.hourStart: missing");
    assertThatThrownBy(() -> textPm25.valueAs(AirReading.class))
        .hasMessage("AirReading.pm25: expected one of [double] or null, found \"high\"");
    assertThatThrownBy(() -> badMethod.valueAs(WaterSample.class))
        .hasMessage("WaterSample.method: expected one of [AUTOMATIC, MANUAL], found \"BY_HAND\"");
  }

  /** What tail prints of a deployment started with --output-format json, without being told. */
  @Test
  void shouldPrintTheSameLineOfAJsonOutputValueAsOfItsAvroValue() {
    CityDaily day =
        CityDaily.newBuilder()
            .setCityId("binzhou")
            .setDate(LocalDate.of(2024, 1, 15))
            .setEdition(AqiEdition.HJ_633_2012)
            .setPm25(50.75)
            .setStationsReporting(2)
            .setStationsComplete(0)
            .setStationHours(48)
            .setRevision(48)
            .build();
    Topic<String, CityDaily> json = topics.withOutputFormat(OutputFormat.JSON).cityDaily();
    byte[] jsonBytes = json.valueSerde().serializer().serialize(json.name(), day);
    byte[] avroBytes = topics.cityDaily().valueSerde().serializer().serialize(json.name(), day);

    RecordLine fromJson =
        RecordLine.of(topics, topics.cityDaily(), 0, 7, -1, "binzhou@2024-01-15", jsonBytes);
    RecordLine fromAvro =
        RecordLine.of(topics, topics.cityDaily(), 0, 7, -1, "binzhou@2024-01-15", avroBytes);

    assertThat(fromJson.undecodable()).isEmpty();
    assertThat(fromJson.value().get("pm25").doubleValue()).isEqualTo(50.75);
    assertThat(fromJson.toJson()).isEqualTo(fromAvro.toJson());
    assertThat(fromJson.valueAs(CityDaily.class)).contains(day);
  }

  private <V> RecordLine roundTrip(Topic<String, V> topic, String key, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    RecordLine written =
        RecordLine.of(topics, topic, 2, 41, TEN_O_CLOCK_BEIJING.toEpochMilli(), key, bytes);
    return RecordLine.parse(written.toJson().toString());
  }
}
