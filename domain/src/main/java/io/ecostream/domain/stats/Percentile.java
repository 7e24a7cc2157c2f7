package io.ecostream.domain.stats;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Percentiles (百分位数) by the method of HJ 663 Appendix A (docs/standards.md#percentiles; the same as
 * Excel PERCENTILE.INC and numpy "linear"):
 *
 * <pre>
 * X(1) ≤ … ≤ X(n) the values in ascending order
 * k = 1 + (n − 1) · p / 100,  s = the integer part of k
 * m_p = X(s) + (X(s+1) − X(s)) · (k − s)          (m_p = X(k) when k is an integer)
 * </pre>
 *
 * <p>The percentile p is a whole number (HJ 663 uses 90, 95 and 98), so k − s = r / 100 with the
 * integer r = (n − 1)·p mod 100 and no rounding error. The interpolation X(s)·(100 − r)/100 +
 * X(s+1)·r/100 is done in decimal on the values' {@link Double#toString shortest decimal
 * representations}, and only the result is converted to a {@code double}: a percentile that is
 * exactly a rounding tie (say CO 1.25 mg/m³) comes out as the {@code double} that {@link
 * io.ecostream.domain.air.Gbt8170} reads as that tie, not as 1.2499999999999998. Doubles
 * interpolated in binary could land on either side of it.
 */
public final class Percentile {

  private static final int HUNDRED = 100;

  private Percentile() {}

  /**
   * The p-th percentile of the values present (NaN = missing, ignored); NaN when none is present.
   * Copies and sorts the values present; the input is not changed.
   *
   * @param percent p, 0–100
   * @throws IllegalArgumentException if {@code percent} is outside 0–100
   */
  public static double of(double[] values, int percent) {
    double[] present = new double[values.length];
    int n = 0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        present[n++] = value;
      }
    }
    Arrays.sort(present, 0, n);
    return ofSorted(present, n, percent);
  }

  /**
   * The p-th percentile of the first {@code count} values of {@code sorted}, which must be in
   * ascending order and without NaN; NaN when {@code count} is 0. Allocation-free unless the
   * percentile falls between two different values.
   *
   * @param percent p, 0–100
   * @throws IllegalArgumentException if {@code percent} is outside 0–100 or {@code count} outside
   *     the array
   */
  public static double ofSorted(double[] sorted, int count, int percent) {
    if (percent < 0 || percent > HUNDRED) {
      throw new IllegalArgumentException("Percentile must be within 0–100, was " + percent);
    }
    if (count < 0 || count > sorted.length) {
      throw new IllegalArgumentException(
          "count must be within 0–" + sorted.length + ", was " + count);
    }
    if (count == 0) {
      return Double.NaN;
    }
    long scaled = (long) (count - 1) * percent; // 100 · (k − 1)
    int s = (int) (scaled / HUNDRED); // s − 1, a 0-based index
    int r = (int) (scaled % HUNDRED); // 100 · (k − s)
    double low = sorted[s];
    if (r == 0) {
      return low;
    }
    double high = sorted[s + 1];
    if (low == high) {
      return low;
    }
    return BigDecimal.valueOf(low)
        .multiply(BigDecimal.valueOf(HUNDRED - r))
        .add(BigDecimal.valueOf(high).multiply(BigDecimal.valueOf(r)))
        .movePointLeft(2)
        .doubleValue();
  }
}
