package io.ecostream.domain.stats;

import io.ecostream.domain.air.Gbt8170;
import java.util.Objects;

/**
 * The O3 daily statistics: 8-hour moving averages, the daily maximum 8-hour average (MDA8) and the
 * daily maximum 1-hour value, with the validity rules of {@link ValidityRules}.
 *
 * <p>Hourly values are indexed by their start hour ("slot"): slot 0 is 00:00–01:00 and slot 23 is
 * 23:00–24:00; NaN marks a missing or invalid hour (GB 3095 Table 4: an O3 hour needs ≥ 45 minutes
 * of sampling, the caller's check). The 8-hour window ending at slot e covers slots e−7 … e, so the
 * window "ending 08:00" is slots 0–7 and the window "ending 24:00" is slots 16–23 (GB 3095-2026
 * §3.8: the mean of 8 consecutive hourly values).
 */
public final class Ozone {

  private Ozone() {}

  /**
   * The 8-hour average of the window ending at {@code lastSlot}: the mean of the hourly values
   * present in slots {@code lastSlot − 7 … lastSlot}, or NaN when fewer than {@link
   * ValidityRules#minHoursPer8h} are present (GB 3095 Table 4: 6). The series may span several days
   * (e.g. yesterday's 24 hours followed by today's); slots before the start of the array count as
   * missing.
   *
   * @throws IndexOutOfBoundsException if {@code lastSlot} is not an index of {@code hourly}
   */
  public static double movingAverage8h(double[] hourly, int lastSlot, ValidityRules rules) {
    Objects.checkIndex(lastSlot, hourly.length);
    double sum = 0;
    int count = 0;
    for (int slot = Math.max(0, lastSlot - ValidityRules.WINDOW_HOURS + 1);
        slot <= lastSlot;
        slot++) {
      double value = hourly[slot];
      if (!Double.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    return count >= rules.minHoursPer8h() ? sum / count : Double.NaN;
  }

  /**
   * The MDA8 of one natural day: the maximum of the 17 8-hour averages ending 08:00 … 24:00 (slots
   * 0–7 … 16–23), only hours of the same day (HJ 663-2013 as recalled,
   * docs/standards.md#ozone-mda8; windows reaching into the previous day are not used).
   *
   * <p>Valid when at least {@link ValidityRules#minWindowsPerMda8} windows are valid (default 14),
   * or, with {@link ValidityRules#mda8ValidAboveLimit}, when at least one is and the maximum is
   * above {@link ValidityRules#mda8Limit}. The exceedance is judged on the maximum rounded to an
   * integer by GB/T 8170, the precision the MDA8 is published and evaluated at (HJ 633-2026
   * §4.2.2): a maximum of 160.5 rounds to 160 and does not exceed 160. This is a judgement call; HJ
   * 663 was not read.
   *
   * @param hourly the 24 hourly values of the day by start hour, NaN where missing
   * @throws IllegalArgumentException if {@code hourly} does not hold 24 values
   */
  public static Mda8 dailyMax8h(double[] hourly, ValidityRules rules) {
    requireDay(hourly);
    double max = Double.NaN;
    int validWindows = 0;
    for (int lastSlot = ValidityRules.WINDOW_HOURS - 1;
        lastSlot < ValidityRules.HOURS_PER_DAY;
        lastSlot++) {
      double average = movingAverage8h(hourly, lastSlot, rules);
      if (!Double.isNaN(average)) {
        validWindows++;
        if (Double.isNaN(max) || average > max) {
          max = average;
        }
      }
    }
    return mda8(max, validWindows, rules);
  }

  /** The MDA8 of the largest valid 8-hour average and the count of valid windows. */
  static Mda8 mda8(double max, int validWindows, ValidityRules rules) {
    return new Mda8(max, validWindows, valid(max, validWindows, rules));
  }

  /**
   * The same MDA8 judged valid or not by other rules whose 8-hour windows are the same (equal
   * {@link ValidityRules#minHoursPer8h}), without computing the windows again.
   *
   * @param from the rules {@code mda8} was computed by
   * @throws IllegalArgumentException if the two rules' 8-hour windows differ
   */
  public static Mda8 judgedBy(Mda8 mda8, ValidityRules from, ValidityRules rules) {
    if (from.minHoursPer8h() != rules.minHoursPer8h()) {
      throw new IllegalArgumentException(
          "8-hour windows of "
              + from.minHoursPer8h()
              + " and "
              + rules.minHoursPer8h()
              + " hours differ");
    }
    return new Mda8(mda8.max(), mda8.validWindows(), valid(mda8.max(), mda8.validWindows(), rules));
  }

  private static boolean valid(double max, int validWindows, ValidityRules rules) {
    return validWindows >= rules.minWindowsPerMda8()
        || rules.mda8ValidAboveLimit()
            && validWindows > 0
            && Gbt8170.roundedUnits(max) > rules.mda8Limit();
  }

  /**
   * The O3 daily maximum 1-hour value (日最大 1 小时平均), which enters the daily AQI of HJ 633-2012: the
   * largest hourly value present, or NaN when fewer than {@link ValidityRules#minHoursForO3Max1h}
   * are present (default 20, as for a daily mean; neither standard states a minimum, so this is a
   * setting). Unlike the MDA8 there is no exceedance exception: none is documented for it.
   *
   * @param hourly the 24 hourly values of the day by start hour, NaN where missing
   * @throws IllegalArgumentException if {@code hourly} does not hold 24 values
   */
  public static double dailyMax1h(double[] hourly, ValidityRules rules) {
    requireDay(hourly);
    double max = Double.NaN;
    int count = 0;
    for (double value : hourly) {
      if (!Double.isNaN(value)) {
        count++;
        if (Double.isNaN(max) || value > max) {
          max = value;
        }
      }
    }
    return count >= rules.minHoursForO3Max1h() ? max : Double.NaN;
  }

  private static void requireDay(double[] hourly) {
    if (hourly.length != ValidityRules.HOURS_PER_DAY) {
      throw new IllegalArgumentException("A day has 24 hourly values, got " + hourly.length);
    }
  }
}
