package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import java.util.Objects;

/**
 * One number per pollutant of the six: concentrations (µg/m³, CO mg/m³), weights, limits or
 * sub-indices, depending on use. NaN marks a missing value. Immutable.
 */
public record PollutantValues(
    double so2, double no2, double pm10, double pm25, double co, double o3) {

  /** All six values NaN. */
  public static final PollutantValues MISSING =
      new PollutantValues(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The value of one pollutant. */
  public double get(Pollutant pollutant) {
    Objects.requireNonNull(pollutant, "pollutant");
    return switch (pollutant) {
      case SO2 -> so2;
      case NO2 -> no2;
      case PM10 -> pm10;
      case PM2_5 -> pm25;
      case CO -> co;
      case O3 -> o3;
    };
  }

  /** Whether all six values are present (none is NaN). */
  public boolean complete() {
    return !Double.isNaN(so2)
        && !Double.isNaN(no2)
        && !Double.isNaN(pm10)
        && !Double.isNaN(pm25)
        && !Double.isNaN(co)
        && !Double.isNaN(o3);
  }

  /**
   * These values as concentrations rounded for publication by GB/T 8170: integers, CO one decimal
   * ({@link BulletinRounding#concentration}); NaN stays NaN.
   */
  public PollutantValues published() {
    return new PollutantValues(
        BulletinRounding.concentration(Pollutant.SO2, so2),
        BulletinRounding.concentration(Pollutant.NO2, no2),
        BulletinRounding.concentration(Pollutant.PM10, pm10),
        BulletinRounding.concentration(Pollutant.PM2_5, pm25),
        BulletinRounding.concentration(Pollutant.CO, co),
        BulletinRounding.concentration(Pollutant.O3, o3));
  }
}
