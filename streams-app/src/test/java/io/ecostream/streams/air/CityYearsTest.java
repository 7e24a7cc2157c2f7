package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.MockContextStores;
import java.time.LocalDate;
import java.util.Random;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/**
 * The year kept up to date as days are put holds what a year built from its stored days holds: days
 * added, corrected, re-sent unchanged, of the year before, and of a new year that drops the oldest.
 */
class CityYearsTest {

  private final CityYears years =
      new CityYears(
          MockContextStores.add(
              new MockProcessorContext<>(),
              CityAirProcessor.CITY_DAYS_STORE,
              AvroSerde.of(CityDayEntry.class)));

  private static CityDaily daily(LocalDate date, double pm25, long revision) {
    return CityDaily.newBuilder()
        .setCityId("binzhou")
        .setDate(date)
        .setEdition(AqiEdition.HJ_633_2012)
        .setPm25(pm25)
        .setPm10(pm25 * 1.6)
        .setAqi((int) Math.round(pm25 * 1.3))
        .setValid(true)
        .setDustAffected(false)
        .setStationsReporting(1)
        .setStationsComplete(1)
        .setStationHours(24)
        .setRevision(revision)
        .build();
  }

  @Test
  void shouldKeepEachYearAsItsStoredDaysMakeIt() {
    Random random = new Random(11);
    LocalDate first = LocalDate.of(2023, 12, 1);
    // Asked for before any day: from then on each put updates it.
    years.accumulator("binzhou", 2023);
    years.accumulator("binzhou", 2024);
    for (int i = 0; i < 400; i++) {
      LocalDate day = first.plusDays(random.nextInt(60)); // December 2023 to January 2024
      double pm25 = 10 * (1 + random.nextInt(20));
      years.put(daily(day, pm25, i));
      if (random.nextInt(5) == 0) {
        years.put(daily(day, pm25, i)); // sent again: changes nothing
      }
    }

    for (int year : new int[] {2023, 2024}) {
      assertThat(years.accumulator("binzhou", year).records())
          .as("%d", year)
          .hasSizeGreaterThan(20)
          .isEqualTo(CityPeriods.accumulator(years.year("binzhou", year)).records());
    }

    years.put(daily(LocalDate.of(2025, 1, 1), 35, 1_000)); // 2023 is dropped
    years.put(daily(LocalDate.of(2024, 1, 31), 42, 1_001));
    assertThat(years.accumulator("binzhou", 2023).size()).isZero();
    assertThat(years.accumulator("binzhou", 2024).records())
        .isEqualTo(CityPeriods.accumulator(years.year("binzhou", 2024)).records());
    assertThat(years.accumulator("binzhou", 2025).records())
        .containsExactly(
            CityPeriods.record(years.year("binzhou", 2025).getDays().get("2025-01-01")));
  }
}
