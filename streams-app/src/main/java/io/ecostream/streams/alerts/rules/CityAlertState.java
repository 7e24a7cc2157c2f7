package io.ecostream.streams.alerts.rules;

import io.ecostream.streams.alerts.rules.AlertChange.Status;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
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
    days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
    episodes = Collections.unmodifiableSortedMap(new TreeMap<>(episodes));
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
}
