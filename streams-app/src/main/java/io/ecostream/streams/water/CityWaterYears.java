package io.ecostream.streams.water;

import io.ecostream.avro.WaterSample;
import io.ecostream.avro.internal.CityWaterYearState;
import io.ecostream.avro.internal.SectionMonthState;
import io.ecostream.streams.intake.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The years a city's water state is kept for, and the samples that come too late or too early for
 * them. A city keeps its newest year (of any sample taken in) and the year before, which its
 * year-on-year figures compare with. When a sample opens a new year, the city's section-months and
 * city years before the year before are deleted, so a task holds at most two years of months per
 * section and two city years per city, however long it runs. A sample of a deleted year would
 * rebuild a month from that sample alone: it is {@code late} instead, and goes to the dead letters.
 * A sample stamped further ahead of the wall clock than the margin is {@code future}: taken in, it
 * would open a year no real sample has reached and close this year's for its city.
 *
 * <p>The newest year is stored (as the city's year entry, empty until its first month is
 * published), so that it moves with the committed offsets: a sample processed again after a crash
 * meets the years it met the first time.
 */
final class CityWaterYears {

  private static final StringSerializer KEYS = new StringSerializer();
  private static final int NONE = Integer.MIN_VALUE;

  private final KeyValueStore<String, SectionMonthState> sectionMonths;
  private final KeyValueStore<String, CityWaterYearState> years;
  private final Optional<Duration> futureMargin;
  private final Map<String, Integer> newestYears = new HashMap<>();

  CityWaterYears(
      KeyValueStore<String, SectionMonthState> sectionMonths,
      KeyValueStore<String, CityWaterYearState> years,
      Optional<Duration> futureMargin) {
    this.sectionMonths = sectionMonths;
    this.years = years;
    this.futureMargin = futureMargin;
  }

  /** Why the sample of {@code month} cannot be taken in, if it cannot. */
  Optional<Rejection> check(WaterSample sample, YearMonth month, long nowMillis) {
    if (futureMargin.isPresent()
        && sample.getSampledAt().toEpochMilli() > nowMillis + futureMargin.get().toMillis()) {
      return Optional.of(
          Rejection.future(
              "sampledAt "
                  + sample.getSampledAt()
                  + " is ahead of the wall clock "
                  + Instant.ofEpochMilli(nowMillis)
                  + " by more than "
                  + futureMargin.get().toMinutes()
                  + " min"));
    }
    int newest = newestYear(sample.getCityId());
    if (newest != NONE && month.getYear() < newest - 1) {
      return Optional.of(
          Rejection.late(
              "sampledAt "
                  + sample.getSampledAt()
                  + " is in "
                  + month.getYear()
                  + "; city "
                  + sample.getCityId()
                  + " keeps "
                  + (newest - 1)
                  + " and "
                  + newest
                  + " only"));
    }
    return Optional.empty();
  }

  /** Takes in a sample of {@code year}: a new newest year deletes what the city no longer keeps. */
  void accept(String cityId, int year) {
    int newest = newestYear(cityId);
    if (year <= newest) {
      return;
    }
    newestYears.put(cityId, year);
    String key = CityWaterPeriods.yearKey(cityId, year);
    if (years.get(key) == null) {
      years.put(key, CityWaterPeriods.emptyYear(cityId, year));
    }
    if (newest != NONE) {
      dropYearsBefore(cityId, year - 1);
    }
  }

  private int newestYear(String cityId) {
    Integer known = newestYears.get(cityId);
    if (known != null) {
      return known;
    }
    int newest = NONE;
    try (KeyValueIterator<String, CityWaterYearState> stored =
        years.prefixScan(cityId + "@", KEYS)) {
      while (stored.hasNext()) {
        newest = Math.max(newest, stored.next().value.getYear());
      }
    }
    newestYears.put(cityId, newest);
    return newest;
  }

  /** Deletes the city's years and its sections' months before {@code keptYear}. */
  private void dropYearsBefore(String cityId, int keptYear) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, CityWaterYearState> stored =
        years.prefixScan(cityId + "@", KEYS)) {
      while (stored.hasNext()) {
        KeyValue<String, CityWaterYearState> year = stored.next();
        if (year.value.getYear() < keptYear) {
          old.add(year.key);
        }
      }
    }
    old.forEach(years::delete);
    old.clear();
    // Months are keyed by section: the task's months are scanned once per city and new year.
    try (KeyValueIterator<String, SectionMonthState> months = sectionMonths.all()) {
      while (months.hasNext()) {
        KeyValue<String, SectionMonthState> month = months.next();
        if (month.value.getCityId().equals(cityId)
            && YearMonth.parse(month.value.getMonth()).getYear() < keptYear) {
          old.add(month.key);
        }
      }
    }
    old.forEach(sectionMonths::delete);
  }
}
