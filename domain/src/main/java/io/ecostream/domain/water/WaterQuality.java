package io.ecostream.domain.water;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The measured values of one sample, or the period values, of one section, point or source: a value
 * per {@link WaterItem} in the item's unit. An item that is absent was not measured and is not
 * evaluated.
 *
 * <p>A value below the detection limit is the caller's to substitute (e.g. half the detection
 * limit, {@link CwqiRules#belowDetectionLimit}); this type holds numbers only.
 *
 * @param values the values by item; copied, iterated in {@link WaterItem} order
 */
public record WaterQuality(Map<WaterItem, Double> values) {

  /** How the pH values of a period are averaged. */
  public enum PhAveraging {
    /**
     * −log10 of the mean hydrogen-ion concentration, −log10(mean 10^−pH): surface water
     * (docs/standards.md#section-class-and-shares, from 环办监测函〔2020〕82号 as quoted). The default.
     */
    HYDROGEN_ION,
    /**
     * The arithmetic mean of the pH values (for sea water the method is not confirmed,
     * docs/standards.md#sea-point-class-and-shares).
     */
    ARITHMETIC
  }

  private static final WaterQuality EMPTY = new WaterQuality(Map.of());

  /**
   * @throws IllegalArgumentException if a value is negative, NaN or infinite
   */
  public WaterQuality {
    Objects.requireNonNull(values, "values");
    EnumMap<WaterItem, Double> copy = new EnumMap<>(WaterItem.class);
    values.forEach(
        (item, value) -> {
          Objects.requireNonNull(item, "item");
          Objects.requireNonNull(value, () -> "value of " + item);
          if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                item + " must be finite and non-negative, was " + value);
          }
          copy.put(item, value);
        });
    values = Collections.unmodifiableMap(copy);
  }

  /** No item measured. */
  public static WaterQuality empty() {
    return EMPTY;
  }

  /** These values with the item set to the value. */
  public WaterQuality with(WaterItem item, double value) {
    EnumMap<WaterItem, Double> copy = new EnumMap<>(WaterItem.class);
    copy.putAll(values);
    copy.put(Objects.requireNonNull(item, "item"), value);
    return new WaterQuality(copy);
  }

  /** The item's value; empty when it was not measured. */
  public OptionalDouble get(WaterItem item) {
    Double value = values.get(Objects.requireNonNull(item, "item"));
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** Whether the item was measured. */
  public boolean has(WaterItem item) {
    return values.containsKey(Objects.requireNonNull(item, "item"));
  }

  /**
   * The period values by {@link PhAveraging#HYDROGEN_ION}: see {@link #mean(Collection,
   * PhAveraging)}.
   */
  public static WaterQuality mean(Collection<WaterQuality> samples) {
    return mean(samples, PhAveraging.HYDROGEN_ION);
  }

  /**
   * The period values (评价时段均值) of the samples: per item the arithmetic mean of the samples that
   * measured it (docs/standards.md#section-class-and-shares), pH as chosen. Also used for the mean
   * concentrations of a river with fewer than five sections.
   *
   * <p>Means are computed in decimal ({@link Decimals}) and then converted to the nearest {@code
   * double}: the mean of 0.1 and 0.2 is 0.15, not 0.15000000000000002.
   */
  public static WaterQuality mean(Collection<WaterQuality> samples, PhAveraging phAveraging) {
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(phAveraging, "phAveraging");
    EnumMap<WaterItem, Double> means = new EnumMap<>(WaterItem.class);
    for (WaterItem item : WaterItem.values()) {
      BigDecimal sum = BigDecimal.ZERO;
      double minimum = Double.POSITIVE_INFINITY;
      int n = 0;
      for (WaterQuality sample : samples) {
        Double value = sample.values.get(item);
        if (value != null) {
          sum = sum.add(Decimals.of(value));
          minimum = Math.min(minimum, value);
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      if (item == WaterItem.PH && phAveraging == PhAveraging.HYDROGEN_ION) {
        means.put(item, hydrogenIonMean(samples, minimum));
      } else {
        means.put(item, sum.divide(BigDecimal.valueOf(n), Decimals.PRECISION).doubleValue());
      }
    }
    return new WaterQuality(means);
  }

  /**
   * −log10(mean 10^−pH), computed as pHmin − log10(mean 10^−(pH − pHmin)) so that equal values give
   * that value exactly (10^0 = 1, log10 1 = 0); the result is kept within [pHmin, pHmax], where the
   * exact mean lies.
   */
  private static double hydrogenIonMean(Collection<WaterQuality> samples, double minimum) {
    double sum = 0;
    double maximum = minimum;
    int n = 0;
    BigDecimal min = Decimals.of(minimum);
    for (WaterQuality sample : samples) {
      Double ph = sample.values.get(WaterItem.PH);
      if (ph != null) {
        sum += Math.pow(10, -Decimals.of(ph).subtract(min).doubleValue());
        maximum = Math.max(maximum, ph);
        n++;
      }
    }
    double mean = minimum - Math.log10(sum / n);
    return Math.max(minimum, Math.min(maximum, mean));
  }
}
