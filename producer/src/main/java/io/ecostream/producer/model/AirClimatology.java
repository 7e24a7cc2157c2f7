package io.ecostream.producer.model;

import io.ecostream.producer.catalog.CsvResource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the air model reproduces on average: monthly mean concentrations per city and pollutant and
 * the diurnal profile per pollutant and season, both from the 2022-2023 CNEMC city data (see
 * producer/calibration). Monthly means become a smooth day-of-year curve through the mid-month
 * points, diurnal profiles are blended from winter through the transition seasons to summer, so
 * that no value jumps at a month boundary.
 */
final class AirClimatology {

  static final int DAYS = 366;
  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  private static final AirClimatology BUNDLED = load();

  private final Map<String, Map<Pollutant, double[]>> monthly;

  /** [pollutant][dayOfYear - 1][hour]. */
  private final double[][][] diurnal;

  private AirClimatology(Map<String, Map<Pollutant, double[]>> monthly, double[][][] diurnal) {
    this.monthly = monthly;
    this.diurnal = diurnal;
  }

  static AirClimatology bundled() {
    return BUNDLED;
  }

  /** Mean concentration of each calendar month (index 0 = January). */
  double[] monthlyMeans(String cityId, Pollutant pollutant) {
    Map<Pollutant, double[]> city = monthly.get(cityId);
    if (city == null) {
      throw new IllegalArgumentException("no air climatology for city " + cityId);
    }
    return city.get(pollutant).clone();
  }

  /** Day-weighted annual mean of the monthly means. */
  double annualMean(String cityId, Pollutant pollutant) {
    double[] means = monthlyMeans(cityId, pollutant);
    double sum = 0;
    for (int m = 0; m < 12; m++) {
      sum += means[m] * DAYS_IN_MONTH[m];
    }
    return sum / 365;
  }

  /** Diurnal factor (mean 1 over the day) of a local start hour on a day of the year. */
  double diurnal(Pollutant pollutant, int dayOfYear, int hour) {
    return diurnal[pollutant.ordinal()][dayOfYear - 1][hour];
  }

  /**
   * A smooth curve over the days of the year (index dayOfYear - 1), piecewise linear through
   * mid-month points and wrapping from December to January, whose mean over each month equals the
   * monthly value: the mid-month points are raised at peaks and lowered at troughs until it does.
   */
  static double[] daily(double[] monthlyValues) {
    double[] anchors = monthlyValues.clone();
    double[] curve = throughMidMonth(anchors);
    for (int round = 0; round < 30; round++) {
      int first = 0;
      for (int m = 0; m < 12; m++) {
        double sum = 0;
        for (int d = first; d < first + DAYS_IN_MONTH[m]; d++) {
          sum += curve[d];
        }
        anchors[m] += monthlyValues[m] - sum / DAYS_IN_MONTH[m];
        first += DAYS_IN_MONTH[m];
      }
      curve = throughMidMonth(anchors);
    }
    return curve;
  }

  private static double[] throughMidMonth(double[] anchors) {
    double[] mid = new double[12];
    int before = 0;
    for (int m = 0; m < 12; m++) {
      mid[m] = before + DAYS_IN_MONTH[m] / 2.0 + 0.5;
      before += DAYS_IN_MONTH[m];
    }
    double[] daily = new double[DAYS];
    for (int d = 1; d <= DAYS; d++) {
      int next = 0;
      while (next < 12 && mid[next] <= d) {
        next++;
      }
      int prev = next - 1;
      double x0 = prev < 0 ? mid[11] - 365 : mid[prev];
      double v0 = prev < 0 ? anchors[11] : anchors[prev];
      double x1 = next > 11 ? mid[0] + 365 : mid[next];
      double v1 = next > 11 ? anchors[0] : anchors[next];
      // Never below a tenth of the lower neighbour: corrected anchors must not make a trough
      // negative.
      daily[d - 1] = Math.max(0.1 * Math.min(v0, v1), v0 + (v1 - v0) * (d - x0) / (x1 - x0));
    }
    return daily;
  }

  /** 0 in mid-January, 1 in mid-July: how far the year has moved from winter to summer. */
  static double summerWeight(int dayOfYear) {
    return (1 - Math.cos(2 * Math.PI * (dayOfYear - 15) / 365.25)) / 2;
  }

  static int month(int dayOfYear) {
    int d = Math.min(dayOfYear, 365);
    int m = 0;
    while (d > DAYS_IN_MONTH[m]) {
      d -= DAYS_IN_MONTH[m];
      m++;
    }
    return m + 1;
  }

  private static AirClimatology load() {
    Map<String, Map<Pollutant, double[]>> monthly = new HashMap<>();
    for (CsvResource.Row row :
        CsvResource.load(AirClimatology.class, "air-climatology.csv").rows()) {
      double[] means = new double[12];
      for (int m = 0; m < 12; m++) {
        means[m] = row.number("m" + (m + 1));
      }
      monthly
          .computeIfAbsent(row.text("city"), c -> new EnumMap<>(Pollutant.class))
          .put(pollutant(row.text("pollutant")), means);
    }
    Map<Pollutant, Map<String, double[]>> profiles = new EnumMap<>(Pollutant.class);
    for (CsvResource.Row row : CsvResource.load(AirClimatology.class, "air-diurnal.csv").rows()) {
      double[] factors = new double[24];
      for (int h = 0; h < 24; h++) {
        factors[h] = row.number("h" + h);
      }
      profiles
          .computeIfAbsent(pollutant(row.text("pollutant")), p -> new HashMap<>())
          .put(row.text("season"), factors);
    }
    double[][][] diurnal = new double[Pollutant.values().length][DAYS][24];
    for (Pollutant p : Pollutant.values()) {
      double[] winter = profiles.get(p).get("W");
      double[] transition = profiles.get(p).get("T");
      double[] summer = profiles.get(p).get("S");
      for (int d = 1; d <= DAYS; d++) {
        double w = summerWeight(d);
        for (int h = 0; h < 24; h++) {
          diurnal[p.ordinal()][d - 1][h] =
              w < 0.5
                  ? lerp(winter[h], transition[h], 2 * w)
                  : lerp(transition[h], summer[h], 2 * w - 1);
        }
      }
    }
    return new AirClimatology(monthly, diurnal);
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }

  private static Pollutant pollutant(String label) {
    for (Pollutant p : Pollutant.values()) {
      if (p.label().equals(label)) {
        return p;
      }
    }
    throw new IllegalStateException("unknown pollutant " + label + " in the air climatology");
  }
}
