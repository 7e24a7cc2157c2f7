package io.ecostream.domain.quality;

import io.ecostream.domain.air.Pollutant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Thresholds of the hourly quality control, per pollutant in {@link Pollutant} order and units
 * (µg/m³, CO mg/m³). The defaults were chosen on the real data of the shared folder (Beijing's 12
 * stations 2013–2017, 0.4 M station-hours per pollutant; Shandong's 16 cities 2022–2023, 0.28 M) so
 * that real episodes are not excluded: of Shandong they flag no hour as stuck, and as a spike 2
 * PM10 and 7 SO2 hours; of Beijing under 0.1 % of any pollutant except O3 (0.8 %, runs of a day or
 * more of one value: a frozen analyser in that data set).
 *
 * @param maximum a value above this is {@link QualityFlag#RANGE}
 * @param sentinels exact values loggers send instead of a measurement
 * @param stuckHours a run of at least this many consecutive hours of the same value is {@link
 *     QualityFlag#STUCK}; shorter runs are common at the instruments' resolution (SO2 of 3 µg/m³
 *     for a clean night, CO of 0.5 mg/m³); 0 turns the rule off
 * @param stuckFloor runs below this value are never stuck (low values repeat at the resolution)
 * @param spikeRatio an hour is a {@link QualityFlag#SPIKE} when it exceeds both neighbours' larger
 *     value by this factor …
 * @param spikeRise … and by at least this much; both neighbours must be there, so that the rise of
 *     a real episode (fireworks, dust), which stays up, is not a spike
 */
public record QualityRules(
    double[] maximum,
    double[] sentinels,
    int stuckHours,
    double[] stuckFloor,
    double spikeRatio,
    double[] spikeRise) {

  /** The longest stuck run the real-time ring can judge with its full context. */
  public static final int MAX_STUCK_HOURS = 24;

  /** {@link #stuckHours} that turns the stuck rule off. */
  public static final int OFF = 0;

  private static final int N = Pollutant.values().length;

  public QualityRules {
    requireSize(maximum, "maximum");
    requireSize(stuckFloor, "stuckFloor");
    requireSize(spikeRise, "spikeRise");
    Objects.requireNonNull(sentinels, "sentinels");
    if (stuckHours != OFF && (stuckHours < 2 || stuckHours > MAX_STUCK_HOURS)) {
      throw new IllegalArgumentException(
          "stuck hours must be 2-" + MAX_STUCK_HOURS + " or 0 (off), got " + stuckHours);
    }
    if (!(spikeRatio > 1)) {
      throw new IllegalArgumentException("spike ratio must be above 1, got " + spikeRatio);
    }
    maximum = maximum.clone();
    sentinels = sentinels.clone();
    stuckFloor = stuckFloor.clone();
    spikeRise = spikeRise.clone();
  }

  /** SO2, NO2, PM10, PM2.5, CO, O3. */
  public static QualityRules defaults() {
    return new QualityRules(
        // PM2.5 peaked near 1 000 µg/m³ in the 2013 haze and PM10 passes 2 000 in dust storms.
        new double[] {10_000, 10_000, 5_000, 5_000, 150, 10_000},
        new double[] {-99, -999, -9_999, 9_999, 99_999},
        12,
        // SO2 20: Zaozhuang's city mean stayed at 10 for 15 hours on 2022-07-12, and CNEMC kept it
        new double[] {20, 10, 10, 10, 1.0, 10},
        4,
        new double[] {50, 60, 150, 100, 2.0, 100});
  }

  /** These rules with another stuck-run length, or {@link #OFF}. */
  public QualityRules withStuckHours(int hours) {
    return new QualityRules(maximum, sentinels, hours, stuckFloor, spikeRatio, spikeRise);
  }

  /**
   * The flag a value earns on its own, without its neighbours (sentinel, negative, out of range),
   * or null when it passes.
   */
  public QualityFlag standalone(Pollutant pollutant, double value) {
    for (double sentinel : sentinels) {
      if (value == sentinel) {
        return QualityFlag.SENTINEL;
      }
    }
    if (value < 0) {
      return QualityFlag.NEGATIVE;
    }
    if (value > maximum[pollutant.ordinal()]) {
      return QualityFlag.RANGE;
    }
    return null;
  }

  double stuckFloor(int pollutant) {
    return stuckFloor[pollutant];
  }

  double spikeRise(int pollutant) {
    return spikeRise[pollutant];
  }

  private static void requireSize(double[] values, String name) {
    Objects.requireNonNull(values, name);
    if (values.length != N) {
      throw new IllegalArgumentException(name + " needs " + N + " values, got " + values.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QualityRules r
        && Arrays.equals(maximum, r.maximum)
        && Arrays.equals(sentinels, r.sentinels)
        && stuckHours == r.stuckHours
        && Arrays.equals(stuckFloor, r.stuckFloor)
        && spikeRatio == r.spikeRatio
        && Arrays.equals(spikeRise, r.spikeRise);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(maximum),
        Arrays.hashCode(sentinels),
        stuckHours,
        Arrays.hashCode(stuckFloor),
        spikeRatio,
        Arrays.hashCode(spikeRise));
  }

  @Override
  public String toString() {
    return "QualityRules[maximum="
        + Arrays.toString(maximum)
        + ", sentinels="
        + Arrays.toString(sentinels)
        + ", stuckHours="
        + stuckHours
        + ", stuckFloor="
        + Arrays.toString(stuckFloor)
        + ", spikeRatio="
        + spikeRatio
        + ", spikeRise="
        + Arrays.toString(spikeRise)
        + "]";
  }
}
