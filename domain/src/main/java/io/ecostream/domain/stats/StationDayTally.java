package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import java.util.Arrays;

/**
 * One station's natural day (given and read in the {@link StationDay} layout, kept hour by hour)
 * with the counts and sums its city's day is made of ({@link CityDay#ofTallies}), kept up to date
 * as hours are written. A city's open day is figured about once per hour of data, and between two
 * figures a station's day usually gains one hour after all those it has: such a value is added to
 * its pollutant's count and sum, and to the O3 8-hour windows that hold it, instead of the day
 * being read again. Any other change (a value replaced or taken away, an hour filled in behind a
 * later one) makes that pollutant's tallies be recomputed from its 24 values when next read. Sums
 * add the values in slot order either way, so every figure is the same double as a pass over the
 * day's values.
 */
public final class StationDayTally {

  private static final int POLLUTANTS = Pollutant.values().length;
  private static final int O3 = Pollutant.O3.ordinal();
  private static final int HOURS = StationDay.HOURS;
  private static final int WINDOW_HOURS = ValidityRules.WINDOW_HOURS;
  private static final int WINDOWS = ValidityRules.MDA8_WINDOWS;

  /**
   * The day's values hour by hour (slot-major: the six pollutants of a slot side by side), unlike
   * the {@link StationDay} layout: a day gains its values an hour at a time, and an hour's six
   * values then share a cache line or two instead of lying 24 values apart. With a station's day
   * cold by the time its next hour comes, that is most of what writing an hour costs.
   */
  private final double[] values = StationDay.empty();

  /*
   * The tallies in two arrays rather than five: a station's day is cold by its next hour, and each
   * array is a cache line or more to fetch back. Per pollutant: a bit per slot with a value, how
   * many, and their sum in slot order; per 8-hour O3 window (window w holds slots w … w + 7): how
   * many values and their sum.
   */
  private static final int PRESENT_SLOTS = 0;
  private static final int COUNTS = PRESENT_SLOTS + POLLUTANTS;
  private static final int WINDOW_COUNTS = COUNTS + POLLUTANTS;
  private static final int SUMS = 0;
  private static final int WINDOW_SUMS = SUMS + POLLUTANTS;

  private final int[] counts = new int[WINDOW_COUNTS + WINDOWS];
  private final double[] sums = new double[WINDOW_SUMS + WINDOWS];

  /** The largest O3 value of the day, NaN when it has none. */
  private double o3Max = Double.NaN;

  /** A bit per pollutant whose tallies no longer follow its values. */
  private int stale;

  /** A day with no value yet. */
  public StationDayTally() {}

  /** The tallies of a day given in the {@link StationDay} layout (copied). */
  public static StationDayTally of(double[] day) {
    if (day.length != StationDay.SIZE) {
      throw new IllegalArgumentException(
          "A station day holds " + StationDay.SIZE + " values, got " + day.length);
    }
    StationDayTally tally = new StationDayTally();
    for (Pollutant pollutant : Pollutant.values()) {
      for (int slot = 0; slot < HOURS; slot++) {
        tally.values[index(slot, pollutant.ordinal())] = day[StationDay.index(pollutant, slot)];
      }
    }
    tally.stale = (1 << POLLUTANTS) - 1;
    return tally;
  }

  /** Takes every value away. */
  public void clear() {
    Arrays.fill(values, Double.NaN);
    Arrays.fill(counts, 0);
    Arrays.fill(sums, 0);
    o3Max = Double.NaN;
    stale = 0;
  }

  /** Sets the pollutant's value of the hour slot; NaN takes it away. */
  public void set(int slot, Pollutant pollutant, double value) {
    int p = pollutant.ordinal();
    int i = index(slot, p);
    double old = values[i];
    if (Double.compare(old, value) == 0) {
      return;
    }
    values[i] = value;
    boolean appended =
        Double.isNaN(old)
            && !Double.isNaN(value)
            && (stale & 1 << p) == 0
            && counts[PRESENT_SLOTS + p] >>> slot == 0;
    if (!appended) {
      stale |= 1 << p;
      return;
    }
    add(p, slot, value);
  }

  /** The day's values in the {@link StationDay} layout, copied. */
  public double[] values() {
    double[] day = StationDay.empty();
    for (Pollutant pollutant : Pollutant.values()) {
      for (int slot = 0; slot < HOURS; slot++) {
        day[StationDay.index(pollutant, slot)] = values[index(slot, pollutant.ordinal())];
      }
    }
    return day;
  }

  private static int index(int slot, int pollutant) {
    return slot * POLLUTANTS + pollutant;
  }

  /** How many hourly values of the pollutant the day has. */
  int count(Pollutant pollutant) {
    refresh();
    return counts[COUNTS + pollutant.ordinal()];
  }

  /** The sum of the pollutant's hourly values, added in slot order; 0 when it has none. */
  double sum(Pollutant pollutant) {
    refresh();
    return sums[SUMS + pollutant.ordinal()];
  }

  /** A bit per hour slot with any pollutant's value. */
  int hoursWithData() {
    refresh();
    int bits = 0;
    for (int p = 0; p < POLLUTANTS; p++) {
      bits |= counts[PRESENT_SLOTS + p];
    }
    return bits;
  }

  /** The MDA8 under the rules, as {@link Ozone#dailyMax8h} gives it from the day's O3 values. */
  Mda8 mda8(ValidityRules rules) {
    refresh();
    double max = Double.NaN;
    int validWindows = 0;
    for (int w = 0; w < WINDOWS; w++) {
      int count = counts[WINDOW_COUNTS + w];
      if (count >= rules.minHoursPer8h()) {
        double average = sums[WINDOW_SUMS + w] / count;
        validWindows++;
        if (Double.isNaN(max) || average > max) {
          max = average;
        }
      }
    }
    return Ozone.mda8(max, validWindows, rules);
  }

  /** The O3 daily maximum 1-hour value under the rules, as {@link Ozone#dailyMax1h} gives it. */
  double o3Max1h(ValidityRules rules) {
    refresh();
    return counts[COUNTS + O3] >= rules.minHoursForO3Max1h() ? o3Max : Double.NaN;
  }

  private void add(int p, int slot, double value) {
    counts[PRESENT_SLOTS + p] |= 1 << slot;
    counts[COUNTS + p]++;
    sums[SUMS + p] += value;
    if (p == O3) {
      if (Double.isNaN(o3Max) || value > o3Max) {
        o3Max = value;
      }
      for (int w = Math.max(0, slot - WINDOW_HOURS + 1); w <= Math.min(WINDOWS - 1, slot); w++) {
        counts[WINDOW_COUNTS + w]++;
        sums[WINDOW_SUMS + w] += value;
      }
    }
  }

  /** Recomputes the stale pollutants' tallies from their values, in slot order. */
  private void refresh() {
    if (stale == 0) {
      return;
    }
    for (int p = 0; p < POLLUTANTS; p++) {
      if ((stale & 1 << p) == 0) {
        continue;
      }
      counts[PRESENT_SLOTS + p] = 0;
      counts[COUNTS + p] = 0;
      sums[SUMS + p] = 0;
      if (p == O3) {
        Arrays.fill(counts, WINDOW_COUNTS, WINDOW_COUNTS + WINDOWS, 0);
        Arrays.fill(sums, WINDOW_SUMS, WINDOW_SUMS + WINDOWS, 0);
        o3Max = Double.NaN;
      }
      for (int slot = 0; slot < HOURS; slot++) {
        double value = values[index(slot, p)];
        if (!Double.isNaN(value)) {
          add(p, slot, value);
        }
      }
    }
    stale = 0;
  }
}
