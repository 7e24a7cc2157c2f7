package io.ecostream.domain.water;

import io.ecostream.domain.stats.BulletinRounding;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The 达标率 of drinking-water sources, both ways bulletins compute it
 * (docs/standards.md#compliance-rates), labelled:
 *
 * <ul>
 *   <li>{@link #byCountPercent()}: 水源（个数）达标率, sources 达标 ÷ sources monitored;
 *   <li>{@link #byVolumePercent()}: 水量达标率 / 取水量达标率, water taken from 达标 sources ÷ all water taken.
 * </ul>
 *
 * <p>Built from one entry per source and monitoring period. Over several periods (a year of months)
 * a source counts as 达标 by count only if all its entries are 达标 (全年均达标); by volume each entry's
 * water counts by that period's verdict, Σ(volume × 达标) ÷ Σ volume
 * (docs/standards.md#compliance-rates: the natural reading, assumed). For one period this is the
 * plain rate. Volumes are summed as exact decimals.
 *
 * @param sources sources monitored
 * @param compliantSources sources 达标 in every entry
 * @param volume water taken, summed over the entries (any unit, e.g. 万 t)
 * @param compliantVolume water taken in the entries that were 达标
 */
public record ComplianceRates(
    int sources, int compliantSources, double volume, double compliantVolume) {

  /**
   * One source in one period.
   *
   * @param sourceId the source
   * @param compliant 达标 in the period ({@link DrinkingWaterSource.Assessment#compliant})
   * @param volume water taken in the period (取水量), ≥ 0
   */
  public record SourcePeriod(String sourceId, boolean compliant, double volume) {
    public SourcePeriod {
      Objects.requireNonNull(sourceId, "sourceId");
      if (!(volume >= 0) || volume == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("volume must be finite and non-negative, was " + volume);
      }
    }
  }

  /** The rates of the entries. */
  public static ComplianceRates of(Collection<SourcePeriod> entries) {
    Map<String, Boolean> allCompliant = new LinkedHashMap<>();
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal compliantVolume = BigDecimal.ZERO;
    for (SourcePeriod entry : entries) {
      allCompliant.merge(entry.sourceId(), entry.compliant(), Boolean::logicalAnd);
      BigDecimal v = Decimals.of(entry.volume());
      volume = volume.add(v);
      if (entry.compliant()) {
        compliantVolume = compliantVolume.add(v);
      }
    }
    int compliant = (int) allCompliant.values().stream().filter(Boolean::booleanValue).count();
    return new ComplianceRates(
        allCompliant.size(), compliant, volume.doubleValue(), compliantVolume.doubleValue());
  }

  /** 水源（个数）达标率, %, one decimal; NaN without sources. */
  public double byCountPercent() {
    return Shares.percent(compliantSources, sources);
  }

  /**
   * 水量达标率, %, one decimal; NaN when no water was taken. The quotient of the two volumes is rounded
   * once, in decimal.
   */
  public double byVolumePercent() {
    if (volume == 0) {
      return Double.NaN;
    }
    BigDecimal percent =
        Decimals.of(compliantVolume)
            .multiply(BigDecimal.valueOf(100))
            .divide(Decimals.of(volume), Decimals.PRECISION);
    return BulletinRounding.ratio(percent.doubleValue());
  }
}
