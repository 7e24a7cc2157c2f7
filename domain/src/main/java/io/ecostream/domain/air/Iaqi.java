package io.ecostream.domain.air;

import java.util.Objects;

/**
 * The individual air quality index (空气质量分指数, IAQI) of one indicator: HJ 633-2012 §4.2 and Table 1,
 * HJ 633-2026 §4.2 and Table 3.
 *
 * <p>The concentration is first rounded as GB/T 8170 requires (HJ 633-2026 §4.2.2/4.2.3): to an
 * integer µg/m³, CO to one decimal mg/m³; see {@link Gbt8170}. HJ 633-2012 does not state this
 * rounding itself; values published under it have the same precision, so it is applied to both
 * editions. The IAQI is then Eq. (1) rounded up ("全部进位取整数", 2012 §6.2; "全部向上进位取整数", 2026 §4.2.6):
 *
 * <pre>IAQI = IAQI_Lo + ⌈(IAQI_Hi − IAQI_Lo) · (C − BP_Lo) / (BP_Hi − BP_Lo)⌉</pre>
 *
 * evaluated in exact integer arithmetic (CO in tenths of mg/m³). A {@code double} evaluation gets
 * exact integer results wrong, e.g. CO 24 h 2.2 mg/m³ gives 56 instead of 55.
 *
 * <p>Beyond the tables:
 *
 * <ul>
 *   <li>SO2 1 h above 800 µg/m³: HJ 633-2012 computes no IAQI ({@link #NONE}; the SO2 IAQI is
 *       reported from the 24-h average instead, which is the caller's job); HJ 633-2026 counts it
 *       as 200.
 *   <li>O3 8 h above 800 µg/m³: HJ 633-2012 computes no IAQI ({@link #NONE}; O3 is reported from
 *       the 1-h value); HJ 633-2026 counts it as 300.
 *   <li>Above the last breakpoint of any other column (e.g. PM2.5 above 500 µg/m³, CO 24 h above 60
 *       mg/m³) both editions are silent. This class returns 500: the AQI scale ends at 500 (2026
 *       §4.1.1: "1～500") and such a concentration is certainly at least 严重污染, so capping keeps the
 *       worst category without inventing an extrapolated value.
 * </ul>
 *
 * <p>Under HJ 633-2026 the O3 1-h column is for the real-time report only; the table is unchanged,
 * so this class computes it for either edition. Which indicators enter which AQI is decided by
 * {@link HourlyAqi} and {@link DailyAqi}.
 */
public final class Iaqi {

  /**
   * Returned where the standard computes no IAQI; also marks a missing IAQI in {@link AqiResult}.
   */
  public static final int NONE = -1;

  /** The IAQI row of the breakpoint table: IAQI_Lo/IAQI_Hi for BP_Lo/BP_Hi at the same index. */
  private static final int[] LEVELS = {0, 50, 100, 150, 200, 300, 400, 500};

  /**
   * The AQI scale ends here (2026 §4.1.1); used for concentrations above a column's last
   * breakpoint.
   */
  private static final int ABOVE_TABLE = 500;

  /** SO2 1 h above 800 µg/m³: "IAQI 按照 200 计" (HJ 633-2026 Table 3 note). */
  private static final int SO2_1H_ABOVE_800_2026 = 200;

  /** O3 8 h above 800 µg/m³: "IAQI 按照 300 计" (HJ 633-2026 Table 3 note). */
  private static final int O3_8H_ABOVE_800_2026 = 300;

  /**
   * Concentrations above this are above every column's last breakpoint (at most 3840 µg/m³, NO2 1
   * h), so they are not rounded: rounding cannot move them back into a table and huge values would
   * not fit a {@code long}.
   */
  private static final double BEYOND_EVERY_TABLE = 1e6;

  /**
   * Breakpoints per edition and column, in µg/m³ or, for CO, tenths of mg/m³. HJ 633-2012 Table 1
   * and HJ 633-2026 Table 3; only PM10 24 h and PM2.5 24 h at IAQI 100 differ (150 → 120, 75 → 60).
   */
  private static final int[][][] BREAKPOINTS =
      new int[AqiEdition.values().length][Indicator.values().length][];

  static {
    for (AqiEdition edition : AqiEdition.values()) {
      boolean is2012 = edition == AqiEdition.HJ_633_2012;
      int[][] t = BREAKPOINTS[edition.ordinal()];
      t[Indicator.SO2_24H.ordinal()] = new int[] {0, 50, 150, 475, 800, 1600, 2100, 2620};
      t[Indicator.SO2_1H.ordinal()] = new int[] {0, 150, 500, 650, 800};
      t[Indicator.NO2_24H.ordinal()] = new int[] {0, 40, 80, 180, 280, 565, 750, 940};
      t[Indicator.NO2_1H.ordinal()] = new int[] {0, 100, 200, 700, 1200, 2340, 3090, 3840};
      t[Indicator.PM10_24H.ordinal()] =
          new int[] {0, 50, is2012 ? 150 : 120, 250, 350, 420, 500, 600};
      t[Indicator.CO_24H.ordinal()] = new int[] {0, 20, 40, 140, 240, 360, 480, 600};
      t[Indicator.CO_1H.ordinal()] = new int[] {0, 50, 100, 350, 600, 900, 1200, 1500};
      t[Indicator.O3_1H.ordinal()] = new int[] {0, 160, 200, 300, 400, 800, 1000, 1200};
      t[Indicator.O3_8H.ordinal()] = new int[] {0, 100, 160, 215, 265, 800};
      t[Indicator.PM2_5_24H.ordinal()] =
          new int[] {0, 35, is2012 ? 75 : 60, 115, 150, 250, 350, 500};
    }
  }

  private Iaqi() {}

  /**
   * The IAQI of a concentration under the given edition.
   *
   * @param concentration in the indicator's unit (µg/m³; CO mg/m³), not yet rounded
   * @return the IAQI, 0–500, or {@link #NONE} where the edition computes none (2012: SO2 1 h or O3
   *     8 h above 800)
   * @throws IllegalArgumentException if the concentration is negative, NaN or infinite
   */
  public static int of(AqiEdition edition, Indicator indicator, double concentration) {
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(indicator, "indicator");
    if (!(concentration >= 0) || concentration == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Concentration of "
              + indicator
              + " must be finite and non-negative, was "
              + concentration);
    }
    Indicator column = indicator.breakpointColumn();
    int[] bp = BREAKPOINTS[edition.ordinal()][column.ordinal()];
    int last = bp.length - 1;
    if (concentration > BEYOND_EVERY_TABLE) {
      return aboveTable(edition, column);
    }
    long c =
        indicator.inTenths()
            ? Gbt8170.roundedTenths(concentration)
            : Gbt8170.roundedUnits(concentration);
    if (c > bp[last]) {
      return aboveTable(edition, column);
    }
    int hi = 0;
    while (c > bp[hi]) {
      hi++;
    }
    if (hi == 0) {
      return LEVELS[0];
    }
    int lo = hi - 1;
    long numerator = (long) (LEVELS[hi] - LEVELS[lo]) * (c - bp[lo]);
    long denominator = bp[hi] - bp[lo];
    return LEVELS[lo] + (int) ceilDiv(numerator, denominator);
  }

  private static int aboveTable(AqiEdition edition, Indicator column) {
    boolean is2012 = edition == AqiEdition.HJ_633_2012;
    if (column == Indicator.SO2_1H) {
      return is2012 ? NONE : SO2_1H_ABOVE_800_2026;
    }
    if (column == Indicator.O3_8H) {
      return is2012 ? NONE : O3_8H_ABOVE_800_2026;
    }
    return ABOVE_TABLE;
  }

  /** ⌈n / d⌉ for n ≥ 0, d > 0 ({@code Math.ceilDiv} arrives only in Java 18). */
  private static long ceilDiv(long n, long d) {
    return (n + d - 1) / d;
  }
}
