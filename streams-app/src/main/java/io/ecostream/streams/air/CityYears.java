package io.ecostream.streams.air;

import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.avro.internal.CityYearState;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each city's daily values per calendar year, as the period figures take them: stored one day per
 * key ({@code cityId@yyyy-MM-dd}), so that a changed day writes only itself, and kept in memory as
 * whole years once read. Years two or more before the newest one read for a city leave the memory
 * (they stay in the store).
 */
final class CityYears {

  private static final StringSerializer KEYS = new StringSerializer();

  private final KeyValueStore<String, CityDayEntry> days;
  private final Map<String, CityYearState> years = new HashMap<>();

  CityYears(KeyValueStore<String, CityDayEntry> days) {
    this.days = days;
  }

  /** The city's year, empty when it has no day yet. */
  CityYearState year(String cityId, int year) {
    String key = CityPeriods.yearKey(cityId, year);
    CityYearState state = years.get(key);
    if (state == null) {
      state = CityPeriods.emptyYear(cityId, year);
      try (KeyValueIterator<String, CityDayEntry> stored = days.prefixScan(key + "-", KEYS)) {
        while (stored.hasNext()) {
          KeyValue<String, CityDayEntry> day = stored.next();
          state.getDays().put(day.value.getDate().toString(), day.value);
        }
      }
      years.put(key, state);
      years.remove(CityPeriods.yearKey(cityId, year - 2));
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
    CityYearState year = year(daily.getCityId(), daily.getDate().getYear());
    if (!CityPeriods.put(year, daily)) {
      return false;
    }
    String date = daily.getDate().toString();
    days.put(daily.getCityId() + "@" + date, year.getDays().get(date));
    return true;
  }

  /** The years of the city that have days in the store, oldest first. */
  java.util.SortedSet<Integer> storedYears(String cityId) {
    java.util.SortedSet<Integer> found = new java.util.TreeSet<>();
    try (KeyValueIterator<String, CityDayEntry> stored = days.prefixScan(cityId + "@", KEYS)) {
      while (stored.hasNext()) {
        found.add(stored.next().value.getDate().getYear());
      }
    }
    return found;
  }

  void clear() {
    years.clear();
  }
}
