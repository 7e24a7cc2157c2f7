package io.ecostream.producer;

import static io.ecostream.producer.fixtures.Simulations.NEW_YEAR_2024;
import static io.ecostream.producer.fixtures.Simulations.SEED;
import static io.ecostream.producer.fixtures.Simulations.beijing;
import static io.ecostream.producer.fixtures.Simulations.days;
import static io.ecostream.producer.fixtures.Simulations.run;
import static io.ecostream.producer.fixtures.Simulations.simulate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.SimulationResult.StopReason;
import io.ecostream.producer.catalog.AirStation;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.producer.fixtures.FakeClock;
import io.ecostream.producer.fixtures.RecordingSink;
import io.ecostream.topics.EcostreamTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  private static final EcostreamTopics TOPICS = EcostreamTopics.withDefaultPrefix();
  private static final Instant WALL_START = Instant.parse("2025-06-01T00:00:00Z");

  @Test
  void shouldProduceByteIdenticalRecordsForTheSameSeed() {
    RecordingSink first = run(days(SEED, NEW_YEAR_2024, 11));
    RecordingSink second = run(days(SEED, NEW_YEAR_2024, 11));

    assertThat(first.water).anyMatch(s -> s.getCod() != null);
    assertThat(serialised(second)).containsExactlyElementsOf(serialised(first));
  }

  @Test
  void shouldProduceDifferentReadingsForADifferentSeed() {
    RecordingSink seed42 = run(days(42, NEW_YEAR_2024, 2));
    RecordingSink seed43 = run(days(43, NEW_YEAR_2024, 2));

    assertThat(seed43.stations).isEqualTo(seed42.stations);
    assertThat(seed43.air).hasSameSizeAs(seed42.air).isNotEqualTo(seed42.air);
    assertThat(seed43.water).hasSameSizeAs(seed42.water).isNotEqualTo(seed42.water);
  }

  @Test
  void shouldGiveTheChosenCitiesTheSameValuesAsAFullRun() {
    RecordingSink province = run(days(SEED, NEW_YEAR_2024, 3));
    RecordingSink binzhou = simulate(NEW_YEAR_2024, 3, "binzhou");

    assertThat(binzhou.air)
        .isNotEmpty()
        .containsExactlyElementsOf(
            province.air.stream().filter(r -> r.getCityId().equals("binzhou")).toList());
    assertThat(binzhou.water)
        .isNotEmpty()
        .containsExactlyElementsOf(
            province.water.stream().filter(s -> s.getCityId().equals("binzhou")).toList());
  }

  @Test
  void shouldCatchUpWithTheClockThenEmitEachHourWhenItEnds() {
    // 2025-06-01 10:30 in Beijing: the run from midnight has ten past hours to catch up.
    Instant now = Instant.parse("2025-06-01T02:30:00Z");
    FakeClock wall = new FakeClock(now);
    RecordingSink sink = new RecordingSink();
    List<Instant> caughtUp = new ArrayList<>();
    List<Instant> emittedAt = new ArrayList<>();
    Simulator simulator =
        Simulator.builder(SEED, LocalDate.of(2025, 6, 1))
            .cities(List.of("binzhou"))
            .water(false)
            .pacing(Pacing.asFastAsPossible())
            .clock(wall)
            .sleeper(wall.sleeper())
            .behindTheClock()
            .wallClockLimit(Duration.ofHours(3))
            .progress(
                new ProgressListener() {
                  @Override
                  public void hourDone(Instant simulatedUpTo, long hoursDone) {
                    emittedAt.add(wall.instant());
                  }

                  @Override
                  public void caughtUpWithClock(Instant nextHourEnd) {
                    caughtUp.add(nextHourEnd);
                  }
                })
            .build(sink);

    SimulationResult result = simulator.run();

    assertThat(result.hours()).as("10 past hours, then 11:00, 12:00 and 13:00").isEqualTo(13);
    assertThat(emittedAt.subList(0, 10)).containsOnly(now);
    assertThat(emittedAt.subList(10, 13))
        .containsExactly(
            Instant.parse("2025-06-01T03:00:00Z"),
            Instant.parse("2025-06-01T04:00:00Z"),
            Instant.parse("2025-06-01T05:00:00Z"));
    assertThat(caughtUp).containsExactly(Instant.parse("2025-06-01T03:00:00Z"));
    assertThat(sink.air)
        .allSatisfy(
            r -> assertThat(r.getHourStart()).isBefore(Instant.parse("2025-06-01T05:00:00Z")));
  }

  @Test
  void shouldSendEveryStationsMetadataBeforeAnyReading() {
    RecordingSink sink = simulate(NEW_YEAR_2024, 1, "binzhou", "weihai");
    StationCatalog network = StationCatalog.shandong().only(List.of("binzhou", "weihai"));

    assertThat(sink.all.subList(0, sink.stations.size())).allMatch(r -> r instanceof Station);
    assertThat(sink.stations).containsExactlyElementsOf(network.stations());
  }

  @Test
  void shouldLeaveWaterOutWhenAskedTo() {
    RecordingSink sink = run(days(SEED, NEW_YEAR_2024, 1).water(false));

    assertThat(sink.water).isEmpty();
    assertThat(sink.stations).allMatch(s -> s.getKind() == StationKind.AIR);
    assertThat(sink.air).hasSize(24 * StationCatalog.shandong().airStations().size());
  }

  @Test
  void shouldEmitEveryAirStationOnceEveryHourInTimeOrder() {
    RecordingSink sink = run(days(SEED, LocalDate.of(2024, 7, 1), 2).water(false));
    List<String> everyStation =
        StationCatalog.shandong().airStations().stream().map(AirStation::id).toList();

    Map<Instant, List<String>> stationsByHour =
        sink.air.stream()
            .collect(
                Collectors.groupingBy(
                    AirReading::getHourStart,
                    TreeMap::new,
                    Collectors.mapping(AirReading::getStationId, Collectors.toList())));
    assertThat(stationsByHour.keySet()).hasSize(48).first().isEqualTo(beijing(2024, 7, 1, 0, 0));
    assertThat(stationsByHour.values()).allSatisfy(ids -> assertThat(ids).isEqualTo(everyStation));
    assertThat(sink.air)
        .extracting(AirReading::getHourStart)
        .isSorted()
        .allSatisfy(t -> assertThat(t.getEpochSecond() % 3600).isZero());
    assertThat(sink.air)
        .allSatisfy(r -> assertThat(r.getStationId()).startsWith(codeOf(r.getCityId()) + "-A"));
  }

  @Test
  void shouldStampAnHourWithItsStartInBeijingTime() {
    RecordingSink sink = simulate(NEW_YEAR_2024, 1, "binzhou");

    // The hour 10:00-11:00 Beijing time is stamped 10:00+08:00 = 02:00 UTC.
    assertThat(sink.airOf("BZ-A01"))
        .element(10)
        .extracting(AirReading::getHourStart)
        .isEqualTo(Instant.parse("2024-01-01T02:00:00Z"));
  }

  @Test
  void shouldStopAtTheExclusiveEnd() {
    RecordingSink sink = new RecordingSink();
    SimulationResult result =
        days(SEED, NEW_YEAR_2024, 2).cities(List.of("heze")).build(sink).run();

    assertThat(result.reason()).isEqualTo(StopReason.END);
    assertThat(result.hours()).isEqualTo(48);
    assertThat(result.simulatedUpTo()).isEqualTo(beijing(2024, 1, 3, 0, 0));
    assertThat(sink.air)
        .last()
        .extracting(AirReading::getHourStart)
        .isEqualTo(beijing(2024, 1, 2, 23, 0));
    assertThat(sink.flushes).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldPaceOneSimulatedHourPerWallSecondAtSpeed3600() {
    FakeClock wall = new FakeClock(WALL_START);
    List<Instant> emittedAt = new ArrayList<>();
    RecordingSink sink =
        new RecordingSink() {
          @Override
          public void air(AirReading reading) {
            super.air(reading);
            emittedAt.add(wall.instant());
          }
        };

    Simulator.builder(SEED, NEW_YEAR_2024)
        .endExclusive(NEW_YEAR_2024.plusDays(1))
        .pacing(Pacing.speed(3600))
        .cities(List.of("binzhou"))
        .clock(wall)
        .sleeper(wall.sleeper())
        .build(sink)
        .run();

    int stations = 4;
    for (int k = 0; k < 24; k++) {
      // Hour k is complete, and sent, k + 1 simulated hours = k + 1 wall seconds after the start.
      assertThat(emittedAt.get(k * stations))
          .as("hour %d", k)
          .isAfterOrEqualTo(WALL_START.plusSeconds(k))
          .isEqualTo(WALL_START.plusSeconds(k + 1));
    }
  }

  @Test
  void shouldStopWhenTheWallClockLimitElapses() {
    FakeClock wall = new FakeClock(WALL_START);
    RecordingSink sink = new RecordingSink();

    SimulationResult result =
        Simulator.builder(SEED, NEW_YEAR_2024)
            .pacing(Pacing.speed(3600))
            .wallClockLimit(Duration.ofMillis(5500))
            .cities(List.of("binzhou"))
            .clock(wall)
            .sleeper(wall.sleeper())
            .build(sink)
            .run();

    assertThat(result.reason()).isEqualTo(StopReason.DURATION);
    assertThat(result.hours()).isEqualTo(5);
    assertThat(wall.instant()).isEqualTo(WALL_START.plusMillis(5500));
  }

  @Test
  void shouldNeverSleepWhenRunningAsFastAsPossible() {
    FakeClock wall = new FakeClock(WALL_START);

    SimulationResult result =
        days(SEED, NEW_YEAR_2024, 3)
            .clock(wall)
            .sleeper(
                d -> {
                  throw new AssertionError("slept " + d);
                })
            .build(new RecordingSink())
            .run();

    assertThat(result.hours()).isEqualTo(72);
  }

  @Test
  void shouldStopCleanlyWhenAskedTo() {
    RecordingSink sink = new RecordingSink();
    List<Simulator> running = new ArrayList<>();
    Simulator simulator =
        Simulator.builder(SEED, NEW_YEAR_2024)
            .pacing(Pacing.asFastAsPossible())
            .cities(List.of("binzhou"))
            .progress(
                (reached, hours) -> {
                  if (hours == 3) {
                    running.get(0).stop();
                  }
                })
            .build(sink);
    running.add(simulator);

    SimulationResult result = simulator.run();

    assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
    assertThat(result.hours()).isEqualTo(3);
    assertThat(sink.air).hasSize(3 * 4);
    assertThat(sink.flushes).isEqualTo(2);
  }

  @Test
  void shouldStopWhenInterruptedAndKeepTheInterruptFlag() {
    RecordingSink sink = new RecordingSink();

    SimulationResult result =
        Simulator.builder(SEED, NEW_YEAR_2024)
            .cities(List.of("binzhou"))
            .clock(new FakeClock(WALL_START))
            .sleeper(
                d -> {
                  throw new InterruptedException();
                })
            .build(sink)
            .run();

    assertThat(Thread.interrupted()).isTrue();
    assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
    assertThat(result.hours()).isZero();
    assertThat(sink.flushes).isEqualTo(2);
  }

  @Test
  void shouldRejectAnEndBeforeTheStartAndUnknownCities() {
    assertThatThrownBy(
            () ->
                Simulator.builder(SEED, NEW_YEAR_2024)
                    .endExclusive(NEW_YEAR_2024)
                    .build(new RecordingSink()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not after the start");
    assertThatThrownBy(
            () ->
                Simulator.builder(SEED, NEW_YEAR_2024)
                    .cities(List.of("atlantis"))
                    .build(new RecordingSink()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown city 'atlantis'");
  }

  private static List<String> serialised(RecordingSink sink) {
    List<String> hex = new ArrayList<>();
    for (Object record : sink.all) {
      byte[] encoded;
      if (record instanceof Station s) {
        encoded = TOPICS.stations().valueSerde().serializer().serialize("t", s);
      } else if (record instanceof AirReading r) {
        encoded = TOPICS.airReadings().valueSerde().serializer().serialize("t", r);
      } else {
        encoded =
            TOPICS.waterReadings().valueSerde().serializer().serialize("t", (WaterSample) record);
      }
      hex.add(HexFormat.of().formatHex(encoded));
    }
    return hex;
  }

  private static String codeOf(String cityId) {
    return StationCatalog.shandong().city(cityId).orElseThrow().code();
  }

  @Test
  void shouldSimulateAnAirOnlyCatalogueOfTheBundledStationsAsTheBundledOne() {
    StationCatalog shandong = StationCatalog.shandong();
    StationCatalog same = StationCatalog.ofAir(shandong.cities(), shandong.airStations());

    RecordingSink bundled = run(days(SEED, NEW_YEAR_2024, 2).water(false));
    RecordingSink own = run(days(SEED, NEW_YEAR_2024, 2).water(false).catalog(same));

    assertThat(own.air).isNotEmpty().containsExactlyElementsOf(bundled.air);
  }

  @Test
  void shouldSimulateACityOfItsOwnOnTheClimatologyItBorrows() {
    City binzhou = StationCatalog.shandong().city("binzhou").orElseThrow();
    City own =
        new City(
            "c001",
            "C001",
            "城市001",
            "City 001",
            binzhou.latitude(),
            binzhou.longitude(),
            binzhou.coastal(),
            binzhou.pm25Annual(),
            binzhou.hazeExposure(),
            binzhou.id());
    List<AirStation> stations =
        List.of(
            new AirStation("C001-A01", own, "one", 37.4, 118.0),
            new AirStation("C001-A02", own, "two", 37.4, 118.0));

    RecordingSink sink =
        run(
            days(SEED, NEW_YEAR_2024, 2)
                .water(false)
                .catalog(StationCatalog.ofAir(List.of(own), stations)));

    assertThat(own.climate()).isEqualTo("binzhou");
    assertThat(binzhou.climate()).isEqualTo("binzhou");
    assertThat(sink.air).hasSize(2 * 48).allMatch(r -> r.getCityId().equals("c001"));
    assertThat(sink.air.subList(0, 2))
        .extracting(AirReading::getStationId)
        .containsExactly("C001-A01", "C001-A02");
  }

  @Test
  void shouldRejectAnAirOnlyCatalogueWithAStationOutsideItsCities() {
    StationCatalog shandong = StationCatalog.shandong();

    assertThatThrownBy(
            () -> StationCatalog.ofAir(shandong.cities().subList(0, 1), shandong.airStations()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not in the list");
  }
}
