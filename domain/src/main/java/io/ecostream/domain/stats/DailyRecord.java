package io.ecostream.domain.stats;

import io.ecostream.domain.air.AqiCategory;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.Iaqi;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One city's daily values, the input of {@link PeriodAccumulator}. Immutable; all fields are plain
 * values the caller can serialize.
 *
 * <p>Concentrations are the day's city values, µg/m³ (CO mg/m³), unrounded or rounded; NaN marks a
 * pollutant without a valid daily value (fewer than 20 hours, {@link ValidityRules}; an invalid
 * MDA8, {@link Mda8#valueOrNaN()}).
 *
 * <p><b>Valid day.</b> A day is valid (有效监测天) when its daily AQI is available ({@link
 * AqiResult#available()}): all six pollutants present, or some missing but the AQI of the others
 * above 100 (HJ 633-2026 §5.3.1, applied to both editions by {@link AqiResult}). HJ 663's own rule
 * for valid days was not read (docs/standards.md#city-daily-values); this definition makes every
 * day counted in the good-day ratio one whose AQI was published. It is derived from {@link #aqi()},
 * not stored separately, so the two cannot disagree.
 *
 * @param date the natural day
 * @param so2 SO2 daily mean
 * @param no2 NO2 daily mean
 * @param pm10 PM10 daily mean
 * @param pm25 PM2.5 daily mean
 * @param co CO daily mean, mg/m³
 * @param o3Mda8 O3 daily maximum 8-hour average
 * @param aqi the published daily AQI, 0–500, or {@link Iaqi#NONE} when it is not available
 * @param dustFlagged whether the caller marks the day as dust-affected (e.g. from an official
 *     list); {@link DustRule} may flag it from its data as well
 */
public record DailyRecord(
    LocalDate date,
    double so2,
    double no2,
    double pm10,
    double pm25,
    double co,
    double o3Mda8,
    int aqi,
    boolean dustFlagged) {

  private static final int MAX_AQI = 500;

  /**
   * @throws IllegalArgumentException if a concentration is negative or infinite, or the AQI is
   *     neither {@link Iaqi#NONE} nor within 0–500
   */
  public DailyRecord {
    Objects.requireNonNull(date, "date");
    requireConcentration("SO2", so2);
    requireConcentration("NO2", no2);
    requireConcentration("PM10", pm10);
    requireConcentration("PM2.5", pm25);
    requireConcentration("CO", co);
    requireConcentration("O3 MDA8", o3Mda8);
    if (aqi != Iaqi.NONE && (aqi < 0 || aqi > MAX_AQI)) {
      throw new IllegalArgumentException("AQI must be within 0–500 or Iaqi.NONE, was " + aqi);
    }
  }

  /**
   * The record of a day from its daily values and its daily AQI ({@link
   * io.ecostream.domain.air.DailyAqi}).
   *
   * @param daily daily means of SO2, NO2, PM10, PM2.5, CO and the O3 MDA8 (as {@code o3}), NaN
   *     where missing
   */
  public static DailyRecord of(
      LocalDate date, PollutantValues daily, AqiResult aqi, boolean dustFlagged) {
    return new DailyRecord(
        date,
        daily.so2(),
        daily.no2(),
        daily.pm10(),
        daily.pm25(),
        daily.co(),
        daily.o3(),
        aqi.aqi(),
        dustFlagged);
  }

  /** Whether the day is a valid day: its daily AQI is available. */
  public boolean valid() {
    return aqi != Iaqi.NONE;
  }

  /** The category of the day's AQI, or {@code null} when the day is not valid. */
  public AqiCategory category() {
    return valid() ? AqiCategory.of(aqi) : null;
  }

  /** The six daily values (the O3 MDA8 as {@code o3}). */
  public PollutantValues values() {
    return new PollutantValues(so2, no2, pm10, pm25, co, o3Mda8);
  }

  private static void requireConcentration(String name, double value) {
    if (value < 0 || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          name + " must be finite and ≥ 0, or NaN if missing, was " + value);
    }
  }
}
