package io.ecostream.streams.alerts.rules;

import io.ecostream.streams.alerts.rules.AlertChange.Status;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the heavy-pollution alerts remember of one city: {@code closedThrough} (every day up to it
 * is closed; null while none is), the retained days by date, and what was last emitted for each
 * retained episode, by first day. Immutable, and equal to any state of the same content.
 *
 * <p>A city's newest day takes a figure about once per hour of data, and such a figure changes that
 * one day only ({@link HeavyPollutionTracker}'s open-day path). So the state keeps the day of the
 * last such figure apart from the map of the others ({@link #withOpenDay}): the next figure of the
 * same day replaces it without copying the map, and reading it needs no walk down the map. The map
 * and that day are merged when the state is read whole ({@link #days}), which is at a commit or
 * when a day closes, not at every figure.
 */
public final class CityAlertState {

  private final String cityId;
  private final LocalDate closedThrough;

  /** The retained days, but that {@link #openDay}, when there is one, replaces its date's entry. */
  private final SortedMap<LocalDate, Day> otherDays;

  private final Day openDay;
  private final SortedMap<LocalDate, Episode> episodes;

  /** {@link #otherDays} with {@link #openDay}, made when first asked. */
  private SortedMap<LocalDate, Day> days;

  /**
   * @param closedThrough every day up to this one is closed; null while none is
   * @param days the retained days by date
   * @param episodes what was last emitted for each retained episode, by first day
   */
  public CityAlertState(
      String cityId,
      LocalDate closedThrough,
      SortedMap<LocalDate, Day> days,
      SortedMap<LocalDate, Episode> episodes) {
    this(cityId, closedThrough, Sealed.copyUnlessSealed(days), null, episodes);
  }

  private CityAlertState(
      String cityId,
      LocalDate closedThrough,
      SortedMap<LocalDate, Day> otherDays,
      Day openDay,
      SortedMap<LocalDate, Episode> episodes) {
    this.cityId = Objects.requireNonNull(cityId, "cityId");
    this.closedThrough = closedThrough;
    this.otherDays = otherDays;
    this.openDay = openDay;
    this.episodes = Sealed.copyUnlessSealed(episodes);
    this.days = openDay == null ? otherDays : null;
  }

  public String cityId() {
    return cityId;
  }

  public LocalDate closedThrough() {
    return closedThrough;
  }

  /** The retained days by date. */
  public SortedMap<LocalDate, Day> days() {
    if (days == null) {
      TreeMap<LocalDate, Day> merged = new TreeMap<>(otherDays);
      merged.put(openDay.latest().date(), openDay);
      days = new Sealed<>(merged);
    }
    return days;
  }

  public SortedMap<LocalDate, Episode> episodes() {
    return episodes;
  }

  /** The retained day of the date; null when there is none. */
  public Day day(LocalDate date) {
    return openDay != null && openDay.latest().date().equals(date) ? openDay : otherDays.get(date);
  }

  /** This state with the day set, everything else the same. */
  CityAlertState withOpenDay(Day day) {
    SortedMap<LocalDate, Day> others =
        openDay == null || openDay.latest().date().equals(day.latest().date()) ? otherDays : days();
    return new CityAlertState(cityId, closedThrough, others, day, episodes);
  }

  /**
   * The map as a state keeps it, without a copy: the tracker builds a new map for each update that
   * closes or corrects days, and copying it again here would double the cost. The caller gives the
   * map up and must not change it afterwards.
   */
  static <K, V> SortedMap<K, V> seal(TreeMap<K, V> owned) {
    return new Sealed<>(owned);
  }

  public static CityAlertState empty(String cityId) {
    return new CityAlertState(cityId, null, new TreeMap<>(), new TreeMap<>());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CityAlertState state
        && cityId.equals(state.cityId)
        && Objects.equals(closedThrough, state.closedThrough)
        && days().equals(state.days())
        && episodes.equals(state.episodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cityId, closedThrough, days(), episodes);
  }

  @Override
  public String toString() {
    return "CityAlertState[cityId="
        + cityId
        + ", closedThrough="
        + closedThrough
        + ", days="
        + days()
        + ", episodes="
        + episodes
        + "]";
  }

  /**
   * @param latest the day's latest figure
   * @param alertStatus status last emitted for the day alert; null when none was
   */
  public record Day(CityDayUpdate latest, Status alertStatus) {

    public Day {
      Objects.requireNonNull(latest, "latest");
    }

    Day withAlertStatus(Status status) {
      return new Day(latest, status);
    }
  }

  /** What was last emitted for an episode: its extent, highest daily AQI and status. */
  public record Episode(LocalDate firstDay, LocalDate lastDay, int peakAqi, Status status) {

    public Episode {
      Objects.requireNonNull(firstDay, "firstDay");
      Objects.requireNonNull(lastDay, "lastDay");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * A read-only map that nobody else can change: either a copy the constructor made, or a map the
   * tracker gave up ({@link #seal}). Its own type tells the constructor that it needs no copy; an
   * unmodifiable view alone would not, since whoever holds the map behind it could still change it.
   */
  private static final class Sealed<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {

    private final SortedMap<K, V> map;

    private Sealed(TreeMap<K, V> owned) {
      this.map = Collections.unmodifiableSortedMap(owned);
    }

    static <K, V> SortedMap<K, V> copyUnlessSealed(SortedMap<K, V> map) {
      return map instanceof Sealed<K, V> sealed ? sealed : new Sealed<>(new TreeMap<>(map));
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public V get(Object key) {
      return map.get(key);
    }

    @Override
    public Comparator<? super K> comparator() {
      return map.comparator();
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
      return map.subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
      return map.headMap(toKey);
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
      return map.tailMap(fromKey);
    }

    @Override
    public K firstKey() {
      return map.firstKey();
    }

    @Override
    public K lastKey() {
      return map.lastKey();
    }

    @Override
    public Set<K> keySet() {
      return map.keySet();
    }

    @Override
    public Collection<V> values() {
      return map.values();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
      return map.entrySet();
    }
  }
}
