package io.ecostream.domain.air;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An AQI (空气质量指数) with its category, primary pollutants and the IAQIs it was computed from; built
 * by {@link HourlyAqi} and {@link DailyAqi}. Immutable.
 *
 * <ul>
 *   <li>AQI = the maximum of the IAQIs (HJ 633-2012 Eq. (2), HJ 633-2026 Eq. (2)).
 *   <li>Primary pollutants (首要污染物): when AQI &gt; 50, every pollutant with an IAQI equal to the
 *       AQI; ties make several primary. A pollutant with two indicators (O3 1 h and 8 h in the 2012
 *       daily report; PM 1 h and 24 h in the 2012 real-time report) is one pollutant.
 *   <li>Missing data (HJ 633-2026 §5.3.1): when a pollutant has no IAQI, the AQI is computed from
 *       the others but published only if it is above 100; otherwise {@link #aqi()} is {@link
 *       Iaqi#NONE} ("NA") and {@link #partialAqi()} keeps the computed maximum. HJ 633-2012 has no
 *       such rule; the same one is applied to 2012 data so that an AQI is never understated by a
 *       missing pollutant. A pollutant counts as present when at least one of its indicators has an
 *       IAQI. The §5.3.2 exemption (pollutants not monitored by design) is not applied.
 * </ul>
 */
public final class AqiResult {

  /** HJ 633-2026 §5.3.1: with a pollutant missing, the AQI is published only above this. */
  private static final int INCOMPLETE_PUBLICATION_THRESHOLD = 100;

  /** When the AQI is above this, there is a primary pollutant (首要污染物). */
  private static final int PRIMARY_POLLUTANT_THRESHOLD = 50;

  private static final int ALL_POLLUTANTS = (1 << Pollutant.values().length) - 1;
  private static final Pollutant[] POLLUTANTS = Pollutant.values();
  private static final Indicator[] INDICATORS = Indicator.values();

  private final AqiEdition edition;
  private final int aqi;
  private final int partialAqi;
  private final AqiCategory category;
  private final int presentPollutants;
  private final int primaryPollutants;
  private final int[] iaqis;

  private AqiResult(
      AqiEdition edition,
      int aqi,
      int partialAqi,
      int presentPollutants,
      int primaryPollutants,
      int[] iaqis) {
    this.edition = edition;
    this.aqi = aqi;
    this.partialAqi = partialAqi;
    this.category = aqi == Iaqi.NONE ? null : AqiCategory.of(aqi);
    this.presentPollutants = presentPollutants;
    this.primaryPollutants = primaryPollutants;
    this.iaqis = iaqis;
  }

  /**
   * Combines IAQIs into an AQI.
   *
   * @param iaqis indexed by {@link Indicator#ordinal()}, {@link Iaqi#NONE} where an indicator has
   *     no IAQI or does not enter this AQI; the result takes ownership of the array
   */
  static AqiResult combine(AqiEdition edition, int[] iaqis) {
    Objects.requireNonNull(edition, "edition");
    int partial = Iaqi.NONE;
    int present = 0;
    for (Indicator indicator : INDICATORS) {
      int iaqi = iaqis[indicator.ordinal()];
      if (iaqi != Iaqi.NONE) {
        present |= indicator.pollutant().bit();
        partial = Math.max(partial, iaqi);
      }
    }
    boolean complete = present == ALL_POLLUTANTS;
    int aqi =
        partial != Iaqi.NONE && (complete || partial > INCOMPLETE_PUBLICATION_THRESHOLD)
            ? partial
            : Iaqi.NONE;
    int primary = 0;
    if (aqi > PRIMARY_POLLUTANT_THRESHOLD) {
      for (Indicator indicator : INDICATORS) {
        if (iaqis[indicator.ordinal()] == aqi) {
          primary |= indicator.pollutant().bit();
        }
      }
    }
    return new AqiResult(edition, aqi, partial, present, primary, iaqis);
  }

  /** The edition the AQI was computed under. */
  public AqiEdition edition() {
    return edition;
  }

  /**
   * The AQI, or {@link Iaqi#NONE} when it is not available (no IAQI at all, or a pollutant missing
   * and ≤ 100).
   */
  public int aqi() {
    return aqi;
  }

  /** Whether the AQI may be published: {@code aqi() != Iaqi.NONE}. */
  public boolean available() {
    return aqi != Iaqi.NONE;
  }

  /**
   * The maximum of the IAQIs that could be computed, published or not; {@link Iaqi#NONE} when there
   * is none. Equals {@link #aqi()} whenever that is available.
   */
  public int partialAqi() {
    return partialAqi;
  }

  /** Whether all six pollutants have an IAQI. */
  public boolean complete() {
    return presentPollutants == ALL_POLLUTANTS;
  }

  /** The category of the AQI, or {@code null} when the AQI is not available. */
  public AqiCategory category() {
    return category;
  }

  /** The primary pollutants; empty when the AQI is 50 or less or not available. */
  public Set<Pollutant> primaryPollutants() {
    return pollutants(primaryPollutants);
  }

  /**
   * Whether the pollutant is a primary pollutant; allocation-free form of {@link
   * #primaryPollutants()}.
   */
  public boolean isPrimary(Pollutant pollutant) {
    return (primaryPollutants & pollutant.bit()) != 0;
  }

  /** The pollutants without any IAQI; empty exactly when {@link #complete()}. */
  public Set<Pollutant> missingPollutants() {
    return pollutants(ALL_POLLUTANTS & ~presentPollutants);
  }

  /**
   * The IAQI of the indicator, or {@link Iaqi#NONE} if it was not given, has none, or does not
   * enter this AQI.
   */
  public int iaqi(Indicator indicator) {
    return iaqis[indicator.ordinal()];
  }

  private static Set<Pollutant> pollutants(int mask) {
    EnumSet<Pollutant> set = EnumSet.noneOf(Pollutant.class);
    for (Pollutant pollutant : POLLUTANTS) {
      if ((mask & pollutant.bit()) != 0) {
        set.add(pollutant);
      }
    }
    return Collections.unmodifiableSet(set);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AqiResult)) {
      return false;
    }
    AqiResult that = (AqiResult) o;
    return edition == that.edition
        && aqi == that.aqi
        && partialAqi == that.partialAqi
        && presentPollutants == that.presentPollutants
        && primaryPollutants == that.primaryPollutants
        && Arrays.equals(iaqis, that.iaqis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        edition, aqi, partialAqi, presentPollutants, primaryPollutants, Arrays.hashCode(iaqis));
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("AqiResult[").append(edition.label());
    s.append(", aqi=").append(aqi == Iaqi.NONE ? "NA" : Integer.toString(aqi));
    if (aqi == Iaqi.NONE) {
      s.append(", partialAqi=").append(partialAqi);
    }
    s.append(", category=").append(category);
    s.append(", primary=").append(primaryPollutants());
    s.append(", missing=").append(missingPollutants());
    s.append(", iaqis={");
    String separator = "";
    for (Indicator indicator : INDICATORS) {
      int iaqi = iaqis[indicator.ordinal()];
      if (iaqi != Iaqi.NONE) {
        s.append(separator).append(indicator).append('=').append(iaqi);
        separator = ", ";
      }
    }
    return s.append("}]").toString();
  }
}
