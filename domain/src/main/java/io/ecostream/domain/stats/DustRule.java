package io.ecostream.domain.stats;

/**
 * When a day counts as affected by dust (沙尘) from its own data, for the dust-deducted figures
 * ("扣沙"). The official rule was not found (docs/standards.md#dust-deduction: not found, assumed);
 * the default is a recalled heuristic: a coarse-particle day, daily PM10 ≥ 150 µg/m³ with
 * PM2.5/PM10 &lt; 0.35. A day is also dust-affected when the caller flags it ({@link
 * DailyRecord#dustFlagged()}, e.g. from a list of dust events published by the authorities); that
 * flag applies even when this rule is disabled.
 *
 * @param enabled whether days are flagged from their data at all; when false only the caller's
 *     flags count
 * @param minPm10 the daily PM10 at or above which a day may be a dust day, µg/m³ (default 150)
 * @param maxPm25ToPm10Ratio the PM2.5/PM10 ratio below which (strictly) it is one (default 0.35)
 */
public record DustRule(boolean enabled, double minPm10, double maxPm25ToPm10Ratio) {

  /** Recalled, not read: daily PM10 at or above this may be dust. */
  public static final double DEFAULT_MIN_PM10 = 150;

  /** Recalled, not read: a PM2.5/PM10 ratio below this marks coarse (dust) particles. */
  public static final double DEFAULT_MAX_PM25_TO_PM10_RATIO = 0.35;

  /**
   * @throws IllegalArgumentException if a threshold is not positive and finite
   */
  public DustRule {
    if (!(minPm10 > 0) || minPm10 == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("minPm10 must be positive and finite, was " + minPm10);
    }
    if (!(maxPm25ToPm10Ratio > 0) || maxPm25ToPm10Ratio == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "maxPm25ToPm10Ratio must be positive and finite, was " + maxPm25ToPm10Ratio);
    }
  }

  /** PM10 ≥ 150 µg/m³ and PM2.5/PM10 &lt; 0.35, enabled. */
  public static DustRule defaults() {
    return new DustRule(true, DEFAULT_MIN_PM10, DEFAULT_MAX_PM25_TO_PM10_RATIO);
  }

  /** No rule from the data: only the days the caller flags are dust-affected. */
  public static DustRule flagsOnly() {
    return new DustRule(false, DEFAULT_MIN_PM10, DEFAULT_MAX_PM25_TO_PM10_RATIO);
  }

  /**
   * Whether a day with these daily means is dust-affected by this rule: false when disabled or when
   * either value is missing (NaN). The ratio is compared as the correctly rounded quotient, so
   * PM2.5 70 / PM10 200 is exactly 0.35 and not below it.
   */
  public boolean matches(double pm10, double pm25) {
    return enabled && pm10 >= minPm10 && pm25 / pm10 < maxPm25ToPm10Ratio;
  }
}
