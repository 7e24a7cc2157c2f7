package io.ecostream.streams.alerts.rules;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A new state of one alert; a later change with the same {@code alertId} replaces it.
 *
 * @param date the day of a day alert, the first day of an episode
 * @param value the AQI behind the change (running AQI when provisional, daily AQI otherwise, the
 *     episode's highest daily AQI); null when there is none
 * @param eventTime record timestamp of the city-daily update that caused the change
 */
public record AlertChange(
    String alertId,
    Type type,
    Status status,
    String cityId,
    LocalDate date,
    Integer value,
    String message,
    Instant eventTime) {

  public enum Type {
    HEAVY_POLLUTION_DAY,
    HEAVY_POLLUTION_EPISODE
  }

  /** The same symbols as the Avro {@code AlertStatus}. */
  public enum Status {
    PROVISIONAL,
    CONFIRMED,
    CANCELLED,
    RAISED,
    CLEARED
  }

  public static String dayAlertId(String cityId, LocalDate date) {
    return "heavy-pollution@" + cityId + "@" + date;
  }

  public static String episodeAlertId(String cityId, LocalDate firstDay) {
    return "heavy-pollution-episode@" + cityId + "@" + firstDay;
  }
}
