package io.ecostream.domain.quality;

import io.ecostream.domain.air.Pollutant;

/**
 * The quality control of one pollutant's consecutive hourly values. A flag depends only on the
 * values, never on the order they arrived in: a value is judged with its neighbours, so a late hour
 * can flag (or clear) the hours around it, and the caller republishes those.
 *
 * <p>Flags are codes in a byte array, {@link #NONE} or {@link QualityFlag#ordinal()} + 1, so that
 * the real-time processor keeps them per hour without boxing.
 */
public final class HourlyQuality {

  public static final byte NONE = 0;

  private static final QualityFlag[] FLAGS = QualityFlag.values();

  private HourlyQuality() {}

  /** The flag of a code, or null for {@link #NONE}. */
  public static QualityFlag flag(byte code) {
    return code == NONE ? null : FLAGS[code - 1];
  }

  public static byte code(QualityFlag flag) {
    return flag == null ? NONE : (byte) (flag.ordinal() + 1);
  }

  /**
   * Flags {@code series[from … to]} of consecutive hours (NaN = no value) into {@code flags} at the
   * same indices. Standalone flags (sentinel, negative, range) come first; a stuck run is counted
   * on the values that passed them; a spike is judged against neighbours that passed them. Values
   * outside {@code from … to} serve as context only.
   */
  public static void assess(
      double[] series, int from, int to, Pollutant pollutant, QualityRules rules, byte[] flags) {
    assess(series, from, to, pollutant, rules, flags, new boolean[series.length]);
  }

  /**
   * As {@link #assess(double[], int, int, Pollutant, QualityRules, byte[])}, with a scratch array
   * of the series' length for the values that pass the standalone checks, so that a caller judging
   * many series allocates nothing and each value is checked once.
   */
  public static void assess(
      double[] series,
      int from,
      int to,
      Pollutant pollutant,
      QualityRules rules,
      byte[] flags,
      boolean[] usable) {
    int lo = Math.max(0, from - 1);
    int hi = Math.min(series.length - 1, to + 1);
    for (int i = lo; i <= hi; i++) {
      QualityFlag flag = Double.isNaN(series[i]) ? null : rules.standalone(pollutant, series[i]);
      usable[i] = !Double.isNaN(series[i]) && flag == null;
      if (i >= from && i <= to) {
        flags[i] = code(flag);
      }
    }
    // The run of equal values around i, carried from one i to the next: each value is scanned
    // once, however long the runs.
    int runStart = -1;
    int runEnd = -1;
    for (int i = from; i <= to; i++) {
      if (i > runEnd) {
        double value = series[i];
        runStart = i;
        while (runStart > 0 && series[runStart - 1] == value) {
          runStart--;
        }
        runEnd = i;
        while (runEnd < series.length - 1 && series[runEnd + 1] == value) {
          runEnd++;
        }
      }
      if (!usable[i]) {
        continue;
      }
      if (isStuck(series[i], runEnd - runStart + 1, pollutant, rules)) {
        flags[i] = code(QualityFlag.STUCK);
      } else if (isSpike(series, usable, i, pollutant, rules)) {
        flags[i] = code(QualityFlag.SPIKE);
      }
    }
  }

  private static boolean isStuck(
      double value, int runLength, Pollutant pollutant, QualityRules rules) {
    return rules.stuckHours() != QualityRules.OFF
        && value >= rules.stuckFloor(pollutant.ordinal())
        && runLength >= rules.stuckHours();
  }

  private static boolean isSpike(
      double[] series, boolean[] usable, int i, Pollutant pollutant, QualityRules rules) {
    if (i == 0 || i == series.length - 1 || !usable[i - 1] || !usable[i + 1]) {
      return false;
    }
    double neighbours = Math.max(series[i - 1], series[i + 1]);
    double value = series[i];
    return value > rules.spikeRatio() * neighbours
        && value - neighbours > rules.spikeRise(pollutant.ordinal());
  }
}
