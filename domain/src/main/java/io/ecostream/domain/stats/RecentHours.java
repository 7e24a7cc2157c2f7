package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.HourlyQuality;
import io.ecostream.domain.quality.QualityFlag;
import io.ecostream.domain.quality.QualityRules;
import java.util.Arrays;

/**
 * One station's most recent {@value #CAPACITY} hours of the six pollutants, the state the real-time
 * moving means (HJ 633-2012 §5.1.3: O3 8-hour and PM 24-hour moving averages) and the hourly
 * quality control are computed from.
 *
 * <p>Hours are counted from the epoch ({@code epochSecond / 3600}), so a day has no DST seam. The
 * ring holds the hours {@code newest - CAPACITY + 1 … newest}: four days, so that a reading as late
 * as the longest grace ({@link #maxGraceHours}) still finds the whole window it belongs to, the
 * neighbours its quality flags depend on, and the later hours it changes. A reading older than the
 * ring is {@link Put#TOO_OLD}. Each held hour carries the revision of the figure last published for
 * it, so a correction is published with a higher one.
 *
 * <p>The ring keeps the raw values; {@link #value} gives the value the statistics use, NaN where
 * {@link HourlyQuality quality control} flagged it ({@link #flag}). Flags depend only on the values
 * held, never on arrival order: a late hour may flag or clear its neighbours, which {@link
 * #firstChanged()} … {@link #lastChanged()} then include.
 *
 * <p>Mutable and not thread-safe: one instance is one store value being updated. The arrays are the
 * serialized form ({@link #hours()}, {@link #revisions()}, {@link #values()}, {@link #flags()}).
 */
public final class RecentHours {

  public static final int CAPACITY = 96;
  public static final int POLLUTANTS = Pollutant.values().length;

  /** Marks a slot that holds no hour. */
  public static final long NO_HOUR = Long.MIN_VALUE;

  /** The longest moving window (PM 24-hour means). */
  private static final int LONGEST_WINDOW = 24;

  /** The O3 moving window. */
  private static final int EIGHT_HOURS = 8;

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
  private final int[] newFlags = new int[FLAGS.length * POLLUTANTS];

  /**
   * Whether {@link #newFlags} holds a count: most puts flag nothing, and then neither clear nor
   * read it (one cold array less per reading, of thousands of stations' rings).
   */
  private boolean anyNewFlags;

  private final double[] usableBefore = new double[POLLUTANTS];
  private long newest;
  private long firstChanged = NO_HOUR;
  private long lastChanged = NO_HOUR;

  private RecentHours(
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

  public static RecentHours empty(QualityRules rules) {
    long[] hours = new long[CAPACITY];
    Arrays.fill(hours, NO_HOUR);
    double[] values = new double[CAPACITY * POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    return new RecentHours(hours, new long[CAPACITY], new int[CAPACITY], values, null, rules);
  }

  /**
   * The ring from its serialized arrays, which it takes ownership of.
   *
   * @throws IllegalArgumentException if the arrays do not have the ring's sizes
   */
  public static RecentHours of(
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
  public static RecentHours of(
      long[] hours, long[] revisions, double[] values, byte[] flags, QualityRules rules) {
    return of(hours, revisions, new int[CAPACITY], values, flags, rules);
  }

  /**
   * The ring from all its serialized arrays, which it takes ownership of.
   *
   * @param changes per slot, how often the hour's usable values changed ({@link #changes(long)})
   * @throws IllegalArgumentException if the arrays do not have the ring's sizes
   */
  public static RecentHours of(
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
    return new RecentHours(hours, revisions, changes, values, flags, rules);
  }

  /**
   * The latest a reading may arrive behind the station's newest hour and still be judged with its
   * full context: its own 24-hour window, and the stuck runs reaching into that window from before.
   */
  public static int maxGraceHours(int stuckHours) {
    return CAPACITY - LONGEST_WINDOW - 2 * stuckHours;
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
    if (anyNewFlags) {
      Arrays.fill(newFlags, 0);
      anyNewFlags = false;
    }
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
      firstChanged = hour;
      lastChanged = hour;
      reassess(from, to, hour);
      if (usableChanged(hour)) {
        changes[slot]++;
      }
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
      while (h - 1 >= limit && rawValue(h - 1, p) == value) {
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

  /**
   * How often the usable values of the held hour changed: by its own readings and by quality flags
   * that a neighbour set or cleared; 0 when not held. It depends on the values received and their
   * order, not on how often a figure was published (a moving mean changed by an earlier hour does
   * not count), so a replay of the same readings in the same order gives the same counts.
   */
  public int changes(long hour) {
    return holds(hour) ? changes[slot(hour)] : 0;
  }

  /**
   * For each of {@code into.length} consecutive hours from {@code first}: 0 when the ring does not
   * hold it, else 1 + its {@link #changes}. So an hour's entry moves whenever its usable values do,
   * or it enters or leaves the ring; one pass, without a division per hour.
   */
  public int[] heldChanges(long first, int[] into) {
    int slot = slot(first);
    for (int i = 0; i < into.length; i++, slot = slot + 1 == CAPACITY ? 0 : slot + 1) {
      into[i] = heldIn(first + i, slot) ? changes[slot] + 1 : 0;
    }
    return into;
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
    return anyNewFlags ? newFlags[flag.ordinal() * POLLUTANTS + pollutant.ordinal()] : 0;
  }

  /** The quality flag of the hour's value of the pollutant, or null when it has none. */
  public QualityFlag flag(long hour, Pollutant pollutant) {
    return holds(hour)
        ? HourlyQuality.flag(flags[slot(hour) * POLLUTANTS + pollutant.ordinal()])
        : null;
  }

  /** The value as received, flagged or not; NaN when it has none or is not held. */
  public double rawValue(long hour, Pollutant pollutant) {
    return holds(hour) ? values[slot(hour) * POLLUTANTS + pollutant.ordinal()] : Double.NaN;
  }

  /**
   * Flags the held values of the hours {@code from … to} from the raw values, each judged with the
   * whole ring as the context of its runs and spikes; clears the flags in the slots of those not
   * held.
   */
  private void assess(long from, long to) {
    if (newest == NO_HOUR) {
      return;
    }
    long first = Math.max(from, newest - CAPACITY + 1);
    long last = Math.min(to, newest);
    for (long h = first; h <= last; h++) {
      int slot = slot(h);
      for (int i = slot * POLLUTANTS, p = 0; p < POLLUTANTS; i++, p++) {
        flags[i] = hours[slot] == h ? judge(h, slot, p) : HourlyQuality.NONE;
      }
    }
  }

  /**
   * As {@link #assess}, and records what the new flags changed: the held hours other than the
   * {@code put} one whose flags changed widen {@link #firstChanged} … {@link #lastChanged}, and
   * count a {@link #changes change} if a value became usable or stopped being; each value flagged
   * anew counts in {@link #newFlags}.
   *
   * <p>Judged in place, each flag compared as it is written: a put judges a few hours, and copying
   * the series around them and every flag before (thousands of stations' rings, mostly out of the
   * CPU caches) cost more than the judging.
   */
  private void reassess(long from, long to, long put) {
    long first = Math.max(from, newest - CAPACITY + 1);
    long last = Math.min(to, newest);
    for (long h = first; h <= last; h++) {
      int slot = slot(h);
      if (hours[slot] != h) {
        Arrays.fill(flags, slot * POLLUTANTS, (slot + 1) * POLLUTANTS, HourlyQuality.NONE);
        continue;
      }
      boolean flagsChanged = false;
      boolean usableChanged = false;
      for (int i = slot * POLLUTANTS, p = 0; p < POLLUTANTS; i++, p++) {
        byte before = flags[i];
        byte after = judge(h, slot, p);
        if (after == before) {
          continue;
        }
        flags[i] = after;
        flagsChanged = true;
        if ((before == HourlyQuality.NONE || after == HourlyQuality.NONE)
            && !Double.isNaN(values[i])) {
          usableChanged = true;
        }
        if (after != HourlyQuality.NONE) {
          newFlags[(after - 1) * POLLUTANTS + p]++;
          anyNewFlags = true;
        }
      }
      if (h != put && flagsChanged) {
        firstChanged = Math.min(firstChanged, h);
        lastChanged = Math.max(lastChanged, h);
        if (usableChanged) {
          changes[slot]++;
        }
      }
    }
  }

  /** The flag code of the held hour's value of the pollutant, judged with the hours around it. */
  private byte judge(long hour, int slot, int p) {
    Pollutant pollutant = ALL[p];
    double value = values[slot * POLLUTANTS + p];
    QualityFlag flag = HourlyQuality.standalone(value, pollutant, rules);
    if (flag == null && !Double.isNaN(value)) {
      if (runReaches(hour, p, value, HourlyQuality.stuckRunLength(value, pollutant, rules))) {
        flag = QualityFlag.STUCK;
      } else if (HourlyQuality.isSpike(
          rawValue(hour - 1, p), value, rawValue(hour + 1, p), pollutant, rules)) {
        flag = QualityFlag.SPIKE;
      }
    }
    return HourlyQuality.code(flag);
  }

  /**
   * Whether the held hours around the hour hold at least {@code length} consecutive equal values of
   * the pollutant, the hour's among them; counted only that far.
   */
  private boolean runReaches(long hour, int p, double value, int length) {
    if (length > CAPACITY) {
      return false; // no run of this value is stuck: not worth counting
    }
    int run = 1;
    for (long h = hour - 1; run < length && rawValue(h, p) == value; h--) {
      run++;
    }
    for (long h = hour + 1; run < length && rawValue(h, p) == value; h++) {
      run++;
    }
    return run >= length;
  }

  /**
   * The pollutant's value of the hour as received, NaN when it has none or is not held: so a run
   * ends, and a spike has no neighbour, at a gap and at either end of the ring.
   */
  private double rawValue(long hour, int p) {
    int slot = slot(hour);
    return heldIn(hour, slot) ? values[slot * POLLUTANTS + p] : Double.NaN;
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

  /** How often the held hour's figure was published ({@link #nextRevision}); 0 when not held. */
  public long revision(long hour) {
    return holds(hour) ? revisions[slot(hour)] : 0;
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
   * (that hour and the ones before it), or NaN when fewer than {@code minValues} of them have a
   * value (GB 3095 Table 4: 20 of 24 hours, 6 of 8 hours).
   *
   * @throws IllegalArgumentException if the window is longer than 24 hours
   */
  public double movingMean(Pollutant pollutant, long hour, int windowHours, int minValues) {
    requireWindow(windowHours);
    double sum = 0;
    int count = 0;
    long first = hour - windowHours + 1;
    // The slots walked in step with the hours: no division per hour. Summed in hour order.
    int slot = slot(first);
    for (long h = first; h <= hour; h++, slot = slot + 1 == CAPACITY ? 0 : slot + 1) {
      if (heldIn(h, slot)) {
        double value = usable(slot, pollutant.ordinal());
        if (!Double.isNaN(value)) {
          sum += value;
          count++;
        }
      }
    }
    return mean(sum, count, minValues);
  }

  /**
   * The moving means a real-time AQI under HJ 633-2012 adds, ending with the hour: PM2.5, PM10 and
   * SO2 over 24 hours with at least {@code minValuesPerDay} values, O3 over 8 hours with at least
   * {@code minValuesPer8h}, written in that order into {@code into} from {@code at}. Each is the
   * double {@link #movingMean} gives, summed in the same hour order; one walk over the 24 hours
   * instead of one per mean, since a station's hours are mostly out of the CPU caches by the time
   * its next reading comes.
   */
  public void realTimeMeans(
      long hour, int minValuesPerDay, int minValuesPer8h, double[] into, int at) {
    int pm25 = Pollutant.PM2_5.ordinal();
    int pm10 = Pollutant.PM10.ordinal();
    int so2 = Pollutant.SO2.ordinal();
    int o3 = Pollutant.O3.ordinal();
    double pm25Sum = 0;
    double pm10Sum = 0;
    double so2Sum = 0;
    double o3Sum = 0;
    int pm25Count = 0;
    int pm10Count = 0;
    int so2Count = 0;
    int o3Count = 0;
    long first = hour - LONGEST_WINDOW + 1;
    long firstOf8h = hour - EIGHT_HOURS + 1;
    int slot = slot(first);
    for (long h = first; h <= hour; h++, slot = slot + 1 == CAPACITY ? 0 : slot + 1) {
      if (!heldIn(h, slot)) {
        continue;
      }
      double value = usable(slot, pm25);
      if (!Double.isNaN(value)) {
        pm25Sum += value;
        pm25Count++;
      }
      value = usable(slot, pm10);
      if (!Double.isNaN(value)) {
        pm10Sum += value;
        pm10Count++;
      }
      value = usable(slot, so2);
      if (!Double.isNaN(value)) {
        so2Sum += value;
        so2Count++;
      }
      if (h >= firstOf8h) {
        value = usable(slot, o3);
        if (!Double.isNaN(value)) {
          o3Sum += value;
          o3Count++;
        }
      }
    }
    into[at] = mean(pm25Sum, pm25Count, minValuesPerDay);
    into[at + 1] = mean(pm10Sum, pm10Count, minValuesPerDay);
    into[at + 2] = mean(so2Sum, so2Count, minValuesPerDay);
    into[at + 3] = mean(o3Sum, o3Count, minValuesPer8h);
  }

  private static double mean(double sum, int count, int minValues) {
    return count >= minValues && count > 0 ? sum / count : Double.NaN;
  }

  /**
   * How many of the {@code windowHours} hours ending with {@code hour} have a value of the
   * pollutant.
   */
  public int count(Pollutant pollutant, long hour, int windowHours) {
    requireWindow(windowHours);
    int count = 0;
    long first = hour - windowHours + 1;
    int slot = slot(first);
    for (long h = first; h <= hour; h++, slot = slot + 1 == CAPACITY ? 0 : slot + 1) {
      if (heldIn(h, slot) && !Double.isNaN(usable(slot, pollutant.ordinal()))) {
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

  private static void requireWindow(int windowHours) {
    if (windowHours < 1 || windowHours > LONGEST_WINDOW) {
      throw new IllegalArgumentException(
          "A window is 1-" + LONGEST_WINDOW + " hours, got " + windowHours);
    }
  }

  private static int slot(long hour) {
    return (int) Math.floorMod(hour, (long) CAPACITY);
  }
}
