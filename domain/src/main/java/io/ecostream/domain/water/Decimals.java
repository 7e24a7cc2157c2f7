package io.ecostream.domain.water;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How a measured {@code double} becomes a decimal, and the limit ladders of the standards compared
 * in exact decimal arithmetic.
 *
 * <p>A value stands for its shortest decimal representation, {@link BigDecimal#valueOf(double)}
 * (the digits {@link Double#toString} prints), the same reading as {@link
 * io.ecostream.domain.air.Gbt8170}: 0.2 is exactly the limit 0.2, 0.20000000001 is above it, and
 * {@code 0.1 + 0.2} (0.30000000000000004) is above 0.3 — which is why means and sums in this
 * package are computed in {@link BigDecimal}, never in {@code double}.
 */
final class Decimals {

  /**
   * Precision of divisions (means, CWQI quotients): 34 significant digits, far beyond a {@code
   * double}.
   */
  static final MathContext PRECISION = MathContext.DECIMAL128;

  private Decimals() {}

  /** The decimal a measured value stands for. */
  static BigDecimal of(double value) {
    return BigDecimal.valueOf(value);
  }

  /**
   * The decimal of a measured value of the named indicator.
   *
   * @throws IllegalArgumentException if the value is negative, NaN or infinite
   */
  static BigDecimal measured(Object indicator, double value) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          indicator + " must be finite and non-negative, was " + value);
    }
    return of(value);
  }

  /** Limits written as in the tables, e.g. {@code limits("0.02", "0.1")}. */
  static BigDecimal[] limits(String... values) {
    BigDecimal[] limits = new BigDecimal[values.length];
    for (int i = 0; i < values.length; i++) {
      limits[i] = new BigDecimal(values[i]);
    }
    return limits;
  }

  /**
   * The index of the first limit the value does not exceed (value ≤ limit), or {@code
   * limits.length} if none.
   */
  static int firstAtMost(BigDecimal value, BigDecimal[] limits) {
    int i = 0;
    while (i < limits.length && value.compareTo(limits[i]) > 0) {
      i++;
    }
    return i;
  }

  /**
   * The index of the first limit the value reaches: value ≥ limit, or value &gt; limit when {@code
   * strict}; {@code limits.length} if none. For "greater is better" items such as dissolved oxygen.
   */
  static int firstAtLeast(BigDecimal value, BigDecimal[] limits, boolean strict) {
    int i = 0;
    while (i < limits.length
        && (strict ? value.compareTo(limits[i]) <= 0 : value.compareTo(limits[i]) < 0)) {
      i++;
    }
    return i;
  }

  /** Whether lo ≤ value ≤ hi. */
  static boolean within(BigDecimal value, BigDecimal lo, BigDecimal hi) {
    return value.compareTo(lo) >= 0 && value.compareTo(hi) <= 0;
  }
}
