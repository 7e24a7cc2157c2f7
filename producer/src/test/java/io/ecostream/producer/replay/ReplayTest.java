package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.CSV_HEADER;
import static io.ecostream.producer.fixtures.ReplayFixtures.DONGSI;
import static io.ecostream.producer.fixtures.ReplayFixtures.SHANDONG;
import static io.ecostream.producer.fixtures.ReplayFixtures.TIANTAN;
import static io.ecostream.producer.fixtures.ReplayFixtures.cnemcWater;
import static io.ecostream.producer.fixtures.ReplayFixtures.csvLine;
import static io.ecostream.producer.fixtures.ReplayFixtures.file;
import static io.ecostream.producer.fixtures.ReplayFixtures.sample;
import static io.ecostream.producer.fixtures.Simulations.beijing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.Pacing;
import io.ecostream.producer.SimulationResult.StopReason;
import io.ecostream.producer.fixtures.FakeClock;
import io.ecostream.producer.fixtures.RecordingSink;
import io.ecostream.producer.replay.ReplaySummary.FileSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

  private static final Instant WALL = Instant.parse("2025-06-01T08:00:00Z");

  @TempDir Path dir;

  private final FakeClock wall = new FakeClock(WALL);

  @Test
  void shouldSendEveryStationFirstThenAllFilesMergedInEventTimeOrderTiesByStationId()
      throws IOException {
    RecordingSink sink = replay(ReplaySettings.of(ReplayFormat.PRSA, prsaSamples(TIANTAN, DONGSI)));

    assertThat(sink.all.subList(0, 2))
        .extracting(r -> ((Station) r).getStationId())
        .containsExactly("BJ-Tiantan", "BJ-Dongsi");
    assertThat(sink.all.subList(2, sink.all.size())).hasOnlyElementsOfType(AirReading.class);
    assertThat(sink.air)
        .extracting(AirReading::getStationId, AirReading::getHourStart)
        .containsExactly(
            tuple("BJ-Dongsi", beijing(2013, 3, 1, 0, 0)),
            tuple("BJ-Tiantan", beijing(2013, 3, 1, 0, 0)),
            tuple("BJ-Dongsi", beijing(2013, 3, 1, 1, 0)),
            tuple("BJ-Tiantan", beijing(2013, 3, 1, 1, 0)),
            tuple("BJ-Dongsi", beijing(2013, 3, 1, 2, 0)),
            tuple("BJ-Tiantan", beijing(2013, 3, 1, 2, 0)),
            tuple("BJ-Dongsi", beijing(2013, 3, 1, 6, 0)));
  }

  @Test
  void shouldGiveTheSameOrderWhateverTheOrderOfTheFiles() throws IOException {
    List<Path> files = prsaSamples(DONGSI, TIANTAN);

    RecordingSink forward = replay(ReplaySettings.of(ReplayFormat.PRSA, files));
    RecordingSink backward =
        replay(ReplaySettings.of(ReplayFormat.PRSA, List.of(files.get(1), files.get(0))));

    assertThat(backward.air).isEqualTo(forward.air);
  }

  @Test
  void shouldLeaveOutReadingsBeforeFromAndFromToOn() throws IOException {
    Path file =
        file(
            dir,
            "days.csv",
            CSV_HEADER,
            csvLine("A", "binzhou", "2024-01-14T23:00", "1"),
            csvLine("A", "binzhou", "2024-01-15T00:00", "2"),
            csvLine("A", "binzhou", "2024-01-16T23:00", "3"),
            csvLine("A", "binzhou", "2024-01-17T00:00", "4"));
    ReplaySettings settings =
        ReplaySettings.of(ReplayFormat.CSV, List.of(file))
            .withPeriod(
                Optional.of(LocalDate.of(2024, 1, 15)), Optional.of(LocalDate.of(2024, 1, 17)));

    RecordingSink sink = new RecordingSink();
    ReplaySummary summary = run(settings, sink);

    assertThat(sink.air).extracting(AirReading::getPm25).containsExactly(2.0, 3.0);
    assertThat(summary.outsidePeriod()).isEqualTo(2);
    assertThat(summary.firstHourStart()).contains(beijing(2024, 1, 15, 0, 0));
    assertThat(summary.lastHourStart()).contains(beijing(2024, 1, 16, 23, 0));
  }

  @Test
  void shouldHandOverTheReadingsOfAnHourOnceItHasEndedInReplayedTime() throws IOException {
    Path file =
        file(
            dir,
            "paced.csv",
            CSV_HEADER,
            csvLine("A", "binzhou", "2024-01-15T10:00", "1"),
            csvLine("A", "binzhou", "2024-01-15T11:00", "2"),
            csvLine("B", "binzhou", "2024-01-15T11:00", "3"),
            csvLine("A", "binzhou", "2024-01-15T13:00", "4"));
    List<Instant> handedOver = new ArrayList<>();
    RecordingSink sink =
        new RecordingSink() {
          @Override
          public void air(AirReading reading) {
            handedOver.add(wall.instant());
            super.air(reading);
          }
        };

    run(ReplaySettings.of(ReplayFormat.CSV, List.of(file)).withPacing(Pacing.speed(3600)), sink);

    assertThat(handedOver)
        .containsExactly(
            WALL.plusSeconds(1), WALL.plusSeconds(2), WALL.plusSeconds(2), WALL.plusSeconds(4));
  }

  @Test
  void shouldStopBeforeTheNextReadingWhenAskedAndStillFlush() throws IOException {
    ReplaySettings settings = ReplaySettings.of(ReplayFormat.PRSA, prsaSamples(DONGSI));
    try (Replay replay = Replay.open(settings, wall, wall.sleeper())) {
      RecordingSink sink =
          new RecordingSink() {
            @Override
            public void air(AirReading reading) {
              super.air(reading);
              if (air.size() == 2) {
                replay.stop();
              }
            }
          };

      ReplaySummary summary = replay.run(sink);

      assertThat(sink.air).hasSize(2);
      assertThat(summary.stopReason()).isEqualTo(StopReason.STOPPED);
      assertThat(sink.flushes).isEqualTo(2);
    }
  }

  @Test
  void shouldSendTheMetadataOfAStationFoundLateJustBeforeItsFirstReading() throws IOException {
    String header =
        "\"No\",\"year\",\"month\",\"day\",\"hour\","
            + "\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\"CO\",\"O3\",\"station\"";
    Path joined =
        file(
            dir,
            "joined.csv",
            header,
            "1,2013,3,1,1,1,1,1,1,100,1,\"Dongsi\"",
            "2,2013,3,1,2,1,1,1,1,100,1,\"Dongsi\"",
            "3,2013,3,1,3,1,1,1,1,100,1,\"Dongsi\"",
            "1,2013,3,1,4,1,1,1,1,100,1,\"Tiantan\"");
    try (Replay replay = Replay.open(ReplaySettings.of(ReplayFormat.PRSA, List.of(joined)))) {
      assertThat(replay.stations()).extracting(Station::getStationId).containsExactly("BJ-Dongsi");

      RecordingSink sink = new RecordingSink();
      ReplaySummary summary = replay.run(sink);

      assertThat(sink.all)
          .extracting(r -> r instanceof Station s ? "station " + s.getStationId() : "reading")
          .containsExactly(
              "station BJ-Dongsi",
              "reading",
              "reading",
              "reading",
              "station BJ-Tiantan",
              "reading");
      assertThat(summary.stationsSent()).containsExactly("BJ-Dongsi", "BJ-Tiantan");
    }
  }

  @Test
  void shouldSummariseEachFileAndTheLinesSkipped() throws IOException {
    Path file = sample(dir, SHANDONG);

    ReplaySummary summary =
        run(ReplaySettings.of(ReplayFormat.CNEMC_CITY, List.of(file)), new RecordingSink());

    assertThat(summary.files())
        .containsExactly(
            new FileSummary(
                file,
                5,
                Map.of("SD-Binzhou-city", 2L, "SD-Weihai-city", 3L),
                Optional.of(Instant.parse("2022-12-31T14:00:00Z")),
                Optional.of(Instant.parse("2022-12-31T16:00:00Z")),
                4));
    assertThat(summary.readingsSent()).isEqualTo(5);
    assertThat(summary.badLinesByReason())
        .containsExactly(
            Map.entry(BadLineReason.NOT_A_NUMBER, 1L),
            Map.entry(BadLineReason.UNKNOWN_TYPE, 1L),
            Map.entry(BadLineReason.DUPLICATE, 1L),
            Map.entry(BadLineReason.OUT_OF_ORDER, 1L));
    assertThat(summary.badLineExamples()).hasSize(4);
    assertThat(summary.stopReason()).isEqualTo(StopReason.END);
  }

  @Test
  void shouldSendReadingsOutOfOrderInTheirFileAsTheyComeAndCountThem() throws IOException {
    Path file =
        file(
            dir,
            "unsorted.csv",
            CSV_HEADER,
            csvLine("A", "binzhou", "2024-01-15T11:00", "1"),
            csvLine("A", "binzhou", "2024-01-15T10:00", "2"));
    RecordingSink sink = new RecordingSink();

    ReplaySummary summary = run(ReplaySettings.of(ReplayFormat.CSV, List.of(file)), sink);

    assertThat(sink.air).extracting(AirReading::getPm25).containsExactly(1.0, 2.0);
    assertThat(summary.outOfOrder()).isEqualTo(1);
  }

  @Test
  void shouldTellTheListenerTheEventTimeReachedAndTheInputRead() throws IOException {
    List<String> told = new ArrayList<>();
    try (Replay replay =
        Replay.open(
            ReplaySettings.of(ReplayFormat.PRSA, prsaSamples(DONGSI)), wall, wall.sleeper())) {
      replay.run(
          new RecordingSink(),
          p -> told.add(p.eventTimeReached() + " " + p.readingsSent() + " " + p.inputFraction()));
    }

    assertThat(told)
        .containsExactly(
            "2013-02-28T17:00:00Z 1 1.0",
            "2013-02-28T18:00:00Z 2 1.0",
            "2013-02-28T19:00:00Z 3 1.0",
            "2013-02-28T23:00:00Z 4 1.0");
  }

  @Test
  void shouldMergeWaterFilesAndHandEachSampleOverAtItsOwnInstant() throws IOException {
    String header = "station_id,city,kind,sampled_at,nh3n";
    Path morning =
        file(
            dir,
            "morning.csv",
            header,
            "BZ-W01,binzhou,river,2024-01-10T09:30,0.1",
            "BZ-W01,binzhou,river,2024-01-10T12:30,0.2");
    Path later = file(dir, "later.csv", header, "BZ-W02,binzhou,lake,2024-01-10T10:00,0.3");
    List<Instant> handedOver = new ArrayList<>();
    RecordingSink sink =
        new RecordingSink() {
          @Override
          public void water(WaterSample sample) {
            handedOver.add(wall.instant());
            super.water(sample);
          }
        };

    ReplaySummary summary =
        run(
            ReplaySettings.of(ReplayFormat.WATER_CSV, List.of(morning, later))
                .withPacing(Pacing.speed(3600)),
            sink);

    assertThat(sink.all.subList(0, 2))
        .extracting(r -> ((Station) r).getStationId())
        .containsExactly("BZ-W01", "BZ-W02");
    assertThat(sink.water)
        .extracting(WaterSample::getStationId, WaterSample::getAmmoniaNitrogen)
        .containsExactly(tuple("BZ-W01", 0.1), tuple("BZ-W02", 0.3), tuple("BZ-W01", 0.2));
    // one replayed hour per second from 09:30: a sample is known when it is taken, not an hour
    // later
    assertThat(handedOver).containsExactly(WALL, WALL.plusMillis(500), WALL.plusSeconds(3));
    assertThat(summary.readingsSent()).isEqualTo(3);
    assertThat(summary.lastHourStart()).contains(Instant.parse("2024-01-10T04:30:00Z"));
  }

  @Test
  void shouldCountTheSamplesServedAsTheInputReadOfAFileSortedInMemory() throws IOException {
    List<Double> fractions = new ArrayList<>();
    List<Instant> reached = new ArrayList<>();
    try (Replay replay =
        Replay.open(
            ReplaySettings.of(ReplayFormat.CNEMC_WATER, List.of(cnemcWater(dir))),
            wall,
            wall.sleeper())) {
      replay.run(
          new RecordingSink(),
          p -> {
            fractions.add(p.inputFraction());
            reached.add(p.eventTimeReached());
          });
    }

    assertThat(fractions).isSorted().last().isEqualTo(1.0);
    assertThat(fractions.get(0)).isLessThan(0.5);
    assertThat(reached)
        .first()
        .as("HUANG-05's sample, 2023-03-01 04:00 Beijing")
        .isEqualTo(Instant.parse("2023-02-28T20:00:00Z"));
  }

  @Test
  void shouldKnowItsFirstHourBeforeItRuns() throws IOException {
    ReplaySettings settings =
        ReplaySettings.of(ReplayFormat.PRSA, prsaSamples(DONGSI))
            .withPeriod(Optional.of(LocalDate.of(2013, 3, 1)), Optional.empty());

    try (Replay replay = Replay.open(settings)) {
      assertThat(replay.start()).contains(beijing(2013, 3, 1, 0, 0));
    }
  }

  private List<Path> prsaSamples(String... names) {
    List<Path> files = new ArrayList<>();
    for (String name : names) {
      Path existing = dir.resolve(name);
      files.add(existing.toFile().exists() ? existing : sample(dir, name));
    }
    return files;
  }

  private RecordingSink replay(ReplaySettings settings) throws IOException {
    RecordingSink sink = new RecordingSink();
    run(settings, sink);
    return sink;
  }

  private ReplaySummary run(ReplaySettings settings, RecordingSink sink) throws IOException {
    try (Replay replay = Replay.open(settings, wall, wall.sleeper())) {
      return replay.run(sink);
    }
  }
}
