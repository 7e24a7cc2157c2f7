package io.ecostream.streams.air;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The local-hour part of the keys of hourly figures: {@code yyyy-MM-ddTHH}. */
public final class HourKeys {

  private HourKeys() {}

  /** The key of a station's or a city's figure of an hour: {@code id@yyyy-MM-ddTHH}. */
  public static String key(String id, String localHour) {
    return id + "@" + localHour;
  }

  public static String localHour(Instant hourStart, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(hourStart, zone);
    int hour = local.getHour();
    return local.toLocalDate() + (hour < 10 ? "T0" : "T") + hour;
  }
}
