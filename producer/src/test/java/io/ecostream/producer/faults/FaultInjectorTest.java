package io.ecostream.producer.faults;

import static io.ecostream.producer.fixtures.Simulations.NEW_YEAR_2024;
import static io.ecostream.producer.fixtures.Simulations.SEED;
import static io.ecostream.producer.fixtures.Simulations.days;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.producer.Simulator;
import io.ecostream.producer.fixtures.RecordingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private static final String CITY = "binzhou";
  private static final int STATIONS = 4;
  private static final Instant T0 = Instant.parse("2023-12-31T16:00:00Z");

  @Test
  void shouldPassEveryRecordUnchangedAndInOrderWithoutFaults() {
    Simulator.Builder network = days(SEED, NEW_YEAR_2024, 2);
    RecordingSink clean = new RecordingSink();
    network.build(clean).run();

    Faulty faulty = inject(FaultSettings.NONE, days(SEED, NEW_YEAR_2024, 2));

    assertThat(faulty.sink.all).isNotEmpty().containsExactlyElementsOf(clean.all);
    assertThat(faulty.counts).isEmpty();
  }

  @Test
  void shouldInjectTheSameFaultsForTheSameSeed() {
    FaultSettings everything = everyFaultAt(0.05);

    Faulty first = inject(everything, 10);
    Faulty second = inject(everything, 10);

    assertThat(first.counts.values()).allSatisfy(count -> assertThat(count).isPositive());
    assertThat(second.sink.all).containsExactlyElementsOf(first.sink.all);
    assertThat(second.counts).isEqualTo(first.counts);
  }

  @Test
  void shouldDrawEachFaultFromItsOwnRandomStream() {
    FaultSettings missingOnly = FaultSettings.NONE.withRate(FaultKind.MISSING, 0.1);
    FaultSettings withOthers =
        everyFaultAt(0.1)
            .withRate(FaultKind.OUTAGE, 0)
            .withRate(FaultKind.NEGATIVE, 0)
            .withRate(FaultKind.SENTINEL, 0)
            .withRate(FaultKind.FAST_CLOCK, 0);

    Faulty alone = inject(missingOnly, 10);
    Faulty together = inject(withOthers, 10);

    assertThat(together.counts.get(FaultKind.MISSING))
        .isEqualTo(alone.counts.get(FaultKind.MISSING));
    assertThat(gaps(together.sink.air)).isEqualTo(gaps(alone.sink.air)).isNotEmpty();
  }

  @Test
  void shouldDropOrBlankEveryStationHourAtMissingRateOne() {
    Faulty faulty = inject(FaultSettings.NONE.withRate(FaultKind.MISSING, 1), 7);
    Map<String, AirReading> sent = byKey(faulty.sink.air);

    List<AirReading> clean = clean(7);
    assertThat(clean)
        .allSatisfy(
            reading -> {
              AirReading blanked = sent.get(key(reading));
              if (blanked != null) {
                assertThat(differing(reading, blanked)).hasSize(1);
                assertThat(values(blanked)).containsOnlyOnce((Double) null);
              }
            });
    assertThat(sent.size()).isBetween(clean.size() / 3, 2 * clean.size() / 3);
    assertThat(faulty.counts)
        .containsExactlyEntriesOf(Map.of(FaultKind.MISSING, (long) clean.size()));
  }

  @Test
  void shouldSilenceAStationForHoursToDaysAfterAnOutage() {
    Faulty faulty = inject(FaultSettings.NONE.withRate(FaultKind.OUTAGE, 0.005), 60);
    List<AirReading> clean = clean(60);

    List<Integer> outages = new ArrayList<>();
    for (int station = 1; station <= STATIONS; station++) {
      String id = "BZ-A0" + station;
      Set<Instant> sentHours =
          faulty.sink.airOf(id).stream().map(AirReading::getHourStart).collect(Collectors.toSet());
      int silent = 0;
      for (AirReading reading : clean.stream().filter(r -> r.getStationId().equals(id)).toList()) {
        if (sentHours.contains(reading.getHourStart())) {
          if (silent > 0) {
            outages.add(silent);
          }
          silent = 0;
        } else {
          silent++;
        }
      }
    }
    assertThat(faulty.sink.air).isSubsetOf(clean);
    assertThat(outages)
        .hasSizeGreaterThan(3)
        .allSatisfy(hours -> assertThat(hours).isGreaterThanOrEqualTo(2));
    assertThat(outages).anySatisfy(hours -> assertThat(hours).isGreaterThan(24));
    assertThat(faulty.counts.get(FaultKind.OUTAGE))
        .isEqualTo(clean.size() - faulty.sink.air.size());
  }

  @Test
  void shouldHoldOneValueForSixToFortyEightHoursWhenStuck() {
    RecordingSink sink = new RecordingSink();
    FaultInjector injector =
        new FaultInjector(FaultSettings.NONE.withRate(FaultKind.STUCK, 1), SEED, sink);
    int hours = 500;
    for (int hour = 0; hour < hours; hour++) {
      injector.air(ramp("XX-A01", hour));
    }
    injector.flush();

    // At rate 1 a run starts again as soon as one ends: every hour is the onset or a repeat.
    List<Integer> runs = new ArrayList<>();
    int run = 0;
    for (int hour = 0; hour < hours; hour++) {
      AirReading reading = sink.air.get(hour);
      List<Integer> stuck = differing(ramp("XX-A01", hour), reading);
      assertThat(stuck).hasSizeLessThanOrEqualTo(1);
      if (stuck.isEmpty()) {
        if (hour > 0) {
          runs.add(run);
        }
        run = 1;
      } else {
        int p = stuck.get(0);
        assertThat(values(reading).get(p)).isEqualTo(values(ramp("XX-A01", hour - run)).get(p));
        run++;
      }
    }
    assertThat(runs).hasSizeGreaterThan(10).allSatisfy(h -> assertThat(h).isBetween(6, 48));
    assertThat(injector.counts().get(FaultKind.STUCK)).isEqualTo(hours - runs.size() - 1);
  }

  @Test
  void shouldMultiplyOneValueByFiveToTwentyInASpike() {
    Faulty faulty = inject(FaultSettings.NONE.withRate(FaultKind.SPIKE, 1), 3);
    List<AirReading> clean = clean(3);

    assertThat(faulty.sink.air).hasSameSizeAs(clean);
    for (int i = 0; i < clean.size(); i++) {
      List<Integer> spiked = differing(clean.get(i), faulty.sink.air.get(i));
      assertThat(spiked).hasSize(1);
      int p = spiked.get(0);
      // Both values are rounded as published, so the factor shows up to the rounding.
      assertThat(values(faulty.sink.air.get(i)).get(p) / values(clean.get(i)).get(p))
          .isBetween(4.5, 20.5);
    }
    assertThat(faulty.counts.get(FaultKind.SPIKE)).isEqualTo(clean.size());
  }

  @Test
  void shouldReportOneNegativeValuePerHitStationHour() {
    Faulty faulty = inject(FaultSettings.NONE.withRate(FaultKind.NEGATIVE, 1), 3);
    List<AirReading> clean = clean(3);

    List<Double> co = new ArrayList<>();
    for (int i = 0; i < clean.size(); i++) {
      List<Integer> negative = differing(clean.get(i), faulty.sink.air.get(i));
      assertThat(negative).hasSize(1);
      double value = values(faulty.sink.air.get(i)).get(negative.get(0));
      if (negative.get(0) == 4) {
        co.add(value);
      } else {
        assertThat(value).isBetween(-20.0, -1.0).isEqualTo(Math.rint(value));
      }
    }
    assertThat(co).isNotEmpty().allSatisfy(v -> assertThat(v).isBetween(-2.0, -0.1));
    assertThat(faulty.counts.get(FaultKind.NEGATIVE)).isEqualTo(clean.size());
  }

  @Test
  void shouldPutALoggersNoDataOrOverflowCodeInPlaceOfOneValue() {
    Faulty faulty = inject(FaultSettings.NONE.withRate(FaultKind.SENTINEL, 1), 3);
    List<AirReading> clean = clean(3);

    Set<Double> codes = new HashSet<>();
    for (int i = 0; i < clean.size(); i++) {
      List<Integer> replaced = differing(clean.get(i), faulty.sink.air.get(i));
      assertThat(replaced).hasSize(1);
      codes.add(values(faulty.sink.air.get(i)).get(replaced.get(0)));
    }
    assertThat(codes).containsExactlyInAnyOrder(-999.0, 9999.0);
  }

  @Test
  void shouldDeliverLateRecordsHoursToDaysAfterTheirHourWithTheirOwnEventTime() {
    Faulty faulty = inject(FaultSettings.NONE.withRate(FaultKind.LATE, 0.05), 20);
    List<AirReading> clean = clean(20);

    List<Long> lateness = lateness(faulty.sink.air);
    List<Long> late = lateness.stream().filter(h -> h > 0).toList();
    assertThat(faulty.sink.air).containsExactlyInAnyOrderElementsOf(clean);
    assertThat(late)
        .hasSizeBetween(50, faulty.counts.get(FaultKind.LATE).intValue())
        .allSatisfy(h -> assertThat(h).isBetween(2L, 120L))
        .anySatisfy(h -> assertThat(h).isGreaterThan(72L));
  }

  @Test
  void shouldShuffleRecordsWithinAFewHours() {
    Faulty faulty = inject(FaultSettings.NONE.withRate(FaultKind.OUT_OF_ORDER, 0.1), 10);
    List<AirReading> clean = clean(10);

    assertThat(faulty.sink.air).containsExactlyInAnyOrderElementsOf(clean);
    assertThat(faulty.sink.airOf("BZ-A01"))
        .extracting(AirReading::getHourStart)
        .isNotEqualTo(
            faulty.sink.airOf("BZ-A01").stream().map(AirReading::getHourStart).sorted().toList());
    assertThat(lateness(faulty.sink.air))
        .containsOnly(0L, 1L, 2L, 3L)
        .filteredOn(h -> h > 0)
        .hasSize(faulty.counts.get(FaultKind.OUT_OF_ORDER).intValue());
  }

  @Test
  void shouldSendSomeRecordsTwiceAtOnceOrLater() {
    Faulty faulty = inject(FaultSettings.NONE.withRate(FaultKind.DUPLICATE, 0.1), 10);
    List<AirReading> clean = clean(10);
    List<AirReading> sent = faulty.sink.air;

    long copies = faulty.counts.get(FaultKind.DUPLICATE);
    assertThat(copies).isGreaterThan(50);
    assertThat(sent).hasSize(clean.size() + (int) copies);
    assertThat(new HashSet<>(sent)).isEqualTo(new HashSet<>(clean));
    long atOnce =
        IntStream.range(1, sent.size()).filter(i -> sent.get(i).equals(sent.get(i - 1))).count();
    assertThat(atOnce).isPositive().isLessThan(copies);
  }

  @Test
  void shouldStampEveryReadingOfAFastStationHoursAhead() {
    FaultSettings fast = FaultSettings.NONE.withRate(FaultKind.FAST_CLOCK, 1).withFastClockHours(3);

    Faulty faulty = inject(fast, 2);

    List<AirReading> expected =
        clean(2).stream()
            .map(
                r ->
                    AirReading.newBuilder(r)
                        .setHourStart(r.getHourStart().plus(Duration.ofHours(3)))
                        .build())
            .toList();
    assertThat(faulty.sink.air).containsExactlyElementsOf(expected);
    assertThat(faulty.counts.get(FaultKind.FAST_CLOCK)).isEqualTo(expected.size());
  }

  @Test
  void shouldRunOnlyTheChosenShareOfStationsFast() {
    FaultSettings half = FaultSettings.NONE.withRate(FaultKind.FAST_CLOCK, 0.5);
    RecordingSink clean = new RecordingSink();
    days(SEED, NEW_YEAR_2024, 1).water(false).build(clean).run();

    Faulty faulty = inject(half, days(SEED, NEW_YEAR_2024, 1).water(false));

    Map<String, Set<Long>> shiftsByStation = new HashMap<>();
    for (int i = 0; i < clean.air.size(); i++) {
      long shift =
          Duration.between(clean.air.get(i).getHourStart(), faulty.sink.air.get(i).getHourStart())
              .toHours();
      shiftsByStation
          .computeIfAbsent(clean.air.get(i).getStationId(), id -> new HashSet<>())
          .add(shift);
    }
    assertThat(shiftsByStation.values()).allSatisfy(shifts -> assertThat(shifts).hasSize(1));
    long fastStations = shiftsByStation.values().stream().filter(s -> s.contains(3L)).count();
    assertThat(fastStations)
        .isBetween(shiftsByStation.size() / 4L, 3L * shiftsByStation.size() / 4);
  }

  @Test
  void shouldSendEveryHeldRecordWhenFlushed() {
    RecordingSink sink = new RecordingSink();
    FaultInjector injector =
        new FaultInjector(FaultSettings.NONE.withRate(FaultKind.LATE, 1), SEED, sink);
    List<AirReading> readings = IntStream.range(0, 10).mapToObj(h -> ramp("XX-A01", h)).toList();

    readings.forEach(injector::air);
    int beforeFlush = sink.air.size();
    injector.flush();

    assertThat(beforeFlush).isLessThan(readings.size());
    assertThat(sink.air).containsExactlyInAnyOrderElementsOf(readings);
    assertThat(sink.flushes).isOne();
  }

  @Test
  void shouldCountOnlyTheEnabledFaults() {
    Faulty faulty =
        inject(
            FaultSettings.NONE.withRate(FaultKind.SPIKE, 0.01).withRate(FaultKind.LATE, 0.01), 10);

    assertThat(faulty.counts).containsOnlyKeys(FaultKind.SPIKE, FaultKind.LATE);
  }

  private record Faulty(RecordingSink sink, Map<FaultKind, Long> counts) {}

  private static Faulty inject(FaultSettings settings, int days) {
    return inject(settings, days(SEED, NEW_YEAR_2024, days).cities(List.of(CITY)).water(false));
  }

  private static Faulty inject(FaultSettings settings, Simulator.Builder simulation) {
    RecordingSink sink = new RecordingSink();
    FaultInjector injector = new FaultInjector(settings, SEED, sink);
    simulation.build(injector).run();
    return new Faulty(sink, injector.counts());
  }

  private static List<AirReading> clean(int days) {
    RecordingSink sink = new RecordingSink();
    days(SEED, NEW_YEAR_2024, days).cities(List.of(CITY)).water(false).build(sink).run();
    return sink.air;
  }

  private static FaultSettings everyFaultAt(double rate) {
    FaultSettings settings = FaultSettings.NONE;
    for (FaultKind kind : FaultKind.values()) {
      settings = settings.withRate(kind, rate);
    }
    return settings;
  }

  /** A reading whose every value differs from every other hour's, so that a repeat shows. */
  private static AirReading ramp(String stationId, int hour) {
    return new AirReading(
        stationId,
        "xx",
        T0.plus(Duration.ofHours(hour)),
        10.0 + hour,
        2000.0 + hour,
        4000.0 + hour,
        6000.0 + hour,
        (hour + 1) / 10.0,
        8000.0 + hour);
  }

  private static List<Double> values(AirReading r) {
    return Arrays.asList(r.getPm25(), r.getPm10(), r.getSo2(), r.getNo2(), r.getCo(), r.getO3());
  }

  /** Indices of the pollutants whose values differ. */
  private static List<Integer> differing(AirReading expected, AirReading actual) {
    assertThat(actual.getStationId()).isEqualTo(expected.getStationId());
    assertThat(actual.getHourStart()).isEqualTo(expected.getHourStart());
    List<Double> e = values(expected);
    List<Double> a = values(actual);
    return IntStream.range(0, e.size())
        .filter(i -> !Objects.equals(e.get(i), a.get(i)))
        .boxed()
        .toList();
  }

  private static String key(AirReading r) {
    return r.getStationId() + "@" + r.getHourStart();
  }

  /** The readings by station-hour; a duplicate is the same reading twice. */
  private static Map<String, AirReading> byKey(List<AirReading> readings) {
    return readings.stream()
        .collect(Collectors.toMap(FaultInjectorTest::key, Function.identity(), (a, b) -> a));
  }

  /** Station-hours not sent and station-hour-pollutants sent null. */
  private static Set<String> gaps(List<AirReading> sent) {
    Map<String, AirReading> byKey = byKey(sent);
    Set<String> gaps = new HashSet<>();
    for (AirReading reading : clean(10)) {
      AirReading got = byKey.get(key(reading));
      if (got == null) {
        gaps.add(key(reading));
      } else {
        List<Double> values = values(got);
        for (int p = 0; p < values.size(); p++) {
          if (values.get(p) == null) {
            gaps.add(key(reading) + "/" + p);
          }
        }
      }
    }
    return gaps;
  }

  /**
   * Per record in delivery order: hours between the latest hour delivered before it and its own.
   */
  private static List<Long> lateness(List<AirReading> delivered) {
    List<Long> lateness = new ArrayList<>();
    Instant latest = Instant.MIN;
    for (AirReading reading : delivered) {
      lateness.add(Math.max(0, Duration.between(reading.getHourStart(), latest).toHours()));
      if (reading.getHourStart().isAfter(latest)) {
        latest = reading.getHourStart();
      }
    }
    return lateness;
  }
}
