package io.ecostream.streams.alerts.rules;

/**
 * Settings of the heavy-pollution alerts. "Hours" here are hours of data per reporting station,
 * {@code stationHours / stationsReporting} of a city-daily figure, compared without division as
 * {@code stationHours >= hours * stationsReporting}: unlike the raw station-hour count it means the
 * same in a city with two stations and in one with twelve.
 *
 * @param heavyAboveAqi a day is heavily polluted when its daily AQI is above this (重污染天: AQI &gt;
 *     200, HJ 633 categories 重度 and 严重, docs/standards.md#good-days-and-heavy-pollution-days)
 * @param minHoursForProvisional hours of data per reporting station the running AQI needs before a
 *     provisional alert trusts it (default 6 [R]: a quarter of the day, so one bad night hour does
 *     not raise it)
 * @param closeAfterHours a day closes when a later day of the same city has this many hours of data
 *     per reporting station (default 2: by then stations have sent the closed day's last hours)
 * @param correctionDays a day more than this many days before the newest closed day is frozen: its
 *     corrections are ignored and its state is dropped (default 31 [R]: a monthly bulletin's days
 *     can still be corrected during the next month)
 */
public record HeavyPollutionRules(
    int heavyAboveAqi, int minHoursForProvisional, int closeAfterHours, int correctionDays) {

  public static final int HEAVY_ABOVE_AQI = 200;
  public static final int MIN_HOURS_FOR_PROVISIONAL = 6;
  public static final int CLOSE_AFTER_HOURS = 2;
  public static final int CORRECTION_DAYS = 31;

  public HeavyPollutionRules {
    requireRange("heavyAboveAqi", heavyAboveAqi, 0, 500);
    requireRange("minHoursForProvisional", minHoursForProvisional, 0, 24);
    requireRange("closeAfterHours", closeAfterHours, 0, 24);
    requireRange("correctionDays", correctionDays, 1, 3660);
  }

  public static HeavyPollutionRules defaults() {
    return new HeavyPollutionRules(
        HEAVY_ABOVE_AQI, MIN_HOURS_FOR_PROVISIONAL, CLOSE_AFTER_HOURS, CORRECTION_DAYS);
  }

  /** Whether the running AQI of a day still open makes a heavy day likely. */
  public boolean provisionalHeavy(CityDayUpdate day) {
    return day.runningAqi() != null
        && day.runningAqi() > heavyAboveAqi
        && day.hasHoursPerStation(minHoursForProvisional);
  }

  /** Whether the published daily AQI makes it a heavy-pollution day. */
  public boolean heavy(CityDayUpdate day) {
    return day.valid() && day.aqi() != null && day.aqi() > heavyAboveAqi;
  }

  /** Whether this update of a day closes every earlier day of the city. */
  public boolean closesEarlierDays(CityDayUpdate day) {
    return day.hasHoursPerStation(closeAfterHours);
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "heavy-pollution setting " + name + " must be in " + min + ".." + max + ", got " + value);
    }
  }
}
