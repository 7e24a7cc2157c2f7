package io.ecostream.producer.model;

/**
 * Knobs of one city's air model, each a multiplier whose default 1 leaves the model as calibrated
 * (bit for bit). A scenario fits them so that the period figures land on published ones; each knob
 * is chosen to move mainly one figure:
 *
 * @param pm scales PM2.5 and PM10 (the city's calibrated annual PM2.5): moves the PM means
 * @param spread scales the log-space spread of the weather, city, station and bias factors (the
 *     means are kept, the tails widen or narrow): moves the share of days above the AQI 100
 *     breakpoints, i.e. the good-day ratio
 * @param gases scales SO2, NO2 and CO, which seldom decide a day's AQI: with the PM means and O3
 *     held, moves the composite index
 * @param o3 scales O3, the primary pollutant of most summer days above AQI 100 in Shandong: moves
 *     the good-day ratio of any period with summer days (and the composite index through the O3
 *     percentile)
 * @param haze scales the city's exposure to the winter haze episodes (their peaks), with the
 *     seasonal means kept: moves the heavy-pollution days
 */
public record AirTuning(double pm, double spread, double gases, double o3, double haze) {

  /** The model as calibrated. */
  public static final AirTuning NONE = new AirTuning(1, 1, 1, 1, 1);

  /**
   * @throws IllegalArgumentException for a knob that is not finite, a scale not above 0, or a
   *     negative spread or haze
   */
  public AirTuning {
    positive("pm", pm);
    positive("gases", gases);
    positive("o3", o3);
    notNegative("spread", spread);
    notNegative("haze", haze);
  }

  public AirTuning withPm(double value) {
    return new AirTuning(value, spread, gases, o3, haze);
  }

  public AirTuning withSpread(double value) {
    return new AirTuning(pm, value, gases, o3, haze);
  }

  public AirTuning withGases(double value) {
    return new AirTuning(pm, spread, value, o3, haze);
  }

  public AirTuning withO3(double value) {
    return new AirTuning(pm, spread, gases, value, haze);
  }

  public AirTuning withHaze(double value) {
    return new AirTuning(pm, spread, gases, o3, value);
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number above 0, got " + value);
    }
  }

  private static void notNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + value);
    }
  }
}
