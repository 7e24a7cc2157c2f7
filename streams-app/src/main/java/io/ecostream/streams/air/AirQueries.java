package io.ecostream.streams.air;

import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.ProvinceRanking;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.avro.internal.ProvinceRankingState;
import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.streams.config.PipelineSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The air figures the query API serves, read from this instance's state stores: what the city task
 * holds (its stations, the cities' provinces and days) and the province rankings. Periods are
 * computed from the stored days by the same code that publishes them, so an answer equals the last
 * {@code air.city-period} record of its key once the pipeline has caught up.
 *
 * <p>Which instance holds a key is the caller's concern: the city methods take the partition of the
 * city id ({@link #CITY_STORE}), the ranking the partition of its ranking key ({@link
 * #RANKING_STORE}, {@link ProvinceRankings#key}).
 */
public final class AirQueries {

  /** A store of the city task, keyed like its input: by city id. */
  public static final String CITY_STORE = CityAirProcessor.CITY_DAYS_STORE;

  /** The province rankings' store, keyed by {@link ProvinceRankings#key}. */
  public static final String RANKING_STORE = AirPipeline.PROVINCE_RANKING_STORE;

  /** The stores of this instance: one partition's, or every local partition's when null. */
  @FunctionalInterface
  public interface LocalStores {
    <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition);
  }

  /** A city: its province (null until a Station record named it) and its air stations, by id. */
  public record City(String cityId, String province, List<String> stations) {}

  private static final StringSerializer KEYS = new StringSerializer();
  private static final long HOUR_MILLIS = 3_600_000L;

  /** A station's hourly figures, oldest first, and its city. */
  public record StationHours(String stationId, String cityId, List<StationHourlyAqi> hours) {}

  private final LocalStores stores;
  private final CityPeriods periods;
  private final ProvinceRankings rankings;
  private final StationHourlyAqiMapper mapper;
  private final CityHourFigure cityHour;
  private final QualityRules qualityRules;

  public AirQueries(PipelineSettings settings, LocalStores stores) {
    this.stores = stores;
    this.periods = new CityPeriods(settings.periodRules());
    this.rankings = new ProvinceRankings(settings.rankingSufficiency());
    this.mapper = new StationHourlyAqiMapper(settings.zone(), settings.validity());
    this.cityHour = new CityHourFigure(settings.zone());
    this.qualityRules = settings.airQuality().rules();
  }

  /**
   * The city's figure of its newest hour, from the stations that reported it, as {@code
   * air.city-hourly} published it last (the newest hour may still be open: more stations may report
   * it); empty when none of its stations holds an hour.
   */
  public Optional<CityHourlyAqi> now(String cityId, int partition) {
    ReadOnlyKeyValueStore<String, byte[]> chunks =
        stores.store(CityAirProcessor.STATION_CHUNKS_STORE, partition);
    // By station id, as the city task sums them, so that the revision and means are the same.
    SortedMap<String, Long> stations = new TreeMap<>();
    try (KeyValueIterator<String, byte[]> all =
        stores.<byte[]>store(CityAirProcessor.STATION_PRESENCE_STORE, partition).all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> presence = all.next();
        if (StationPresences.cityId(presence.value).equals(cityId)) {
          stations.put(presence.key, StationPresences.lastHour(presence.value));
        }
      }
    }
    long newest =
        stations.values().stream().mapToLong(Long::longValue).max().orElse(RecentHours.NO_HOUR);
    if (newest == RecentHours.NO_HOUR) {
      return Optional.empty();
    }
    List<double[]> values = new ArrayList<>(stations.size());
    long revision = 0;
    for (Map.Entry<String, Long> station : stations.entrySet()) {
      RecentHours ring =
          StationRings.read(chunks, station.getKey(), station.getValue(), qualityRules);
      if (ring.holds(newest)) {
        values.add(mapper.values(ring, newest));
        revision += ring.revision(newest);
      }
    }
    return Optional.of(
        cityHour.figure(cityId, StationHourlyAqiMapper.hourStart(newest), values, revision));
  }

  /**
   * The station's hourly figures from {@code from} to {@code to} (both included) among the hours
   * the pipeline keeps per station (the newest {@value RecentHours#CAPACITY}), each as {@code
   * air.station-hourly} published it last; empty when no partition searched knows the station. A
   * station's partition is its city's, which the caller does not know: with {@code partition} null
   * every local partition's presences are asked, one lookup by key each.
   */
  public Optional<StationHours> stationHours(
      String stationId, Instant from, Instant to, Integer partition) {
    byte[] presence =
        stores.<byte[]>store(CityAirProcessor.STATION_PRESENCE_STORE, partition).get(stationId);
    if (presence == null) {
      return Optional.empty();
    }
    String cityId = StationPresences.cityId(presence);
    long newest = StationPresences.lastHour(presence);
    RecentHours ring =
        StationRings.read(
            stores.store(CityAirProcessor.STATION_CHUNKS_STORE, partition),
            stationId,
            newest,
            qualityRules);
    List<StationHourlyAqi> hours = new ArrayList<>();
    if (newest != RecentHours.NO_HOUR) {
      long first =
          Math.max(
              newest - RecentHours.CAPACITY + 1,
              Math.floorDiv(from.toEpochMilli() + HOUR_MILLIS - 1, HOUR_MILLIS));
      long last = Math.min(newest, Math.floorDiv(to.toEpochMilli(), HOUR_MILLIS));
      for (long hour = first; hour <= last; hour++) {
        if (ring.holds(hour)) {
          hours.add(mapper.figure(stationId, cityId, hour, ring, ring.revision(hour)));
        }
      }
    }
    return Optional.of(new StationHours(stationId, cityId, hours));
  }

  /** The cities of the given partition (null: of every local partition), by id. */
  public List<City> cities(Integer partition) {
    Map<String, TreeSet<String>> stations = new TreeMap<>();
    ReadOnlyKeyValueStore<String, byte[]> presences =
        stores.store(CityAirProcessor.STATION_PRESENCE_STORE, partition);
    try (KeyValueIterator<String, byte[]> all = presences.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> presence = all.next();
        stations
            .computeIfAbsent(StationPresences.cityId(presence.value), city -> new TreeSet<>())
            .add(presence.key);
      }
    }
    Map<String, String> provinces = new TreeMap<>();
    ReadOnlyKeyValueStore<String, String> provinceStore =
        stores.store(CityAirProcessor.CITY_PROVINCE_STORE, partition);
    try (KeyValueIterator<String, String> all = provinceStore.all()) {
      all.forEachRemaining(entry -> provinces.put(entry.key, entry.value));
    }
    TreeSet<String> ids = new TreeSet<>(stations.keySet());
    ids.addAll(provinces.keySet());
    List<City> cities = new ArrayList<>(ids.size());
    for (String id : ids) {
      cities.add(
          new City(id, provinces.get(id), List.copyOf(stations.getOrDefault(id, new TreeSet<>()))));
    }
    return cities;
  }

  /**
   * Whether the partition knows the city: a Station record named its province, or it has a stored
   * day. Looked up by key, not by listing the partition's cities; only a city with neither (its
   * first day not over yet, no Station record) costs a scan of the partition's stations.
   */
  public boolean knows(String cityId, int partition) {
    if (stores.<String>store(CityAirProcessor.CITY_PROVINCE_STORE, partition).get(cityId) != null) {
      return true;
    }
    try (KeyValueIterator<String, CityDayEntry> days =
        stores.<CityDayEntry>store(CITY_STORE, partition).prefixScan(cityId + "@", KEYS)) {
      if (days.hasNext()) {
        return true;
      }
    }
    try (KeyValueIterator<String, byte[]> all =
        stores.<byte[]>store(CityAirProcessor.STATION_PRESENCE_STORE, partition).all()) {
      while (all.hasNext()) {
        if (StationPresences.cityId(all.next().value).equals(cityId)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The city's stored days from {@code from} to {@code to}, both included, oldest first. */
  public List<CityDayEntry> days(String cityId, LocalDate from, LocalDate to, int partition) {
    ReadOnlyKeyValueStore<String, CityDayEntry> days = stores.store(CITY_STORE, partition);
    List<CityDayEntry> found = new ArrayList<>();
    // ISO dates sort as text, so the keys of the range are a range of keys.
    try (KeyValueIterator<String, CityDayEntry> range =
        days.range(cityId + "@" + from, cityId + "@" + to)) {
      range.forEachRemaining(day -> found.add(day.value));
    }
    return found;
  }

  /**
   * The city's figure of a month ({@code yyyy-MM}, month to date) or a year ({@code yyyy}, year to
   * date); empty when it has no day in it. The period must be one of those two forms.
   */
  public Optional<CityPeriod> period(String cityId, String period, int partition) {
    ReadOnlyKeyValueStore<String, CityDayEntry> days = stores.store(CITY_STORE, partition);
    boolean month = period.length() == 7;
    int year = Integer.parseInt(period.substring(0, 4));
    CityYearState current = CityYears.read(days, cityId, year);
    LocalDate first = month ? YearMonth.parse(period).atDay(1) : Year.of(year).atDay(1);
    LocalDate last =
        month ? YearMonth.parse(period).atEndOfMonth() : Year.of(year).atMonth(12).atEndOfMonth();
    boolean any =
        current.getDays().keySet().stream()
            .map(LocalDate::parse)
            .anyMatch(day -> !day.isBefore(first) && !day.isAfter(last));
    if (!any) {
      return Optional.empty();
    }
    CityYearState previous = CityYears.read(days, cityId, year - 1);
    PeriodType type = month ? PeriodType.MONTH_TO_DATE : PeriodType.YEAR_TO_DATE;
    return periods.figures(current, previous.getDays().isEmpty() ? null : previous, first).stream()
        .filter(figure -> figure.getPeriodType() == type)
        .findFirst();
  }

  /** The province's ranking of a period ({@code yyyy} or {@code yyyy-MM}); empty when none. */
  public Optional<ProvinceRanking> ranking(String province, String period, int partition) {
    ReadOnlyKeyValueStore<String, ProvinceRankingState> states =
        stores.store(RANKING_STORE, partition);
    ProvinceRankingState state = states.get(ProvinceRankings.key(province, period));
    return state == null ? Optional.empty() : Optional.of(rankings.ranking(state));
  }
}
