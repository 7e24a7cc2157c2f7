package io.ecostream.domain.water;

import java.util.Objects;

/**
 * The parts of the CWQI (城市水质指数) rules that were not confirmed (docs/standards.md#cwqi and
 * docs/standards.md#open-questions: the official text of 《城市地表水环境质量排名技术规定（试行）》 was not found; these
 * defaults are assumed).
 *
 * @param cityAggregation how a city's CWQI comes from its sections' (default {@link
 *     CityAggregation#MEAN_OF_SECTIONS})
 * @param belowDetectionLimitFactor a value below the detection limit enters as this fraction of the
 *     limit (default {@value #DEFAULT_BELOW_DETECTION_LIMIT_FACTOR}, "½ DL")
 * @param decimals the published precision of a CWQI (default {@value #DEFAULT_DECIMALS})
 */
public record CwqiRules(
    CityAggregation cityAggregation, double belowDetectionLimitFactor, int decimals) {

  /** How a city's CWQI is formed from its sections' and points'. */
  public enum CityAggregation {
    /**
     * The mean over all the city's sections and points, river and lake together, each counting
     * once. The default.
     */
    MEAN_OF_SECTIONS,
    /**
     * The mean of the river sections' mean and the lake/reservoir points' mean (each water body
     * kind once).
     */
    MEAN_OF_WATER_BODIES
  }

  /** "values below detection limit enter as ½ DL" [R]. */
  public static final double DEFAULT_BELOW_DETECTION_LIMIT_FACTOR = 0.5;

  /** "CWQI reported to 2 decimals" [R]. */
  public static final int DEFAULT_DECIMALS = 2;

  private static final int MAX_DECIMALS = 6;

  /**
   * @throws IllegalArgumentException if the factor is outside [0, 1] or decimals outside 0–6
   */
  public CwqiRules {
    Objects.requireNonNull(cityAggregation, "cityAggregation");
    if (!(belowDetectionLimitFactor >= 0 && belowDetectionLimitFactor <= 1)) {
      throw new IllegalArgumentException(
          "belowDetectionLimitFactor must be within 0–1, was " + belowDetectionLimitFactor);
    }
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "decimals must be within 0–" + MAX_DECIMALS + ", was " + decimals);
    }
  }

  public static CwqiRules defaults() {
    return new CwqiRules(
        CityAggregation.MEAN_OF_SECTIONS, DEFAULT_BELOW_DETECTION_LIMIT_FACTOR, DEFAULT_DECIMALS);
  }

  /** These rules with another city aggregation. */
  public CwqiRules withCityAggregation(CityAggregation aggregation) {
    return new CwqiRules(aggregation, belowDetectionLimitFactor, decimals);
  }

  /**
   * The value to enter for a result below the detection limit (未检出): factor × limit, in decimal.
   */
  public double belowDetectionLimit(double detectionLimit) {
    if (!(detectionLimit > 0) || detectionLimit == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "detectionLimit must be positive and finite, was " + detectionLimit);
    }
    return Decimals.of(detectionLimit)
        .multiply(Decimals.of(belowDetectionLimitFactor))
        .doubleValue();
  }
}
