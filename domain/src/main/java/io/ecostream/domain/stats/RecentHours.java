package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import java.util.Arrays;

/**
 * One station's most recent {@value #CAPACITY} hours of the six pollutants, the state the real-time
 * moving means are computed from (HJ 633-2012 §5.1.3: O3 8-hour and PM 24-hour moving averages).
 *
 * <p>Hours are counted from the epoch ({@code epochSecond / 3600}), so a day has no DST seam. The
 * ring holds the hours {@code newest - CAPACITY + 1 … newest}: twice the longest window, so that a
 * reading up to a day late still finds the whole window it belongs to and the later hours it changes.
 * A reading older than that is {@link Put#TOO_OLD}. Each held hour carries the revision of the figure
 * last published for it, so a correction is published with a higher one.
 *
 * <p>Mutable and not thread-safe: one instance is one store value being updated. The arrays are the
 * serialized form ({@link #hours()}, {@link #revisions()}, {@link #values()}).
 */
public final class RecentHours {

  public static final int CAPACITY = 48;
  public static final int POLLUTANTS = Pollutant.values().length;

  /** Marks a slot that holds no hour. */
  public static final long NO_HOUR = Long.MIN_VALUE;

  /** What {@link #put} did with a reading. */
  public enum Put {
    /** The hour was not held before: it is now. */
    NEW,
    /** The hour was held and at least one value changed. */
    CHANGED,
    /** The hour was held with the same values: a duplicate. */
    UNCHANGED,
    /** The hour is older than the ring reaches: nothing was stored. */
    TOO_OLD
  }

  private final long[] hours;
  private final long[] revisions;
  private final double[] values;
  private long newest;

  private RecentHours(long[] hours, long[] revisions, double[] values) {
    this.hours = hours;
    this.revisions = revisions;
    this.values = values;
    long max = NO_HOUR;
    for (long hour : hours) {
      max = Math.max(max, hour);
    }
    this.newest = max;
  }

  public static RecentHours empty() {
    long[] hours = new long[CAPACITY];
    Arrays.fill(hours, NO_HOUR);
    double[] values = new double[CAPACITY * POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    return new RecentHours(hours, new long[CAPACITY], values);
  }

  /**
   * The ring from its serialized arrays, which it takes ownership of.
   *
   * @throws IllegalArgumentException if the arrays do not have the ring's sizes
   */
  public static RecentHours of(long[] hours, long[] revisions, double[] values) {
    if (hours.length != CAPACITY
        || revisions.length != CAPACITY
        || values.length != CAPACITY * POLLUTANTS) {
      throw new IllegalArgumentException(
          "A ring holds " + CAPACITY + " hours of " + POLLUTANTS + " values, got " + hours.length
              + " hours, " + revisions.length + " revisions and " + values.length + " values");
    }
    return new RecentHours(hours, revisions, values);
  }

  /**
   * Stores one hour's values. A NaN keeps what the hour held (a reading without that pollutant does
   * not erase an earlier value); a value replaces the earlier one.
   *
   * @param values six values in {@link Pollutant} order, NaN where the reading has none
   */
  public Put put(long hour, double[] values) {
    if (newest != NO_HOUR && hour <= newest - CAPACITY) {
      return Put.TOO_OLD;
    }
    int slot = slot(hour);
    boolean held = hours[slot] == hour;
    if (!held) {
      hours[slot] = hour;
      revisions[slot] = 0;
      Arrays.fill(this.values, slot * POLLUTANTS, (slot + 1) * POLLUTANTS, Double.NaN);
    }
    newest = Math.max(newest, hour);
    boolean changed = false;
    for (int p = 0; p < POLLUTANTS; p++) {
      double value = values[p];
      int i = slot * POLLUTANTS + p;
      if (!Double.isNaN(value) && Double.compare(this.values[i], value) != 0) {
        this.values[i] = value;
        changed = true;
      }
    }
    return !held ? Put.NEW : changed ? Put.CHANGED : Put.UNCHANGED;
  }

  /** Whether the ring holds the hour. */
  public boolean holds(long hour) {
    return newest != NO_HOUR && hour > newest - CAPACITY && hours[slot(hour)] == hour;
  }

  /** The newest hour held, or {@link #NO_HOUR}. */
  public long newest() {
    return newest;
  }

  /** The hour's value of the pollutant, NaN when it has none or is not held. */
  public double value(long hour, Pollutant pollutant) {
    return holds(hour) ? values[slot(hour) * POLLUTANTS + pollutant.ordinal()] : Double.NaN;
  }

  /** The hour's six values in {@link Pollutant} order, copied into {@code into}. */
  public double[] values(long hour, double[] into) {
    for (Pollutant pollutant : Pollutant.values()) {
      into[pollutant.ordinal()] = value(hour, pollutant);
    }
    return into;
  }

  /**
   * Counts one more publication of the hour's figure and returns its revision: 1 the first time.
   *
   * @throws IllegalStateException if the hour is not held
   */
  public long nextRevision(long hour) {
    if (!holds(hour)) {
      throw new IllegalStateException("Hour " + hour + " is not held");
    }
    return ++revisions[slot(hour)];
  }

  /**
   * The moving mean of the pollutant over the {@code windowHours} hours ending with {@code hour}
   * (that hour and the ones before it), or NaN when fewer than {@code minValues} of them have a value
   * (GB 3095 Table 4: 20 of 24 hours, 6 of 8 hours).
   *
   * @throws IllegalArgumentException if the window is longer than half the ring
   */
  public double movingMean(Pollutant pollutant, long hour, int windowHours, int minValues) {
    requireWindow(windowHours);
    double sum = 0;
    int count = 0;
    for (long h = hour - windowHours + 1; h <= hour; h++) {
      double value = value(h, pollutant);
      if (!Double.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    return count >= minValues && count > 0 ? sum / count : Double.NaN;
  }

  /** How many of the {@code windowHours} hours ending with {@code hour} have a value of the pollutant. */
  public int count(Pollutant pollutant, long hour, int windowHours) {
    requireWindow(windowHours);
    int count = 0;
    for (long h = hour - windowHours + 1; h <= hour; h++) {
      if (!Double.isNaN(value(h, pollutant))) {
        count++;
      }
    }
    return count;
  }

  public long[] hours() {
    return hours;
  }

  public long[] revisions() {
    return revisions;
  }

  public double[] values() {
    return values;
  }

  private static void requireWindow(int windowHours) {
    if (windowHours < 1 || windowHours > CAPACITY / 2) {
      throw new IllegalArgumentException(
          "A window is 1-" + CAPACITY / 2 + " hours, got " + windowHours);
    }
  }

  private static int slot(long hour) {
    return (int) Math.floorMod(hour, (long) CAPACITY);
  }
}
