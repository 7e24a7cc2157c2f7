package io.ecostream.streams.air;

import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.domain.stats.PeriodAccumulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Each city's daily values per calendar year, as the period figures take them: stored one day per
 * key ({@code cityId@yyyy-MM-dd}), so that a changed day writes only itself, and kept in memory as
 * whole years once read. A city keeps its newest year and the one before (the year-on-year
 * comparison): when a day of a new year arrives, the days of older years are deleted, so the store
 * holds at most two years of days per city.
 */
final class CityYears {

  private static final StringSerializer KEYS = new StringSerializer();

  private final KeyValueStore<String, CityDayEntry> days;
  private final Map<String, CityYearState> years = new HashMap<>();
  private final Map<String, Integer> newestYears = new HashMap<>();

  /** The years' days as the period statistics take them, by year key, once asked for. */
  private final Map<String, PeriodAccumulator> accumulators = new HashMap<>();

  CityYears(KeyValueStore<String, CityDayEntry> days) {
    this.days = days;
  }

  /** The city's year, empty when it has no day yet. */
  CityYearState year(String cityId, int year) {
    String key = CityPeriods.yearKey(cityId, year);
    CityYearState state = years.get(key);
    if (state == null) {
      state = read(days, cityId, year);
      years.put(key, state);
      years.remove(CityPeriods.yearKey(cityId, year - 2));
      accumulators.remove(CityPeriods.yearKey(cityId, year - 2));
    }
    return state;
  }

  /**
   * The city's year as the period statistics take it, kept up to date by {@link #put}: a day
   * published changes one day of it, so it is not built again from the year's days each time.
   */
  PeriodAccumulator accumulator(String cityId, int year) {
    String key = CityPeriods.yearKey(cityId, year);
    PeriodAccumulator accumulator = accumulators.get(key);
    if (accumulator == null) {
      accumulator = CityPeriods.accumulator(year(cityId, year));
      accumulators.put(key, accumulator);
    }
    return accumulator;
  }

  /** The city's stored days of the year; empty when it has none. */
  static CityYearState read(
      ReadOnlyKeyValueStore<String, CityDayEntry> days, String cityId, int year) {
    CityYearState state = CityPeriods.emptyYear(cityId, year);
    try (KeyValueIterator<String, CityDayEntry> stored =
        days.prefixScan(CityPeriods.yearKey(cityId, year) + "-", KEYS)) {
      while (stored.hasNext()) {
        KeyValue<String, CityDayEntry> day = stored.next();
        state.getDays().put(day.value.getDate().toString(), day.value);
      }
    }
    return state;
  }

  /** The city's year before, or null when it has no day. */
  CityYearState previous(String cityId, int year) {
    CityYearState previous = year(cityId, year - 1);
    return previous.getDays().isEmpty() ? null : previous;
  }

  /** Puts the day into its year; false when the year held exactly these values. */
  boolean put(CityDaily daily) {
    String cityId = daily.getCityId();
    int calendarYear = daily.getDate().getYear();
    CityYearState year = year(cityId, calendarYear);
    if (!CityPeriods.put(year, daily)) {
      return false;
    }
    Integer newest = newestYears.get(cityId);
    if (newest == null || calendarYear > newest) {
      newestYears.put(cityId, calendarYear);
      dropYearsBefore(cityId, calendarYear - 1);
    }
    String date = daily.getDate().toString();
    CityDayEntry entry = year.getDays().get(date);
    PeriodAccumulator accumulator = accumulators.get(CityPeriods.yearKey(cityId, calendarYear));
    if (accumulator != null) {
      accumulator.put(CityPeriods.record(entry));
    }
    days.put(daily.getCityId() + "@" + date, entry);
    return true;
  }

  /** The years of the city that have days in the store, oldest first. */
  SortedSet<Integer> storedYears(String cityId) {
    SortedSet<Integer> found = new TreeSet<>();
    try (KeyValueIterator<String, CityDayEntry> stored = days.prefixScan(cityId + "@", KEYS)) {
      while (stored.hasNext()) {
        found.add(stored.next().value.getDate().getYear());
      }
    }
    return found;
  }

  private void dropYearsBefore(String cityId, int keptYear) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, CityDayEntry> stored = days.prefixScan(cityId + "@", KEYS)) {
      while (stored.hasNext()) {
        KeyValue<String, CityDayEntry> day = stored.next();
        if (day.value.getDate().getYear() < keptYear) {
          old.add(day.key);
        }
      }
    }
    old.forEach(days::delete);
    years.keySet().removeIf(key -> key.startsWith(cityId + "@") && yearOf(key) < keptYear);
    accumulators.keySet().removeIf(key -> key.startsWith(cityId + "@") && yearOf(key) < keptYear);
  }

  private static int yearOf(String yearKey) {
    return Integer.parseInt(yearKey.substring(yearKey.lastIndexOf('@') + 1));
  }

  void clear() {
    years.clear();
    accumulators.clear();
    newestYears.clear();
  }
}
