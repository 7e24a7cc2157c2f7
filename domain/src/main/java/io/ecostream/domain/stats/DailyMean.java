package io.ecostream.domain.stats;

/**
 * Daily means of hourly concentrations by GB 3095 Table 4 / HJ 663: a station's daily mean needs at
 * least {@code minHours} hourly values of the natural day (20 by default); a city's daily value is
 * the arithmetic mean of the daily means of its valid stations.
 */
public final class DailyMean {

  /** GB 3095-2012 / 2026 Table 4: at least 20 hourly values make a valid daily mean. */
  public static final int DEFAULT_MIN_HOURS = 20;

  private DailyMean() {}

  /**
   * The station's daily mean, or NaN when fewer than {@code minHours} values are present.
   *
   * @param hourly values indexed by local start hour, NaN where missing
   */
  public static double stationMean(double[] hourly, int minHours) {
    double sum = 0;
    int count = 0;
    for (double value : hourly) {
      if (!Double.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    return count >= minHours && count > 0 ? sum / count : Double.NaN;
  }

  /** Mean of the non-NaN station means, or NaN when there is none. */
  public static double cityMean(double[] stationMeans) {
    double sum = 0;
    int count = 0;
    for (double mean : stationMeans) {
      if (!Double.isNaN(mean)) {
        sum += mean;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
