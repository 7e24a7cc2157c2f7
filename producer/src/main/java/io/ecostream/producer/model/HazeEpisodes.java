package io.ecostream.producer.model;

import java.util.SplittableRandom;

/**
 * Regional winter haze episodes over the North China Plain: under stagnant air PM2.5 builds up for
 * 2-4 days to a peak of 150-300 µg/m³ (in the most exposed cities), a cold front then clears the
 * air within hours, and a day of unusually clean air follows. One process for the whole province,
 * so that all cities go through an episode together; each city scales it by its exposure.
 *
 * <p>The episode is expressed as a log-space envelope: {@link #envelope(double)} is added to a
 * pollutant's log concentration, scaled by how strongly the pollutant follows PM2.5.
 */
final class HazeEpisodes {

  /** Expected episodes per month (index 0 = January); none from April to September. */
  static final double[] PER_MONTH = {2.2, 1.5, 0.6, 0, 0, 0, 0, 0, 0, 0.3, 1.2, 2.0};

  static final int MIN_BUILD_HOURS = 48;
  static final int MAX_BUILD_HOURS = 96;
  static final int CLEAN_OUT_HOURS = 12;
  static final int RECOVERY_HOURS = 24;
  static final double MIN_PEAK = 150;
  static final double MAX_PEAK = 300;

  /** Log factor of the post-frontal clean air: about 0.6 of the usual level. */
  static final double CLEAN_LOG = -0.5;

  /** An episode raises a city at least this much (log), even where the usual level is high. */
  static final double MIN_RISE_LOG = 0.3;

  private static final double MEAN_HOURS =
      (MIN_BUILD_HOURS + MAX_BUILD_HOURS) / 2.0 + CLEAN_OUT_HOURS + RECOVERY_HOURS;
  private static final double HOURS_PER_MONTH = 730.5;

  private final SplittableRandom random;
  private boolean active;
  private int hoursIn;
  private int buildHours;
  private double peak;
  private int startMonth;

  HazeEpisodes(SplittableRandom random) {
    this.random = random;
  }

  void step(SimHour hour) {
    double draw = random.nextDouble();
    if (active) {
      hoursIn++;
      if (hoursIn >= buildHours + CLEAN_OUT_HOURS + RECOVERY_HOURS) {
        active = false;
      }
    } else if (draw < hazard(hour.month())) {
      active = true;
      hoursIn = 0;
      buildHours = MIN_BUILD_HOURS + random.nextInt(MAX_BUILD_HOURS - MIN_BUILD_HOURS + 1);
      peak = MIN_PEAK + (MAX_PEAK - MIN_PEAK) * random.nextDouble();
      startMonth = hour.month();
    }
  }

  boolean active() {
    return active;
  }

  /** Peak PM2.5 of the current episode in a fully exposed city, µg/m³. */
  double peak() {
    return peak;
  }

  /** Month (1-12) the current episode started in. */
  int startMonth() {
    return startMonth;
  }

  /** Log-space rise of PM2.5 now, for a city whose episode peak is {@code peakLog} above usual. */
  double envelope(double peakLog) {
    return active ? envelope(hoursIn, buildHours, peakLog) : 0;
  }

  static double envelope(int hoursIn, int buildHours, double peakLog) {
    if (hoursIn < buildHours) {
      return peakLog * (hoursIn + 1) / buildHours;
    }
    int cleaning = hoursIn - buildHours;
    if (cleaning < CLEAN_OUT_HOURS) {
      return peakLog + (CLEAN_LOG - peakLog) * (cleaning + 1) / CLEAN_OUT_HOURS;
    }
    int recovering = cleaning - CLEAN_OUT_HOURS;
    return CLEAN_LOG * (1 - (recovering + 1.0) / RECOVERY_HOURS);
  }

  /** Log rise at the peak for a city: reaches {@code peak × exposure} from its usual level. */
  static double peakLog(double peak, double exposure, double usualLevel) {
    return Math.max(MIN_RISE_LOG, Math.log(peak * exposure / usualLevel));
  }

  /**
   * Chance per idle hour that an episode starts, such that the month has {@link #PER_MONTH}
   * episodes on average (an episode and its recovery take {@link #MEAN_HOURS}).
   */
  static double hazard(int month) {
    double n = PER_MONTH[month - 1];
    return n == 0 ? 0 : n / (HOURS_PER_MONTH - n * MEAN_HOURS);
  }

  /** Share of a month's hours that lie inside an episode (build-up, clean-out or recovery). */
  static double timeShare(int month) {
    return PER_MONTH[month - 1] * MEAN_HOURS / HOURS_PER_MONTH;
  }

  /**
   * Mean of exp(loading × envelope) over an episode, averaged over the range of peaks and build-up
   * lengths: how much episodes raise a pollutant's mean while they last.
   */
  static double meanEpisodeFactor(double loading, double exposure, double usualLevel) {
    double sum = 0;
    int n = 0;
    for (int p = 0; p <= 5; p++) {
      double peakLog = peakLog(MIN_PEAK + (MAX_PEAK - MIN_PEAK) * p / 5, exposure, usualLevel);
      for (int build = MIN_BUILD_HOURS; build <= MAX_BUILD_HOURS; build += 16) {
        int total = build + CLEAN_OUT_HOURS + RECOVERY_HOURS;
        for (int h = 0; h < total; h++) {
          sum += Math.exp(loading * envelope(h, build, peakLog));
          n++;
        }
      }
    }
    return sum / n;
  }
}
