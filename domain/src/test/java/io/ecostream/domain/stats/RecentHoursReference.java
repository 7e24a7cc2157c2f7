package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.HourlyQuality;
import io.ecostream.domain.quality.QualityFlag;
import io.ecostream.domain.quality.QualityRules;
import java.util.Arrays;

/**
 * The ring as it was before its quality control judged the values in place (commit 9f2c1c1): each
 * put copies every pollutant's series around the judged hours, snapshots all flags and compares
 * them afterwards. Kept only as the oracle of {@link RecentHoursEquivalenceTest}: a put must leave
 * {@link RecentHours} in the very state it leaves this in.
 */
final class RecentHoursReference {

  public static final int CAPACITY = 96;
  public static final int POLLUTANTS = Pollutant.values().length;

  /** Marks a slot that holds no hour. */
  public static final long NO_HOUR = Long.MIN_VALUE;

  private static final Pollutant[] ALL = Pollutant.values();
  private static final QualityFlag[] FLAGS = QualityFlag.values();

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
  private final int[] changes;
  private final double[] values;
  private final QualityRules rules;
  private final byte[] flags;
  private final byte[] previousFlags = new byte[CAPACITY * POLLUTANTS];
  private final double[] series = new double[CAPACITY];
  private final byte[] seriesFlags = new byte[CAPACITY];
  private final boolean[] seriesUsable = new boolean[CAPACITY];

  /** Per index of the series, the slot that holds its hour, or -1. */
  private final int[] seriesSlots = new int[CAPACITY];

  private final int[] newFlags = new int[FLAGS.length * POLLUTANTS];
  private final double[] usableBefore = new double[POLLUTANTS];
  private long newest;
  private long firstChanged = NO_HOUR;
  private long lastChanged = NO_HOUR;

  private RecentHoursReference(
      long[] hours,
      long[] revisions,
      int[] changes,
      double[] values,
      byte[] flags,
      QualityRules rules) {
    this.hours = hours;
    this.revisions = revisions;
    this.changes = changes;
    this.values = values;
    this.rules = rules;
    long max = NO_HOUR;
    for (long hour : hours) {
      max = Math.max(max, hour);
    }
    this.newest = max;
    if (flags == null) {
      this.flags = new byte[CAPACITY * POLLUTANTS];
      assess(newest - CAPACITY + 1, newest);
    } else {
      this.flags = flags;
    }
  }

  static RecentHoursReference empty(QualityRules rules) {
    long[] hours = new long[CAPACITY];
    Arrays.fill(hours, NO_HOUR);
    double[] values = new double[CAPACITY * POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    return new RecentHoursReference(
        hours, new long[CAPACITY], new int[CAPACITY], values, null, rules);
  }

  /**
   * The ring from its serialized arrays, which it takes ownership of.
   *
   * @throws IllegalArgumentException if the arrays do not have the ring's sizes
   */
  static RecentHoursReference of(
      long[] hours, long[] revisions, double[] values, QualityRules rules) {
    return of(hours, revisions, values, null, rules);
  }

  /**
   * The ring from its serialized arrays and the flags it stored with them (null: flag them again),
   * which it takes ownership of. Stored flags spare a full quality control per reading: a put
   * re-judges only the hours it can change.
   *
   * @throws IllegalArgumentException if the arrays do not have the ring's sizes
   */
  static RecentHoursReference of(
      long[] hours, long[] revisions, double[] values, byte[] flags, QualityRules rules) {
    return of(hours, revisions, new int[CAPACITY], values, flags, rules);
  }

  /**
   * The ring from all its serialized arrays, which it takes ownership of.
   *
   * @param changes per slot, how often the hour's usable values changed ({@link #changes(long)})
   * @throws IllegalArgumentException if the arrays do not have the ring's sizes
   */
  static RecentHoursReference of(
      long[] hours,
      long[] revisions,
      int[] changes,
      double[] values,
      byte[] flags,
      QualityRules rules) {
    if ((flags != null && flags.length != CAPACITY * POLLUTANTS)
        || hours.length != CAPACITY
        || revisions.length != CAPACITY
        || changes.length != CAPACITY
        || values.length != CAPACITY * POLLUTANTS) {
      throw new IllegalArgumentException(
          "A ring holds "
              + CAPACITY
              + " hours of "
              + POLLUTANTS
              + " values, got "
              + hours.length
              + " hours, "
              + revisions.length
              + " revisions, "
              + changes.length
              + " change counts and "
              + values.length
              + " values");
    }
    return new RecentHoursReference(hours, revisions, changes, values, flags, rules);
  }

  /**
   * Stores one hour's values. A NaN keeps what the hour held (a reading without that pollutant does
   * not erase an earlier value); a value replaces the earlier one. After a {@link Put#NEW} or
   * {@link Put#CHANGED}, {@link #firstChanged()} … {@link #lastChanged()} are the hours whose
   * usable values changed (the hour itself, and neighbours whose flags changed), and {@link
   * #newFlags} counts the values that this put flagged.
   *
   * @param values six values in {@link Pollutant} order, NaN where the reading has none
   */
  public Put put(long hour, double[] values) {
    Arrays.fill(newFlags, 0);
    firstChanged = NO_HOUR;
    lastChanged = NO_HOUR;
    if (newest != NO_HOUR && hour <= newest - CAPACITY) {
      return Put.TOO_OLD;
    }
    int reach = Math.max(1, rules.stuckHours());
    values(hour, usableBefore);
    int slot = slot(hour);
    boolean held = hours[slot] == hour;
    if (!held) {
      hours[slot] = hour;
      revisions[slot] = 0;
      changes[slot] = 0;
      Arrays.fill(this.values, slot * POLLUTANTS, (slot + 1) * POLLUTANTS, Double.NaN);
      Arrays.fill(flags, slot * POLLUTANTS, (slot + 1) * POLLUTANTS, HourlyQuality.NONE);
    }
    long previousNewest = newest;
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
    if (!held || changed) {
      System.arraycopy(flags, 0, previousFlags, 0, flags.length);
      // A value changes the flags of its own hour, of the runs it joins or breaks (at most a run's
      // length either side) and of its neighbours' spikes: only those hours are judged again. A new
      // newest hour has nothing after it and breaks no run: it can change only its own flags, the
      // spike of the hour before it and the run of equal values it extends.
      long from = hour - reach;
      long to = hour + reach;
      if (!held && (previousNewest == NO_HOUR || hour > previousNewest)) {
        from = Math.max(from, Math.min(hour - 1, startOfRunsEndingAt(hour, from)));
        to = hour;
      }
      assess(from, to);
      if (usableChanged(hour)) {
        changes[slot]++;
      }
      firstChanged = hour;
      lastChanged = hour;
      for (long h = from; h <= to; h++) {
        if (h != hour && holds(h) && flagsChanged(slot(h))) {
          firstChanged = Math.min(firstChanged, h);
          lastChanged = Math.max(lastChanged, h);
          if (flagsChangedUsable(slot(h))) {
            changes[slot(h)]++;
          }
        }
      }
      countNewFlags(from, to);
    }
    return !held ? Put.NEW : changed ? Put.CHANGED : Put.UNCHANGED;
  }

  /**
   * The earliest hour, not before {@code limit}, of the runs of equal values that end at the hour.
   */
  private long startOfRunsEndingAt(long hour, long limit) {
    long start = hour;
    int slot = slot(hour);
    for (int p = 0; p < POLLUTANTS; p++) {
      double value = values[slot * POLLUTANTS + p];
      if (Double.isNaN(value)) {
        continue;
      }
      long h = hour;
      while (h - 1 >= limit && holds(h - 1) && values[slot(h - 1) * POLLUTANTS + p] == value) {
        h--;
      }
      start = Math.min(start, h);
    }
    return start;
  }

  private boolean usableChanged(long hour) {
    for (int p = 0; p < POLLUTANTS; p++) {
      if (Double.compare(usableBefore[p], value(hour, ALL[p])) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a neighbour's new flags took a value out of its usable values or gave one back. */
  private boolean flagsChangedUsable(int slot) {
    for (int i = slot * POLLUTANTS; i < (slot + 1) * POLLUTANTS; i++) {
      boolean wasUsable = previousFlags[i] == HourlyQuality.NONE;
      boolean isUsable = flags[i] == HourlyQuality.NONE;
      if (wasUsable != isUsable && !Double.isNaN(values[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * How often the usable values of the held hour changed: by its own readings and by quality flags
   * that a neighbour set or cleared; 0 when not held. It depends on the values received and their
   * order, not on how often a figure was published (a moving mean changed by an earlier hour does
   * not count), so a replay of the same readings in the same order gives the same counts.
   */
  public int changes(long hour) {
    return holds(hour) ? changes[slot(hour)] : 0;
  }

  /** The first hour whose usable values the last put changed, or {@link #NO_HOUR}. */
  public long firstChanged() {
    return firstChanged;
  }

  /** The last hour whose usable values the last put changed, or {@link #NO_HOUR}. */
  public long lastChanged() {
    return lastChanged;
  }

  /** How many values of the pollutant the last put flagged for the reason. */
  public int newFlags(QualityFlag flag, Pollutant pollutant) {
    return newFlags[flag.ordinal() * POLLUTANTS + pollutant.ordinal()];
  }

  /**
   * Flags the held values of the hours {@code from … to} from the raw values, each pollutant as one
   * series of consecutive hours (the whole ring: the context of runs and spikes).
   */
  private void assess(long from, long to) {
    if (newest == NO_HOUR) {
      return;
    }
    long oldest = newest - CAPACITY + 1;
    int first = (int) (Math.max(from, oldest) - oldest);
    int last = (int) (Math.min(to, newest) - oldest);
    if (first > last) {
      return;
    }
    // A run reaching further than a run's length beyond the judged hours is a stuck run whatever
    // lies past that, and a spike looks one hour either side: so only this much context is read,
    // behind a NaN barrier that stops the run scans.
    int context = rules.stuckHours() + 1;
    int lo = Math.max(0, first - context);
    int hi = Math.min(CAPACITY - 1, last + context);
    int oldestSlot = slot(oldest);
    for (int i = lo; i <= hi; i++) {
      int slot = oldestSlot + i < CAPACITY ? oldestSlot + i : oldestSlot + i - CAPACITY;
      seriesSlots[i] = hours[slot] == oldest + i ? slot : -1;
    }
    for (Pollutant pollutant : ALL) {
      int p = pollutant.ordinal();
      for (int i = lo; i <= hi; i++) {
        int slot = seriesSlots[i];
        series[i] = slot >= 0 ? values[slot * POLLUTANTS + p] : Double.NaN;
      }
      if (lo > 0) {
        series[lo - 1] = Double.NaN;
      }
      if (hi < CAPACITY - 1) {
        series[hi + 1] = Double.NaN;
      }
      assessSeries(series, first, last, pollutant, rules, seriesFlags, seriesUsable);
      for (int i = first; i <= last; i++) {
        int slot = oldestSlot + i < CAPACITY ? oldestSlot + i : oldestSlot + i - CAPACITY;
        flags[slot * POLLUTANTS + p] = seriesFlags[i];
      }
    }
  }

  private boolean flagsChanged(int slot) {
    for (int i = slot * POLLUTANTS; i < (slot + 1) * POLLUTANTS; i++) {
      if (flags[i] != previousFlags[i]) {
        return true;
      }
    }
    return false;
  }

  private void countNewFlags(long from, long to) {
    for (long h = from; h <= to; h++) {
      if (!holds(h)) {
        continue;
      }
      for (int i = slot(h) * POLLUTANTS; i < (slot(h) + 1) * POLLUTANTS; i++) {
        if (flags[i] != HourlyQuality.NONE && previousFlags[i] != flags[i]) {
          newFlags[(flags[i] - 1) * POLLUTANTS + i % POLLUTANTS]++;
        }
      }
    }
  }

  /** Whether the ring holds the hour. */
  public boolean holds(long hour) {
    return heldIn(hour, slot(hour));
  }

  /** Whether the ring holds the hour, given the hour's slot. */
  private boolean heldIn(long hour, int slot) {
    return newest != NO_HOUR && hour > newest - CAPACITY && hours[slot] == hour;
  }

  /** The newest hour held, or {@link #NO_HOUR}. */
  public long newest() {
    return newest;
  }

  /** The hour's usable value of the pollutant: NaN when it has none, is flagged or is not held. */
  public double value(long hour, Pollutant pollutant) {
    return holds(hour) ? usable(slot(hour), pollutant.ordinal()) : Double.NaN;
  }

  /** The usable value of the pollutant in the slot of a held hour. */
  private double usable(int slot, int pollutant) {
    int i = slot * POLLUTANTS + pollutant;
    return flags[i] == HourlyQuality.NONE ? values[i] : Double.NaN;
  }

  /** The hour's six usable values in {@link Pollutant} order, copied into {@code into}. */
  public double[] values(long hour, double[] into) {
    boolean held = holds(hour);
    int slot = slot(hour);
    for (int p = 0; p < POLLUTANTS; p++) {
      into[p] = held ? usable(slot, p) : Double.NaN;
    }
    return into;
  }

  public long[] hours() {
    return hours;
  }

  public long[] revisions() {
    return revisions;
  }

  public int[] changes() {
    return changes;
  }

  public double[] values() {
    return values;
  }

  /** The quality flags, {@link HourlyQuality} codes in the order of {@link #values()}. */
  public byte[] flags() {
    return flags;
  }

  private static int slot(long hour) {
    return (int) Math.floorMod(hour, (long) CAPACITY);
  }

  /** {@code HourlyQuality.assess} as it was, on a copied series. */
  private static void assessSeries(
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
        flags[i] = HourlyQuality.code(flag);
      }
    }
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
        flags[i] = HourlyQuality.code(QualityFlag.STUCK);
      } else if (isSpike(series, usable, i, pollutant, rules)) {
        flags[i] = HourlyQuality.code(QualityFlag.SPIKE);
      }
    }
  }

  private static boolean isStuck(
      double value, int runLength, Pollutant pollutant, QualityRules rules) {
    return rules.stuckHours() != QualityRules.OFF
        && value >= rules.stuckFloor()[pollutant.ordinal()]
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
        && value - neighbours > rules.spikeRise()[pollutant.ordinal()];
  }
}
