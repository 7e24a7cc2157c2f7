package io.ecostream.domain.air;

/**
 * An AQI indicator: a pollutant over an averaging period, i.e. a column of the IAQI breakpoint
 * table (HJ 633-2012 Table 1, HJ 633-2026 Table 3), plus the PM 1-hour indicators that have no
 * column of their own.
 *
 * <p>Concentrations are in the pollutant's {@link Pollutant#unit() unit}: µg/m³, CO in mg/m³.
 */
public enum Indicator {
  SO2_24H(Pollutant.SO2),
  /** Real-time report only (both editions, Table 1/3 note 1). */
  SO2_1H(Pollutant.SO2),
  NO2_24H(Pollutant.NO2),
  /** Real-time report only (both editions, Table 1/3 note 1). */
  NO2_1H(Pollutant.NO2),
  PM10_24H(Pollutant.PM10),
  CO_24H(Pollutant.CO),
  /** Real-time report only (both editions, Table 1/3 note 1). */
  CO_1H(Pollutant.CO),
  /**
   * Daily report (daily 1-h maximum) and real-time report under 2012; real-time report only under
   * 2026.
   */
  O3_1H(Pollutant.O3),
  /**
   * Daily maximum 8-h average in the daily report, 8-h moving average in the 2012 real-time report.
   */
  O3_8H(Pollutant.O3),
  PM2_5_24H(Pollutant.PM2_5),
  /**
   * A PM10 1-hour value, evaluated on the 24-hour breakpoints. HJ 633-2026 §4.2.4 prescribes this
   * ("取表 3 中日平均的 高/低位值"). HJ 633-2012 has no PM 1-hour breakpoints at all; the national real-time
   * platform's hourly AQI evaluates the 1-hour value on the 24-hour column as well, and so does
   * this class under 2012.
   */
  PM10_1H(Pollutant.PM10),
  /** A PM2.5 1-hour value, evaluated on the 24-hour breakpoints; see {@link #PM10_1H}. */
  PM2_5_1H(Pollutant.PM2_5);

  private final Pollutant pollutant;

  Indicator(Pollutant pollutant) {
    this.pollutant = pollutant;
  }

  /** The pollutant this indicator measures. */
  public Pollutant pollutant() {
    return pollutant;
  }

  /**
   * The indicator whose breakpoint column this indicator is evaluated on: itself, except {@link
   * #PM10_1H} → {@link #PM10_24H} and {@link #PM2_5_1H} → {@link #PM2_5_24H}.
   */
  public Indicator breakpointColumn() {
    return switch (this) {
      case PM10_1H -> PM10_24H;
      case PM2_5_1H -> PM2_5_24H;
      default -> this;
    };
  }

  /**
   * Whether concentrations of this indicator are given in tenths-precision mg/m³ (CO) rather than
   * µg/m³.
   */
  boolean inTenths() {
    return pollutant == Pollutant.CO;
  }
}
