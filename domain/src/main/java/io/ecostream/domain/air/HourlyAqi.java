package io.ecostream.domain.air;

import static io.ecostream.domain.air.Indicator.CO_1H;
import static io.ecostream.domain.air.Indicator.NO2_1H;
import static io.ecostream.domain.air.Indicator.O3_1H;
import static io.ecostream.domain.air.Indicator.O3_8H;
import static io.ecostream.domain.air.Indicator.PM10_1H;
import static io.ecostream.domain.air.Indicator.PM10_24H;
import static io.ecostream.domain.air.Indicator.PM2_5_1H;
import static io.ecostream.domain.air.Indicator.PM2_5_24H;
import static io.ecostream.domain.air.Indicator.SO2_1H;
import static io.ecostream.domain.air.Indicator.SO2_24H;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The real-time (hourly) AQI, 实时报.
 *
 * <ul>
 *   <li>HJ 633-2026 §4.2.2–4.2.3: the 1-hour averages of SO2, NO2, CO, O3, PM10 and PM2.5 (six
 *       indicators); PM 1-hour values on the 24-hour breakpoints (§4.2.4).
 *   <li>HJ 633-2012 §5.1.2–5.1.3: the same six 1-hour values plus the O3 8-hour moving average and
 *       the PM10 and PM2.5 24-hour moving averages, when given (nine indicators). HJ 633-2012 has
 *       no PM 1-hour breakpoints; the 1-hour values are evaluated on the 24-hour column, as the
 *       national real-time platform does (see {@link Indicator#PM10_1H}). When SO2 1 h is above 800
 *       µg/m³ (no IAQI under 2012), the SO2 IAQI comes from the SO2 24-hour average if one is given
 *       ({@link Builder#so2Moving24h}; which 24 h window the standard means is not stated, the
 *       moving one is assumed), else SO2 has no IAQI.
 * </ul>
 *
 * <p>Callers may always pass every value they have: the values that do not enter the edition's
 * real-time AQI (the moving averages under 2026) are ignored and get no IAQI in the result. A
 * missing value is left unset or set to {@code null}; see {@link AqiResult} for when an AQI with
 * missing pollutants is published.
 *
 * <pre>{@code
 * AqiResult r = HourlyAqi.builder(AqiEdition.HJ_633_2026)
 *     .so2(12.0).no2(40.0).co(0.8).o3(160.0).pm10(80.0).pm25(40.0)
 *     .compute();
 * }</pre>
 */
public final class HourlyAqi {

  private static final Indicator[] HJ_633_2012_INDICATORS = {
    SO2_1H, NO2_1H, CO_1H, O3_1H, PM10_1H, PM2_5_1H, O3_8H, PM10_24H, PM2_5_24H
  };
  private static final Indicator[] HJ_633_2026_INDICATORS = {
    SO2_1H, NO2_1H, CO_1H, O3_1H, PM10_1H, PM2_5_1H
  };

  private HourlyAqi() {}

  /** A builder for one hour's AQI under the given edition. */
  public static Builder builder(AqiEdition edition) {
    return new Builder(edition);
  }

  /**
   * The indicators that enter the real-time AQI of the edition (not counting the 2012 SO2 24-hour
   * substitute).
   */
  public static Set<Indicator> indicators(AqiEdition edition) {
    return Concentrations.setOf(indicatorsOf(edition));
  }

  private static Indicator[] indicatorsOf(AqiEdition edition) {
    return edition == AqiEdition.HJ_633_2012 ? HJ_633_2012_INDICATORS : HJ_633_2026_INDICATORS;
  }

  /**
   * The AQI of the six 1-hour values alone, from the AQI of the same hour computed with its moving
   * averages too: the 1-hour IAQIs are the same in both, so none is computed again (the 2012
   * real-time report publishes both AQIs).
   */
  public static AqiResult oneHourOnly(AqiResult result) {
    int[] iaqis = new int[Indicator.values().length];
    Arrays.fill(iaqis, Iaqi.NONE);
    for (Indicator indicator : HJ_633_2026_INDICATORS) {
      iaqis[indicator.ordinal()] = result.iaqi(indicator);
    }
    return AqiResult.combine(result.edition(), iaqis);
  }

  /**
   * Collects one hour's concentrations (µg/m³, CO mg/m³, unrounded). Setters reject negative, NaN
   * and infinite values; {@code null} marks a value missing. Reusable, not thread-safe.
   */
  public static final class Builder {
    private final AqiEdition edition;
    private final Concentrations concentrations = new Concentrations();

    private Builder(AqiEdition edition) {
      this.edition = Objects.requireNonNull(edition, "edition");
    }

    /** SO2 1-hour average. */
    public Builder so2(Double concentration) {
      concentrations.set(SO2_1H, concentration);
      return this;
    }

    /** NO2 1-hour average. */
    public Builder no2(Double concentration) {
      concentrations.set(NO2_1H, concentration);
      return this;
    }

    /** CO 1-hour average, mg/m³. */
    public Builder co(Double concentration) {
      concentrations.set(CO_1H, concentration);
      return this;
    }

    /** O3 1-hour average. */
    public Builder o3(Double concentration) {
      concentrations.set(O3_1H, concentration);
      return this;
    }

    /** PM10 1-hour average. */
    public Builder pm10(Double concentration) {
      concentrations.set(PM10_1H, concentration);
      return this;
    }

    /** PM2.5 1-hour average. */
    public Builder pm25(Double concentration) {
      concentrations.set(PM2_5_1H, concentration);
      return this;
    }

    /** O3 8-hour moving average; enters the 2012 real-time AQI only. */
    public Builder o3Moving8h(Double concentration) {
      concentrations.set(O3_8H, concentration);
      return this;
    }

    /** PM10 24-hour moving average; enters the 2012 real-time AQI only. */
    public Builder pm10Moving24h(Double concentration) {
      concentrations.set(PM10_24H, concentration);
      return this;
    }

    /** PM2.5 24-hour moving average; enters the 2012 real-time AQI only. */
    public Builder pm25Moving24h(Double concentration) {
      concentrations.set(PM2_5_24H, concentration);
      return this;
    }

    /**
     * SO2 24-hour moving average; used only under 2012 when SO2 1 h is above 800 µg/m³, in place of
     * the 1-hour value.
     */
    public Builder so2Moving24h(Double concentration) {
      concentrations.set(SO2_24H, concentration);
      return this;
    }

    /**
     * The concentration of an indicator given as a primitive, NaN when it is missing: for callers
     * that hold their values in arrays, without a boxed {@code Double} per value. The indicators
     * are those of the named setters ({@code SO2_1H} for {@link #so2}, {@code PM2_5_24H} for {@link
     * #pm25Moving24h}, …); negative and infinite values are rejected as there.
     */
    public Builder concentration(Indicator indicator, double concentration) {
      concentrations.setOrMissing(indicator, concentration);
      return this;
    }

    /** The AQI of the concentrations given so far. */
    public AqiResult compute() {
      int[] iaqis = concentrations.iaqis(edition, indicatorsOf(edition));
      // HJ 633-2012 Table 1 note 2: SO2 1 h above 800 has no IAQI; report SO2 from its 24-hour
      // average.
      if (concentrations.has(SO2_1H)
          && iaqis[SO2_1H.ordinal()] == Iaqi.NONE
          && concentrations.has(SO2_24H)) {
        iaqis[SO2_24H.ordinal()] = Iaqi.of(edition, SO2_24H, concentrations.get(SO2_24H));
      }
      return AqiResult.combine(edition, iaqis);
    }
  }
}
