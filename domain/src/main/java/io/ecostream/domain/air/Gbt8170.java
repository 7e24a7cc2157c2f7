package io.ecostream.domain.air;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of concentrations as GB/T 8170 prescribes: round half to even ("四舍六入五成双") on the decimal
 * value.
 *
 * <p>HJ 633-2026 §4.2.2/§4.2.3 round concentrations this way before an IAQI is computed: SO2, NO2,
 * O3, PM10 and PM2.5 to integers (µg/m³), CO to one decimal (mg/m³).
 *
 * <p>A {@code double} stands for its shortest decimal representation, the digits {@link
 * Double#toString(double)} is meant to print: {@code 1.05} is the decimal 1.05 (a tie, rounded to
 * 1.0), although the binary value is slightly above 1.05. The rounding is exact and allocation-free
 * for |x| &lt; 10⁹: away from a tie {@link Math#rint} on the scaled value decides; near a tie the
 * decimal tie value T is converted to the nearest {@code double} by one correctly rounded division,
 * and x is the tie exactly when it equals that {@code double}; otherwise, because decimal-to-binary
 * conversion is monotonic, x lies on the same side of T as its decimal value. Larger magnitudes
 * (far beyond any concentration) go through {@link BigDecimal#valueOf(double)}.
 */
public final class Gbt8170 {

  /**
   * Below this magnitude a double's decimal value can be decided without strings: the error of
   * {@code x * 100} stays far below {@link #TIE_WINDOW}, and no shorter decimal than the tie itself
   * can denote the same double.
   */
  private static final double EXACT_LIMIT = 1e9;

  /** Scaled values closer than this to a .5 tie take the exact tie check. */
  private static final double TIE_WINDOW = 1e-4;

  private Gbt8170() {}

  /**
   * The value rounded to an integer, half to even on its decimal value: 2.5 → 2, 3.5 → 4, 34.5 →
   * 34.
   *
   * @throws IllegalArgumentException if the value is NaN or infinite
   * @throws ArithmeticException if the result does not fit in a {@code long}
   */
  public static long roundedUnits(double value) {
    return rounded(value, 1, 0);
  }

  /**
   * The value rounded to one decimal, half to even on its decimal value, returned in tenths: 1.05 →
   * 10 (1.0), 1.15 → 12 (1.2), 1.25 → 12 (1.2).
   *
   * @throws IllegalArgumentException if the value is NaN or infinite
   * @throws ArithmeticException if the result does not fit in a {@code long}
   */
  public static long roundedTenths(double value) {
    return rounded(value, 10, 1);
  }

  /**
   * The value rounded to two decimals, half to even on its decimal value, returned in hundredths:
   * 3.675 → 368 (3.68), 3.665 → 366 (3.66). For figures published to two decimals, such as the
   * composite index (综合指数).
   *
   * @throws IllegalArgumentException if the value is NaN or infinite
   * @throws ArithmeticException if the result does not fit in a {@code long}
   */
  public static long roundedHundredths(double value) {
    return rounded(value, 100, 2);
  }

  private static long rounded(double value, int scale, int decimals) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Cannot round " + value);
    }
    if (Math.abs(value) >= EXACT_LIMIT) {
      return BigDecimal.valueOf(value)
          .setScale(decimals, RoundingMode.HALF_EVEN)
          .unscaledValue()
          .longValueExact();
    }
    double scaled = value * scale;
    double floor = Math.floor(scaled);
    if (Math.abs(scaled - floor - 0.5) > TIE_WINDOW) {
      return (long) Math.rint(scaled);
    }
    // The decimal tie (floor + ½) / scale, as the double nearest to it: (2·floor + 1) and 2·scale
    // are exact, and
    // IEEE division rounds the exact quotient correctly.
    double tie = (2 * floor + 1) / (2 * scale);
    long below = (long) floor;
    if (value == tie) {
      return below % 2 == 0 ? below : below + 1;
    }
    return value > tie ? below + 1 : below;
  }
}
