package io.ecostream.domain.air;

import static io.ecostream.domain.air.Indicator.CO_24H;
import static io.ecostream.domain.air.Indicator.NO2_24H;
import static io.ecostream.domain.air.Indicator.O3_1H;
import static io.ecostream.domain.air.Indicator.O3_8H;
import static io.ecostream.domain.air.Indicator.PM10_24H;
import static io.ecostream.domain.air.Indicator.PM2_5_24H;
import static io.ecostream.domain.air.Indicator.SO2_24H;

import java.util.Objects;
import java.util.Set;

/**
 * The daily AQI, 日报, of one natural day.
 *
 * <ul>
 *   <li>HJ 633-2012 §5.1.2–5.1.3: seven indicators, the daily means of SO2, NO2, PM10, PM2.5 and
 *       CO, the O3 daily maximum 1-hour value and the O3 daily maximum 8-hour average. O3 8 h above
 *       800 µg/m³ has no IAQI; O3 is then evaluated from the daily maximum 1-hour value, which is
 *       one of the seven anyway.
 *   <li>HJ 633-2026 §4.2.2–4.2.3: six indicators; the O3 1-hour maximum is dropped (its column is
 *       real-time only), and O3 8 h above 800 counts as IAQI 300.
 * </ul>
 *
 * <p>Callers may always pass the O3 1-hour maximum: it is ignored under 2026 and gets no IAQI in
 * the result. A missing value is left unset or set to {@code null}; see {@link AqiResult} for when
 * an AQI with missing pollutants is published.
 */
public final class DailyAqi {

  private static final Indicator[] HJ_633_2012_INDICATORS = {
    SO2_24H, NO2_24H, PM10_24H, PM2_5_24H, CO_24H, O3_1H, O3_8H
  };
  private static final Indicator[] HJ_633_2026_INDICATORS = {
    SO2_24H, NO2_24H, PM10_24H, PM2_5_24H, CO_24H, O3_8H
  };

  private DailyAqi() {}

  /** A builder for one day's AQI under the given edition; see {@link AqiEdition#forDate}. */
  public static Builder builder(AqiEdition edition) {
    return new Builder(edition);
  }

  /** The indicators that enter the daily AQI of the edition: seven under 2012, six under 2026. */
  public static Set<Indicator> indicators(AqiEdition edition) {
    return Concentrations.setOf(indicatorsOf(edition));
  }

  private static Indicator[] indicatorsOf(AqiEdition edition) {
    return edition == AqiEdition.HJ_633_2012 ? HJ_633_2012_INDICATORS : HJ_633_2026_INDICATORS;
  }

  /**
   * Collects one day's statistics (µg/m³, CO mg/m³, unrounded). Setters reject negative, NaN and
   * infinite values; {@code null} marks a value missing. Reusable, not thread-safe.
   */
  public static final class Builder {
    private final AqiEdition edition;
    private final Concentrations concentrations = new Concentrations();

    private Builder(AqiEdition edition) {
      this.edition = Objects.requireNonNull(edition, "edition");
    }

    /** SO2 daily mean. */
    public Builder so2(Double concentration) {
      concentrations.set(SO2_24H, concentration);
      return this;
    }

    /** NO2 daily mean. */
    public Builder no2(Double concentration) {
      concentrations.set(NO2_24H, concentration);
      return this;
    }

    /** CO daily mean, mg/m³. */
    public Builder co(Double concentration) {
      concentrations.set(CO_24H, concentration);
      return this;
    }

    /** PM10 daily mean. */
    public Builder pm10(Double concentration) {
      concentrations.set(PM10_24H, concentration);
      return this;
    }

    /** PM2.5 daily mean. */
    public Builder pm25(Double concentration) {
      concentrations.set(PM2_5_24H, concentration);
      return this;
    }

    /** O3 daily maximum 8-hour average (MDA8). */
    public Builder o3Max8h(Double concentration) {
      concentrations.set(O3_8H, concentration);
      return this;
    }

    /** O3 daily maximum 1-hour value; enters the 2012 daily AQI only. */
    public Builder o3Max1h(Double concentration) {
      concentrations.set(O3_1H, concentration);
      return this;
    }

    /** The AQI of the statistics given so far. */
    public AqiResult compute() {
      return AqiResult.combine(edition, concentrations.iaqis(edition, indicatorsOf(edition)));
    }
  }
}
