package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import java.util.Objects;

/**
 * An edition of the composite index (环境空气质量综合指数): I_sum = Σ w_i · C_i / S_i over the six
 * pollutants, with C the period statistics (SO2, NO2, PM10, PM2.5 means; CO 95th percentile of
 * daily means; O3 90th percentile of MDA8).
 *
 * @param name a label for reports
 * @param weights w_i per pollutant, finite and ≥ 0
 * @param limits S_i per pollutant, finite and &gt; 0, µg/m³ (CO mg/m³)
 * @param verified whether the definition comes from an official source (at least a notice quoting
 *     the rule); an unverified one must be labelled as such wherever its figures are shown
 */
public record CompositeIndexDefinition(
    String name, PollutantValues weights, PollutantValues limits, boolean verified) {

  /**
   * The composite index as used up to the 2026 revision (HJ 663-2013 and 城市环境空气质量排名技术规定;
   * docs/standards.md#composite-index, confirmed by provincial notices [S]): unweighted, S = GB
   * 3095-2012 Grade II limits — annual for SO2 60, NO2 40, PM10 70, PM2.5 35; 24-hour CO 4 mg/m³;
   * 8-hour O3 160. The default.
   */
  public static final CompositeIndexDefinition HJ663_2013 =
      new CompositeIndexDefinition(
          "HJ 663-2013 (GB 3095-2012 Grade II limits, unweighted)",
          new PollutantValues(1, 1, 1, 1, 1, 1),
          new PollutantValues(60, 40, 70, 35, 4, 160),
          true);

  /**
   * <b>UNVERIFIED.</b> What one third-party code base implements as "HJ 663-2026"
   * (docs/standards.md#composite-index-from-2026-unverified): weights PM2.5 3, NO2 2, O3 2, others
   * 1, and S = the GB 3095-2026 transitional Grade II limits (SO2 60, NO2 40, PM10 60, PM2.5 30, CO
   * 4, O3 160). Neither HJ 663-2026 nor a 2026 ranking rule has been read; do not publish figures
   * from this definition as official. It is here so the claim can be compared, not because it is
   * known to be right.
   */
  public static final CompositeIndexDefinition THIRD_PARTY_2026_CLAIM =
      new CompositeIndexDefinition(
          "Third-party claim of HJ 663-2026 (UNVERIFIED: weighted, GB 3095-2026 transitional Grade II limits)",
          new PollutantValues(1, 2, 1, 3, 1, 2),
          new PollutantValues(60, 40, 60, 30, 4, 160),
          false);

  /**
   * @throws IllegalArgumentException if a weight is negative or not finite, or a limit is not
   *     positive and finite
   */
  public CompositeIndexDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(limits, "limits");
    for (Pollutant pollutant : Pollutant.values()) {
      double w = weights.get(pollutant);
      double s = limits.get(pollutant);
      if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "Weight of " + pollutant.label() + " must be finite and ≥ 0, was " + w);
      }
      if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "Limit of " + pollutant.label() + " must be finite and > 0, was " + s);
      }
    }
  }
}
