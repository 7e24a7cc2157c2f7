package io.ecostream.producer.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One simulated hour: its start as an instant (the event time of the hour's air readings) and as a
 * local date and time, computed once per hour and shared by every station.
 *
 * @param dayOfYear 1-366
 * @param hour local start hour, 0-23
 */
public record SimHour(Instant start, int year, int month, int dayOfMonth, int dayOfYear, int hour) {

  public static SimHour of(Instant start, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(start, zone);
    return new SimHour(
        start,
        local.getYear(),
        local.getMonthValue(),
        local.getDayOfMonth(),
        local.getDayOfYear(),
        local.getHour());
  }

  /** Hours since the epoch; a 4-hour slot starts when this is a multiple of 4 in UTC+8 as well. */
  public long epochHour() {
    return Math.floorDiv(start.getEpochSecond(), 3600);
  }
}
