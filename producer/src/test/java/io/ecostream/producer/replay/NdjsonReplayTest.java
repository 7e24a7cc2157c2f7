package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.file;
import static io.ecostream.producer.fixtures.ReplayFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.Pacing;
import io.ecostream.producer.fixtures.FakeClock;
import io.ecostream.producer.fixtures.RecordingSink;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.RecordLine;
import io.ecostream.topics.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonReplayTest {

  /** 2024-01-15 10:00 in Beijing. */
  private static final Instant T0 = Instant.parse("2024-01-15T02:00:00Z");

  private static final EcostreamTopics TOPICS = EcostreamTopics.withPrefix("recorded");

  private static final Station BZ_A01 =
      Station.newBuilder()
          .setStationId("BZ-A01")
          .setName("市环保局")
          .setKind(StationKind.AIR)
          .setCityId("binzhou")
          .setCityName("滨州")
          .setProvince("Shandong")
          .build();

  @TempDir Path dir;

  private final FakeClock wall = new FakeClock(Instant.parse("2025-06-01T08:00:00Z"));

  @Test
  void shouldSendStationsFirstThenAirAndWaterOfAllFilesMergedInEventTime() throws IOException {
    Path airFile =
        file(
            dir,
            "air.ndjson",
            line(TOPICS.airReadings(), air("BZ-A01", T0, null)),
            "",
            line(TOPICS.airReadings(), air("BZ-A01", T0.plusSeconds(3600), 40.0)),
            line(TOPICS.stations(), BZ_A01));
    Path waterFile =
        file(
            dir,
            "water.ndjson",
            line(TOPICS.waterReadings(), water("BZ-W01", T0.plusSeconds(1800))));

    RecordingSink sink =
        replay(ReplaySettings.of(ReplayFormat.NDJSON, List.of(airFile, waterFile)));

    assertThat(sink.all)
        .containsExactly(
            BZ_A01,
            air("BZ-A01", T0, null),
            water("BZ-W01", T0.plusSeconds(1800)),
            air("BZ-A01", T0.plusSeconds(3600), 40.0));
  }

  @Test
  void shouldSendRecordsOutOfTimeOrderWithinTheirFileAsTheyComeAndCountThem() throws IOException {
    Path recording =
        file(
            dir,
            "recording.ndjson",
            line(TOPICS.airReadings(), air("BZ-A01", T0.plusSeconds(3600), 40.0)),
            line(TOPICS.airReadings(), air("BZ-A01", T0, 10.0)));

    ReplaySummary summary;
    RecordingSink sink = new RecordingSink();
    try (Replay replay = Replay.open(ReplaySettings.of(ReplayFormat.NDJSON, List.of(recording)))) {
      summary = replay.run(sink);
    }

    assertThat(sink.air)
        .containsExactly(air("BZ-A01", T0.plusSeconds(3600), 40.0), air("BZ-A01", T0, 10.0));
    assertThat(summary.outOfOrder()).isEqualTo(1);
  }

  @Test
  void shouldLeaveOutAndCountOtherTopicsTombstonesAndUndecodableValues() throws IOException {
    Path recording =
        file(
            dir,
            "recording.ndjson",
            line(TOPICS.airReadings(), air("BZ-A01", T0, 10.0)),
            "{\"topic\":\"air.city-daily\",\"partition\":0,\"offset\":0,\"key\":\"binzhou@2024-01-15\","
                + "\"value\":{\"cityId\":\"binzhou\"}}",
            "{\"topic\":\"air.city-daily\",\"value\":null}",
            "{\"topic\":\"stations\",\"key\":\"BZ-A02\",\"value\":null}",
            "{\"topic\":\"air.readings\",\"value\":null,\"undecodable\":true,\"rawValue\":\"AAE=\"}");

    Replay replay = Replay.open(ReplaySettings.of(ReplayFormat.NDJSON, List.of(recording)));
    RecordingSink sink = new RecordingSink();
    ReplaySummary summary;
    try (replay) {
      summary = replay.run(sink);
    }

    assertThat(sink.air).containsExactly(air("BZ-A01", T0, 10.0));
    assertThat(sink.stations).isEmpty();
    assertThat(summary.skipped())
        .containsExactly(
            Map.entry("air.city-daily", 2L),
            Map.entry("tombstones", 1L),
            Map.entry("undecodable values", 1L));
    assertThat(summary.badLines()).isZero();
  }

  @Test
  void shouldReportMalformedLinesWithFileLineAndReason() throws IOException {
    Path recording =
        file(
            dir,
            "bad.ndjson",
            "{\"topic\":\"air.readings\",\"value\":",
            line(TOPICS.airReadings(), air("BZ-A01", T0, 10.0)),
            "{\"topic\":\"air.readingz\",\"value\":null}",
            "{\"topic\":\"air.readings\",\"value\":{\"stationId\":\"BZ-A01\",\"cityId\":\"binzhou\"}}",
            "{\"value\":{}}");

    ReplaySummary summary;
    try (Replay replay = Replay.open(ReplaySettings.of(ReplayFormat.NDJSON, List.of(recording)))) {
      summary = replay.run(new RecordingSink());
    }

    assertThat(summary.readingsSent()).isEqualTo(1);
    assertThat(summary.badLineExamples())
        .extracting(BadLine::line, BadLine::reason, BadLine::detail)
        .containsExactly(
            tuple(1L, BadLineReason.NOT_JSON, summary.badLineExamples().get(0).detail()),
            tuple(3L, BadLineReason.UNKNOWN_TOPIC, "air.readingz"),
            tuple(4L, BadLineReason.BAD_VALUE, "AirReading.hourStart: missing"),
            tuple(5L, BadLineReason.NOT_JSON, "no \"topic\""));
    assertThat(summary.badLineExamples().get(0).toString())
        .startsWith(recording + ":1: not a record line: not JSON");
  }

  @Test
  void shouldKeepOnlyTheRecordsOfTheDaysFromTo() throws IOException {
    Instant nextDay = T0.plus(Duration.ofDays(1));
    Path recording =
        file(
            dir,
            "recording.ndjson",
            line(TOPICS.airReadings(), air("BZ-A01", T0, 1.0)),
            line(TOPICS.waterReadings(), water("BZ-W01", nextDay)),
            line(TOPICS.airReadings(), air("BZ-A01", nextDay, 2.0)));

    RecordingSink sink =
        replay(
            ReplaySettings.of(ReplayFormat.NDJSON, List.of(recording))
                .withPeriod(Optional.of(LocalDate.of(2024, 1, 16)), Optional.empty()));

    assertThat(sink.all).containsExactly(air("BZ-A01", nextDay, 2.0), water("BZ-W01", nextDay));
  }

  @Test
  void shouldPaceEachRecordAsItsOwnKindIsKnown() throws IOException {
    Path recording =
        file(
            dir,
            "recording.ndjson",
            line(TOPICS.airReadings(), air("BZ-A01", T0, 1.0)),
            line(TOPICS.waterReadings(), water("BZ-W01", T0.plusSeconds(3 * 3600))));
    Instant started = wall.instant();

    replay(
        ReplaySettings.of(ReplayFormat.NDJSON, List.of(recording)).withPacing(Pacing.speed(3600)));

    // The water sample is known at its sampledAt, 3 h after the first hourStart: 3 s at speed 3600.
    assertThat(Duration.between(started, wall.instant())).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldReadGzippedRecordingsAndFindThemInADirectory() throws IOException {
    Path plain = file(dir, "recording.ndjson", line(TOPICS.airReadings(), air("BZ-A01", T0, 1.0)));
    gzip(plain);
    Files.delete(plain);

    List<Path> files = ReplayFiles.expand(List.of(dir), ReplayFormat.NDJSON);
    RecordingSink sink = replay(ReplaySettings.of(ReplayFormat.NDJSON, files));

    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("recording.ndjson.gz");
    assertThat(sink.air).containsExactly(air("BZ-A01", T0, 1.0));
  }

  @Test
  void shouldRefuseAFileThatIsNoRecording() {
    Path csv = file(dir, "readings.ndjson", "station_id,city_id,hour_start,pm25");

    assertThatThrownBy(() -> Replay.open(ReplaySettings.of(ReplayFormat.NDJSON, List.of(csv))))
        .isInstanceOf(ReplayFileException.class)
        .hasMessage(csv + ": not an ndjson file: line 1 is not a JSON object");
  }

  private RecordingSink replay(ReplaySettings settings) throws IOException {
    RecordingSink sink = new RecordingSink();
    try (Replay replay = Replay.open(settings, wall, wall.sleeper())) {
      replay.run(sink);
    }
    return sink;
  }

  private static <V> String line(Topic<String, V> topic, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    return RecordLine.of(TOPICS, topic, 0, 0, 0, "key", bytes).toJson().toString();
  }

  private static AirReading air(String station, Instant hourStart, Double pm25) {
    return AirReading.newBuilder()
        .setStationId(station)
        .setCityId("binzhou")
        .setHourStart(hourStart)
        .setPm25(pm25)
        .setO3(pm25 == null ? null : pm25 * 2)
        .build();
  }

  private static WaterSample water(String station, Instant sampledAt) {
    return WaterSample.newBuilder()
        .setStationId(station)
        .setCityId("binzhou")
        .setSampledAt(sampledAt)
        .setMethod(SamplingMethod.AUTOMATIC)
        .setAmmoniaNitrogen(0.42)
        .build();
  }
}
