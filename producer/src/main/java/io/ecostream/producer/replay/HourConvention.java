package io.ecostream.producer.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the hour number of a file's time stamp means. Every ecostream reading is stamped with the
 * START of its averaging hour ({@code AirReading.hourStart}); a reader converts with this.
 */
public enum HourConvention {

  /** Hour h of day D is the average over h:00–(h+1):00 of D. */
  HOUR_BEGINNING("hour-beginning"),

  /**
   * Hour h of day D is the average over (h−1):00–h:00 (the Chinese publishing convention:
   * "16时的小时均值为 15:00-16:00的算术平均值"); hour 0 of D is 23:00–24:00 of the day before.
   */
  HOUR_ENDING("hour-ending");

  private final String label;

  HourConvention(String label) {
    this.label = label;
  }

  /**
   * The start of the averaging hour a file labels with {@code date} and {@code hour}.
   *
   * @param hour 0 … 23
   * @throws java.time.DateTimeException if the hour is out of range
   */
  public Instant hourStart(LocalDate date, int hour, ZoneId zone) {
    Instant labelled = date.atTime(hour, 0).atZone(zone).toInstant();
    return this == HOUR_BEGINNING ? labelled : labelled.minusSeconds(3600);
  }

  @Override
  public String toString() {
    return label;
  }
}
