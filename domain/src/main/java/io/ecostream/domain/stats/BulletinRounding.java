package io.ecostream.domain.stats;

import io.ecostream.domain.air.Gbt8170;
import io.ecostream.domain.air.Pollutant;
import java.util.Objects;

/**
 * The precision of the figures in air-quality bulletins, all rounded by GB/T 8170 (round half to
 * even on the decimal value, "四舍六入五成双"; see {@link Gbt8170}):
 *
 * <ul>
 *   <li>concentrations: integers in µg/m³, CO one decimal in mg/m³ (HJ 633-2026 §4.2.2/§4.2.3 for
 *       daily values; bulletins print period statistics the same way);
 *   <li>good-day ratio and other shares, %: one decimal (docs/standards.md#bulletin-precision, e.g.
 *       "优良率为94.5%");
 *   <li>composite index: two decimals (docs/standards.md#composite-index, recalled: published
 *       values such as 3.08, 5.76);
 *   <li>change rates (同比变化率), % and percentage points: one decimal (e.g. "同比下降8.3%").
 * </ul>
 *
 * <p>Each method returns the {@code double} nearest to the rounded decimal (whose {@code toString}
 * prints it, e.g. 77.8), and passes NaN ("missing") through. A rounded value can be −0.0 (e.g. a
 * change rate of −0.04 %); compare with {@code ==}, not {@link Double#compare}, or print it through
 * {@code + 0.0}.
 */
public final class BulletinRounding {

  private BulletinRounding() {}

  /** A concentration as published: an integer, CO one decimal. */
  public static double concentration(Pollutant pollutant, double value) {
    Objects.requireNonNull(pollutant, "pollutant");
    if (Double.isNaN(value)) {
      return value;
    }
    return pollutant == Pollutant.CO
        ? Gbt8170.roundedTenths(value) / 10.0
        : Gbt8170.roundedUnits(value);
  }

  /** A share in percent, such as the good-day ratio (优良天数比例): one decimal. */
  public static double ratio(double percent) {
    return Double.isNaN(percent) ? percent : Gbt8170.roundedTenths(percent) / 10.0;
  }

  /** A composite index (综合指数): two decimals. */
  public static double index(double value) {
    return Double.isNaN(value) ? value : Gbt8170.roundedHundredths(value) / 100.0;
  }

  /** A change rate in percent or a change in percentage points: one decimal. */
  public static double changeRate(double percent) {
    return Double.isNaN(percent) ? percent : Gbt8170.roundedTenths(percent) / 10.0;
  }
}
