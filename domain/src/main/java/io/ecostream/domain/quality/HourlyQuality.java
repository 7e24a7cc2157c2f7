package io.ecostream.domain.quality;

import io.ecostream.domain.air.Pollutant;

/**
 * The rules of the quality control of one pollutant's consecutive hourly values: what a value earns
 * on its own, how long a run of equal values makes it stuck, when it is a spike between its
 * neighbours. {@link io.ecostream.domain.stats.RecentHours} applies them to a station's hours. A
 * flag depends only on the values, never on the order they arrived in: a value is judged with its
 * neighbours, so a late hour can flag (or clear) the hours around it, and the caller republishes
 * those.
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
   * The flag a value earns on its own (sentinel, negative, out of range), or null when it passes or
   * is NaN; only a value that passes is judged against its neighbours.
   */
  public static QualityFlag standalone(double value, Pollutant pollutant, QualityRules rules) {
    return Double.isNaN(value) ? null : rules.standalone(pollutant, value);
  }

  /**
   * How many consecutive hours of this value, itself included, make it {@link QualityFlag#STUCK}:
   * {@link Integer#MAX_VALUE} when no run of it is (the rule is off, or the value is below the
   * pollutant's floor), so that a caller counts a run only as far as it matters.
   */
  public static int stuckRunLength(double value, Pollutant pollutant, QualityRules rules) {
    return rules.stuckHours() != QualityRules.OFF && value >= rules.stuckFloor(pollutant.ordinal())
        ? rules.stuckHours()
        : Integer.MAX_VALUE;
  }

  /**
   * Whether a value that passed its standalone checks is a {@link QualityFlag#SPIKE} between the
   * hours before and after it (NaN: no value); a neighbour that fails its own checks is none.
   */
  public static boolean isSpike(
      double before, double value, double after, Pollutant pollutant, QualityRules rules) {
    // The arithmetic first: it is false for a NaN neighbour, and most values fail it, so their
    // neighbours' own checks are rarely needed.
    double neighbours = Math.max(before, after);
    return value > rules.spikeRatio() * neighbours
        && value - neighbours > rules.spikeRise(pollutant.ordinal())
        && isUsable(before, pollutant, rules)
        && isUsable(after, pollutant, rules);
  }

  private static boolean isUsable(double value, Pollutant pollutant, QualityRules rules) {
    return !Double.isNaN(value) && rules.standalone(pollutant, value) == null;
  }
}
