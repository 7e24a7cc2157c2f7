package io.ecostream.streams.alerts.rules;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A city-daily figure as a test writes it: {@code day(15).running(215).hours(8)} is Binzhou on 15
 * January 2024 with a running AQI of 215 after 8 hours from each of its 3 stations. Its event time
 * is the start of the latest hour it covers, local time, as the city-day aggregate stamps it.
 */
final class Figure {

  static final int STATIONS = 3;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final LocalDate date;
  private String city = "binzhou";
  private Integer runningAqi;
  private Integer aqi;
  private boolean valid;
  private int stations = STATIONS;
  private Integer hoursPerStation = 0;
  private int stationHours;

  private Figure(LocalDate date) {
    this.date = date;
  }

  /** A day of January 2024. */
  static LocalDate january(int dayOfMonth) {
    return LocalDate.of(2024, 1, dayOfMonth);
  }

  static Figure day(int dayOfMonth) {
    return new Figure(january(dayOfMonth));
  }

  Figure in(String cityId) {
    this.city = cityId;
    return this;
  }

  Figure running(int aqi) {
    this.runningAqi = aqi;
    return this;
  }

  /** Hours of data from each station. */
  Figure hours(int perStation) {
    this.hoursPerStation = perStation;
    return this;
  }

  Figure stations(int reporting) {
    this.stations = reporting;
    return this;
  }

  /** Station-hours summed over the stations, however they are spread. */
  Figure stationHours(int total) {
    this.hoursPerStation = null;
    this.stationHours = total;
    return this;
  }

  /**
   * The complete day: 24 hours from each station, a valid daily AQI, the running AQI equal to it.
   */
  Figure daily(int dailyAqi) {
    this.aqi = dailyAqi;
    this.valid = true;
    this.runningAqi = dailyAqi;
    this.hoursPerStation = 24;
    return this;
  }

  /**
   * The complete day without a valid daily AQI (a pollutant missing and the others 100 or less).
   */
  Figure noValidAqi() {
    this.aqi = null;
    this.valid = false;
    this.hoursPerStation = 24;
    return this;
  }

  String cityDay() {
    return city + "@" + date;
  }

  CityDayUpdate withRevision(long revision) {
    int total = hoursPerStation == null ? stationHours : hoursPerStation * stations;
    int latestHour = Math.max(0, Math.min(23, (total + stations - 1) / stations - 1));
    return new CityDayUpdate(
        city,
        date,
        revision,
        runningAqi,
        aqi,
        valid,
        total,
        total == 0 ? 0 : stations,
        date.atTime(latestHour, 0).atZone(CHINA).toInstant());
  }
}
