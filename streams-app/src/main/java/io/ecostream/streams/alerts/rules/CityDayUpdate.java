package io.ecostream.streams.alerts.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One revision of a city's daily figure, as far as the alerts need it (a city-daily record).
 *
 * @param runningAqi AQI of the hours received so far; null when not available
 * @param aqi published daily AQI; null when not published
 * @param valid whether the day is a valid monitoring day
 * @param stationHours station-hours received, summed over the stations
 * @param stationsReporting stations with at least one hour that day
 * @param eventTime record timestamp of the update (event time, never the wall clock)
 */
public record CityDayUpdate(
    String cityId,
    LocalDate date,
    long revision,
    Integer runningAqi,
    Integer aqi,
    boolean valid,
    int stationHours,
    int stationsReporting,
    Instant eventTime) {

  public CityDayUpdate {
    Objects.requireNonNull(cityId, "cityId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  /** Whether the reporting stations have, on average, at least {@code hours} hours of data. */
  public boolean hasHoursPerStation(int hours) {
    return stationsReporting > 0 && stationHours >= (long) hours * stationsReporting;
  }
}
