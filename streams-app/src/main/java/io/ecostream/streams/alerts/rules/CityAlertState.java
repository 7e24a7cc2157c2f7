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
 * What the heavy-pollution alerts remember of one city.
 *
 * @param closedThrough every day up to this one is closed; null while none is
 * @param days the retained days by date
 * @param episodes what was last emitted for each retained episode, by first day
 */
public record CityAlertState(
    String cityId,
    LocalDate closedThrough,
    SortedMap<LocalDate, Day> days,
    SortedMap<LocalDate, Episode> episodes) {

  public CityAlertState {
    Objects.requireNonNull(cityId, "cityId");
    days = Sealed.copyUnlessSealed(days);
    episodes = Sealed.copyUnlessSealed(episodes);
  }

  /**
   * The map as a state keeps it, without a copy: the tracker builds a new map for each update and
   * copying it again here was a large part of the cost of an update. The caller gives the map up
   * and must not change it afterwards.
   */
  static <K, V> SortedMap<K, V> seal(TreeMap<K, V> owned) {
    return new Sealed<>(owned);
  }

  public static CityAlertState empty(String cityId) {
    return new CityAlertState(cityId, null, new TreeMap<>(), new TreeMap<>());
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
