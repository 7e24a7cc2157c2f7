package io.ecostream.domain.stats;

import java.time.Month;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The minimum data for a statistic to be valid (污染物浓度数据有效性的最低要求), as named settings.
 *
 * <p>Sources and confidence (docs/standards.md#data-validity):
 *
 * <ul>
 *   <li>GB 3095-2026 Table 4, read in the text: a daily mean needs ≥ 20 hourly values; an 8-hour
 *       average ≥ 6 hourly values in its window; an annual mean ≥ 324 daily means, and each month ≥
 *       27 (February ≥ 25). GB 3095-2012 Table 4 is the same as far as is known.
 *   <li>HJ 663-2013, <b>not read</b> (recalled): the daily maximum 8-hour average (MDA8) is valid
 *       with ≥ 14 valid 8-hour values among its 17 windows, and also with fewer when its maximum
 *       exceeds the 8-hour limit (160 µg/m³, GB 3095 Grade II in both editions). Both parts are
 *       settings here: {@link #minWindowsPerMda8} and {@link #mda8ValidAboveLimit}.
 *   <li>Not in either standard, an own choice: the O3 daily maximum 1-hour value (daily AQI of HJ
 *       633-2012) needs as many hourly values as a daily mean ({@link #minHoursForO3Max1h}, 20).
 * </ul>
 *
 * <p>Table 4 sets the month and year minimum for SO2, NO2, PM10, PM2.5 (and NOx) annual means only;
 * it says nothing about the CO and O3 percentiles. The month rule is the same 25 for February in
 * leap years (the table gives no 26).
 *
 * @param minHoursPerDay hourly values for a valid daily mean (GB 3095 Table 4: 20)
 * @param minHoursPer8h hourly values in an 8-hour window for a valid 8-hour average (GB 3095 Table
 *     4: 6)
 * @param minWindowsPerMda8 valid 8-hour averages among the 17 of a day for a valid MDA8 (HJ 663,
 *     recalled: 14)
 * @param mda8ValidAboveLimit whether an MDA8 with fewer valid windows is still valid when its
 *     maximum, rounded to an integer by GB/T 8170, is above {@code mda8Limit} (HJ 663, recalled:
 *     yes)
 * @param mda8Limit the O3 8-hour limit of that exception, µg/m³ (GB 3095-2012 and -2026 Grade II:
 *     160)
 * @param minHoursForO3Max1h hourly values for a valid O3 daily maximum 1-hour value (own choice:
 *     20)
 * @param minDaysPerMonth valid daily means in a month other than February (GB 3095 Table 4: 27)
 * @param minDaysPerFebruary valid daily means in February (GB 3095 Table 4: 25)
 * @param minDaysPerYear valid daily means in a year (GB 3095 Table 4: 324)
 */
public record ValidityRules(
    int minHoursPerDay,
    int minHoursPer8h,
    int minWindowsPerMda8,
    boolean mda8ValidAboveLimit,
    double mda8Limit,
    int minHoursForO3Max1h,
    int minDaysPerMonth,
    int minDaysPerFebruary,
    int minDaysPerYear) {

  /** GB 3095 Table 4: an 8-hour average needs at least 6 hourly values in its window. */
  public static final int DEFAULT_MIN_HOURS_PER_8H = 6;

  /**
   * HJ 663-2013 (recalled, not read): an MDA8 needs at least 14 valid 8-hour averages of its 17.
   */
  public static final int DEFAULT_MIN_WINDOWS_PER_MDA8 = 14;

  /**
   * GB 3095-2012 and GB 3095-2026 Table 1, Grade II, O3 daily maximum 8-hour average: 160 µg/m³.
   */
  public static final double DEFAULT_MDA8_LIMIT = 160;

  /** GB 3095 Table 4: at least 27 daily means per month. */
  public static final int DEFAULT_MIN_DAYS_PER_MONTH = 27;

  /** GB 3095 Table 4: at least 25 daily means in February. */
  public static final int DEFAULT_MIN_DAYS_PER_FEBRUARY = 25;

  /** GB 3095 Table 4: at least 324 daily means per year. */
  public static final int DEFAULT_MIN_DAYS_PER_YEAR = 324;

  /** Hours in a natural day. */
  static final int HOURS_PER_DAY = 24;

  /** Hours in an 8-hour window. */
  static final int WINDOW_HOURS = 8;

  /** The 8-hour windows of an MDA8: those ending 08:00 … 24:00 of the day. */
  static final int MDA8_WINDOWS = HOURS_PER_DAY - WINDOW_HOURS + 1;

  private static final int MAX_DAYS_PER_YEAR = 366;

  /**
   * @throws IllegalArgumentException if a minimum is outside what its period can hold (e.g. more
   *     than 24 hours per day, more than 17 windows, more than 28 days for February) or below 1, or
   *     the limit is not positive
   */
  public ValidityRules {
    requireWithin("minHoursPerDay", minHoursPerDay, HOURS_PER_DAY);
    requireWithin("minHoursPer8h", minHoursPer8h, WINDOW_HOURS);
    requireWithin("minWindowsPerMda8", minWindowsPerMda8, MDA8_WINDOWS);
    if (!(mda8Limit > 0) || mda8Limit == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("mda8Limit must be positive and finite, was " + mda8Limit);
    }
    requireWithin("minHoursForO3Max1h", minHoursForO3Max1h, HOURS_PER_DAY);
    requireWithin("minDaysPerMonth", minDaysPerMonth, 30);
    requireWithin("minDaysPerFebruary", minDaysPerFebruary, 28);
    requireWithin("minDaysPerYear", minDaysPerYear, 365);
  }

  /**
   * The defaults: GB 3095 Table 4 where it speaks, HJ 663-2013 as recalled for the MDA8, 20 hours
   * for O3 1 h.
   */
  public static ValidityRules defaults() {
    return new ValidityRules(
        DailyMean.DEFAULT_MIN_HOURS,
        DEFAULT_MIN_HOURS_PER_8H,
        DEFAULT_MIN_WINDOWS_PER_MDA8,
        true,
        DEFAULT_MDA8_LIMIT,
        DailyMean.DEFAULT_MIN_HOURS,
        DEFAULT_MIN_DAYS_PER_MONTH,
        DEFAULT_MIN_DAYS_PER_FEBRUARY,
        DEFAULT_MIN_DAYS_PER_YEAR);
  }

  /** These rules with another MDA8 window minimum. */
  public ValidityRules withMinWindowsPerMda8(int windows) {
    return new ValidityRules(
        minHoursPerDay,
        minHoursPer8h,
        windows,
        mda8ValidAboveLimit,
        mda8Limit,
        minHoursForO3Max1h,
        minDaysPerMonth,
        minDaysPerFebruary,
        minDaysPerYear);
  }

  /** These rules with the MDA8 exceedance exception switched on or off. */
  public ValidityRules withMda8ValidAboveLimit(boolean validAboveLimit) {
    return new ValidityRules(
        minHoursPerDay,
        minHoursPer8h,
        minWindowsPerMda8,
        validAboveLimit,
        mda8Limit,
        minHoursForO3Max1h,
        minDaysPerMonth,
        minDaysPerFebruary,
        minDaysPerYear);
  }

  /**
   * The station's daily mean of the 24 hourly values (NaN = missing), or NaN below {@link
   * #minHoursPerDay}.
   */
  public double dailyMean(double[] hourly) {
    return DailyMean.stationMean(hourly, minHoursPerDay);
  }

  /**
   * The valid daily means a month needs: {@link #minDaysPerFebruary} in February, else {@link
   * #minDaysPerMonth}.
   */
  public int minDays(YearMonth month) {
    Objects.requireNonNull(month, "month");
    return month.getMonth() == Month.FEBRUARY ? minDaysPerFebruary : minDaysPerMonth;
  }

  /**
   * Whether a month with this many valid daily means is complete enough for its monthly mean to
   * count (GB 3095 Table 4).
   *
   * @throws IllegalArgumentException if the count is negative or more than the month has days
   */
  public boolean monthComplete(YearMonth month, int validDays) {
    Objects.requireNonNull(month, "month");
    if (validDays < 0 || validDays > month.lengthOfMonth()) {
      throw new IllegalArgumentException(
          month
              + " has "
              + month.lengthOfMonth()
              + " days, cannot have "
              + validDays
              + " valid daily values");
    }
    return validDays >= minDays(month);
  }

  /**
   * Whether a year with this many valid daily means is complete enough for its annual mean to count
   * (GB 3095 Table 4). Table 4 also requires each month to be complete ({@link #monthComplete});
   * that is checked separately.
   *
   * @throws IllegalArgumentException if the count is negative or above 366
   */
  public boolean yearComplete(int validDays) {
    if (validDays < 0 || validDays > MAX_DAYS_PER_YEAR) {
      throw new IllegalArgumentException("A year cannot have " + validDays + " valid daily values");
    }
    return validDays >= minDaysPerYear;
  }

  private static void requireWithin(String name, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(name + " must be within 1–" + max + ", was " + value);
    }
  }
}
