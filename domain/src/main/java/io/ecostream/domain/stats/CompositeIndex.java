package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * A composite index (环境空气质量综合指数) I_sum = Σ w_i · C_i / S_i (docs/standards.md#composite-index);
 * larger is worse.
 *
 * <p>By default ({@code roundFirst}) the six statistics are first rounded as published (integers,
 * CO one decimal; docs/standards.md#composite-index, recalled), so the index can be reproduced from
 * a bulletin's own figures. The sub-indices I_i are <em>not</em> rounded: the rule for them is not
 * known (docs/standards.md#open-questions) and rounding each to two decimals would change the sum.
 * The sum is computed as an exact fraction and rounded to two decimals by GB/T 8170 from that
 * fraction, so a sum that is exactly a tie (e.g. 3.675 → 3.68, 3.625 → 3.62) is rounded as a tie; a
 * sum of {@code double} ratios can land on either side of it. With the HJ 663-2013 limits and
 * rounded statistics every exact sum is a multiple of 1/3360, so its only possible ties end in …25
 * or …75.
 *
 * @param value the index, the {@code double} nearest to the exact sum; NaN when undefined
 * @param rounded the index as published, two decimals (GB/T 8170 on the exact sum); NaN when
 *     undefined
 * @param subIndices w_i · C_i / S_i per pollutant; all NaN when undefined
 */
public record CompositeIndex(double value, double rounded, PollutantValues subIndices) {

  /** The index of a period lacking one of the six statistics. */
  public static final CompositeIndex UNDEFINED =
      new CompositeIndex(Double.NaN, Double.NaN, PollutantValues.MISSING);

  private static final Pollutant[] POLLUTANTS = Pollutant.values();
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  /**
   * The composite index of the six period statistics.
   *
   * @param statistics SO2, NO2, PM10, PM2.5 means, CO 95th percentile (mg/m³), O3 90th percentile
   *     of MDA8; NaN where missing
   * @param roundFirst whether to round the statistics as published before dividing (default true)
   * @return the index, or {@link #UNDEFINED} when a statistic is missing
   * @throws IllegalArgumentException if a statistic is negative or infinite
   */
  public static CompositeIndex of(
      PollutantValues statistics, CompositeIndexDefinition definition, boolean roundFirst) {
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(definition, "definition");
    if (!statistics.complete()) {
      return UNDEFINED;
    }
    for (Pollutant pollutant : POLLUTANTS) {
      double concentration = statistics.get(pollutant);
      if (concentration < 0 || concentration == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            pollutant.label() + " statistic must be finite and ≥ 0, was " + concentration);
      }
    }
    PollutantValues c = roundFirst ? statistics.published() : statistics;
    double[] sub = new double[POLLUTANTS.length];
    BigInteger numerator = BigInteger.ZERO;
    BigInteger denominator = BigInteger.ONE;
    for (Pollutant pollutant : POLLUTANTS) {
      double concentration = c.get(pollutant);
      double weight = definition.weights().get(pollutant);
      double limit = definition.limits().get(pollutant);
      sub[pollutant.ordinal()] = weight * concentration / limit;
      // w · C / S as the fraction (w · C) / S of two decimals, each read as its shortest decimal
      // representation.
      BigDecimal top = BigDecimal.valueOf(weight).multiply(BigDecimal.valueOf(concentration));
      BigDecimal bottom = BigDecimal.valueOf(limit);
      BigInteger termNumerator = unscaled(top).multiply(powerOfTen(bottom.scale()));
      BigInteger termDenominator = unscaled(bottom).multiply(powerOfTen(top.scale()));
      numerator = numerator.multiply(termDenominator).add(termNumerator.multiply(denominator));
      denominator = denominator.multiply(termDenominator);
    }
    double value =
        new BigDecimal(numerator)
            .divide(new BigDecimal(denominator), MathContext.DECIMAL128)
            .doubleValue();
    BigInteger[] qr = numerator.multiply(HUNDRED).divideAndRemainder(denominator);
    int half = qr[1].shiftLeft(1).compareTo(denominator);
    BigInteger hundredths =
        half > 0 || half == 0 && qr[0].testBit(0) ? qr[0].add(BigInteger.ONE) : qr[0];
    return new CompositeIndex(
        value,
        hundredths.longValueExact() / 100.0,
        new PollutantValues(sub[0], sub[1], sub[2], sub[3], sub[4], sub[5]));
  }

  /** Whether the index could be computed (all six statistics present). */
  public boolean defined() {
    return !Double.isNaN(value);
  }

  /** The sub-index of one pollutant, w_i · C_i / S_i. */
  public double subIndex(Pollutant pollutant) {
    return subIndices.get(pollutant);
  }

  /**
   * The unscaled value times 10^(−scale) when the scale is negative, so that x = result /
   * 10^max(scale, 0).
   */
  private static BigInteger unscaled(BigDecimal x) {
    return x.scale() >= 0
        ? x.unscaledValue()
        : x.unscaledValue().multiply(BigInteger.TEN.pow(-x.scale()));
  }

  private static BigInteger powerOfTen(int scale) {
    return scale > 0 ? BigInteger.TEN.pow(scale) : BigInteger.ONE;
  }
}
