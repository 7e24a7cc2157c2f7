package io.ecostream.streams.air;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The local days of a zone against hours counted from the epoch, remembered for the day last asked
 * about: readings come hour by hour, so nearly every question in a row is about the same day, and
 * working it out through the zone's rules each time was a measurable share of a reading's cost.
 * Single-threaded, like the task that holds it.
 */
final class LocalDays {

  private static final long SECONDS_PER_HOUR = 3_600L;

  private final ZoneId zone;

  /**
   * The day last asked about; its hours are {@link #fromHour} (inclusive) to {@link #toHour}, none
   * before the first question.
   */
  private long day = Long.MIN_VALUE;

  private long fromHour;
  private long toHour;

  /** The same day's bounds as {@link #firstHour} and {@link #endHour} give them. */
  private long firstHour;

  private long endHour;
  private boolean wholeHours;

  LocalDays(ZoneId zone) {
    this.zone = zone;
  }

  /** The local date (as an epoch day) of the hour's start. */
  long epochDay(long hour) {
    if (hour < fromHour || hour >= toHour) {
      remember(
          LocalDate.ofInstant(Instant.ofEpochSecond(hour * SECONDS_PER_HOUR), zone).toEpochDay());
    }
    return day;
  }

  /** The hour (counted from the epoch) that holds the day's first instant. */
  long firstHour(long epochDay) {
    rememberDay(epochDay);
    return firstHour;
  }

  /** The hour that holds the next day's first instant. */
  long endHour(long epochDay) {
    rememberDay(epochDay);
    return endHour;
  }

  /**
   * Whether the day is 24 whole hours: no daylight-saving shift, and it starts on the hour, so its
   * hours map to slots by subtraction.
   */
  boolean wholeHours(long epochDay) {
    rememberDay(epochDay);
    return wholeHours;
  }

  private void rememberDay(long epochDay) {
    if (epochDay != day) {
      remember(epochDay);
    }
  }

  private void remember(long epochDay) {
    long start = LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
    long next = LocalDate.ofEpochDay(epochDay + 1).atStartOfDay(zone).toEpochSecond();
    day = epochDay;
    // The hours whose start falls within the day: the same as LocalDate.ofInstant of their start.
    fromHour = -Math.floorDiv(-start, SECONDS_PER_HOUR);
    toHour = -Math.floorDiv(-next, SECONDS_PER_HOUR);
    firstHour = Math.floorDiv(start, SECONDS_PER_HOUR);
    endHour = Math.floorDiv(next, SECONDS_PER_HOUR);
    wholeHours = endHour - firstHour == 24 && fromHour == firstHour;
  }
}
