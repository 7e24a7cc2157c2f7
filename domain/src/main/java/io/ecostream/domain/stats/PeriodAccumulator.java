package io.ecostream.domain.stats;

import io.ecostream.domain.air.AqiCategory;
import io.ecostream.domain.air.Pollutant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The daily records of one city over a fixed period of at most 366 days (a month, a year, any date
 * range), from which {@link #statistics} computes the period figures: month-to-date and
 * year-to-date are simply the days present so far.
 *
 * <p>The state is one {@link DailyRecord} per date, not running sums, so late data can
 * <em>replace</em> a day ({@link #put}) or withdraw it ({@link #remove}) and the figures stay
 * exact. Adding or replacing a day allocates nothing; {@link #statistics} allocates two arrays for
 * the percentiles.
 *
 * <p>Serialization: the state is {@link #first()}, {@link #last()} and {@link #records()}; {@link
 * #of} restores it. Mutable and not thread-safe, meant to be owned by one Kafka Streams task: an
 * aggregator may {@code put} the new day and return the same accumulator.
 */
public final class PeriodAccumulator {

  /** The longest period: a leap year. */
  public static final int MAX_DAYS = 366;

  /**
   * HJ 663 (docs/standards.md#period-statistics): the CO statistic is the 95th percentile of the
   * daily means.
   */
  public static final int CO_PERCENTILE = 95;

  /**
   * HJ 663 (docs/standards.md#period-statistics): the O3 statistic is the 90th percentile of the
   * MDA8 values.
   */
  public static final int O3_PERCENTILE = 90;

  private static final AqiCategory[] CATEGORIES = AqiCategory.values();

  private final LocalDate first;
  private final LocalDate last;
  private final DailyRecord[] days;
  private int size;

  /**
   * An empty accumulator for the days {@code first} … {@code last}.
   *
   * @throws IllegalArgumentException if {@code last} is before {@code first} or the period is
   *     longer than 366 days
   */
  public PeriodAccumulator(LocalDate first, LocalDate last) {
    this.first = Objects.requireNonNull(first, "first");
    this.last = Objects.requireNonNull(last, "last");
    long length = ChronoUnit.DAYS.between(first, last) + 1;
    if (length < 1 || length > MAX_DAYS) {
      throw new IllegalArgumentException(
          "A period is 1–" + MAX_DAYS + " days, " + first + " … " + last + " is " + length);
    }
    this.days = new DailyRecord[(int) length];
  }

  /** An empty accumulator for a calendar month. */
  public static PeriodAccumulator forMonth(YearMonth month) {
    return new PeriodAccumulator(month.atDay(1), month.atEndOfMonth());
  }

  /** An empty accumulator for a calendar year. */
  public static PeriodAccumulator forYear(Year year) {
    return new PeriodAccumulator(year.atDay(1), year.atMonth(12).atEndOfMonth());
  }

  /**
   * An accumulator restored from its state; later records of the same date replace earlier ones.
   */
  public static PeriodAccumulator of(
      LocalDate first, LocalDate last, Iterable<DailyRecord> records) {
    PeriodAccumulator accumulator = new PeriodAccumulator(first, last);
    for (DailyRecord record : records) {
      accumulator.put(record);
    }
    return accumulator;
  }

  /** First day of the period. */
  public LocalDate first() {
    return first;
  }

  /** Last day of the period, inclusive. */
  public LocalDate last() {
    return last;
  }

  /** Whether the date lies within the period. */
  public boolean covers(LocalDate date) {
    return !date.isBefore(first) && !date.isAfter(last);
  }

  /**
   * Adds the day, or replaces the record of the same date (late or corrected data).
   *
   * @return the record it replaced, or {@code null}
   * @throws IllegalArgumentException if the date is outside the period
   */
  public DailyRecord put(DailyRecord record) {
    int i = index(record.date());
    DailyRecord previous = days[i];
    days[i] = record;
    if (previous == null) {
      size++;
    }
    return previous;
  }

  /**
   * Removes the day's record.
   *
   * @return the removed record, or {@code null} if there was none
   * @throws IllegalArgumentException if the date is outside the period
   */
  public DailyRecord remove(LocalDate date) {
    int i = index(date);
    DailyRecord previous = days[i];
    days[i] = null;
    if (previous != null) {
      size--;
    }
    return previous;
  }

  /** The day's record, or {@code null}. */
  public DailyRecord get(LocalDate date) {
    return covers(date) ? days[index(date)] : null;
  }

  /**
   * The last day of [from, to] that has a record, or {@code from} when none has.
   *
   * @throws IllegalArgumentException if either date is outside the period
   */
  public LocalDate lastWithRecord(LocalDate from, LocalDate to) {
    int start = index(from);
    for (int i = index(to); i > start; i--) {
      if (days[i] != null) {
        return first.plusDays(i);
      }
    }
    return from;
  }

  /** The number of days with a record. */
  public int size() {
    return size;
  }

  /** The records in date order: the state to serialize. */
  public List<DailyRecord> records() {
    List<DailyRecord> records = new ArrayList<>(size);
    for (DailyRecord record : days) {
      if (record != null) {
        records.add(record);
      }
    }
    return Collections.unmodifiableList(records);
  }

  /** An independent copy (the records themselves are immutable and shared). */
  public PeriodAccumulator copy() {
    PeriodAccumulator copy = new PeriodAccumulator(first, last);
    System.arraycopy(days, 0, copy.days, 0, days.length);
    copy.size = size;
    return copy;
  }

  /** The figures of the whole period, from the days present. */
  public PeriodStatistics statistics(PeriodRules rules, DustHandling dust) {
    return statistics(first, last, rules, dust);
  }

  /**
   * The figures of the days {@code from} … {@code to} within the period, e.g. January–September of
   * last year's accumulator for a year-on-year comparison.
   *
   * @throws IllegalArgumentException if the range is empty or not within the period
   */
  public PeriodStatistics statistics(
      LocalDate from, LocalDate to, PeriodRules rules, DustHandling dust) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(dust, "dust");
    int start = index(from);
    int end = index(to);
    if (end < start) {
      throw new IllegalArgumentException("Empty range " + from + " … " + to);
    }
    boolean round = rules.roundDailyValues();
    boolean deduct = dust == DustHandling.DEDUCTED;
    double so2Sum = 0;
    double no2Sum = 0;
    double pm10Sum = 0;
    double pm25Sum = 0;
    int so2Count = 0;
    int no2Count = 0;
    int pm10Count = 0;
    int pm25Count = 0;
    double[] co = new double[end - start + 1];
    double[] o3 = new double[end - start + 1];
    int coCount = 0;
    int o3Count = 0;
    int[] categories = new int[CATEGORIES.length];
    int dustDays = 0;
    for (int i = start; i <= end; i++) {
      DailyRecord day = days[i];
      if (day == null) {
        continue;
      }
      double so2 = daily(Pollutant.SO2, day.so2(), round);
      double no2 = daily(Pollutant.NO2, day.no2(), round);
      double pm10 = daily(Pollutant.PM10, day.pm10(), round);
      double pm25 = daily(Pollutant.PM2_5, day.pm25(), round);
      double coDay = daily(Pollutant.CO, day.co(), round);
      double o3Day = daily(Pollutant.O3, day.o3Mda8(), round);
      boolean dustDay = day.dustFlagged() || rules.dustRule().matches(pm10, pm25);
      if (dustDay) {
        dustDays++;
      }
      if (!Double.isNaN(so2)) {
        so2Sum += so2;
        so2Count++;
      }
      if (!Double.isNaN(no2)) {
        no2Sum += no2;
        no2Count++;
      }
      if (!(deduct && dustDay)) {
        if (!Double.isNaN(pm10)) {
          pm10Sum += pm10;
          pm10Count++;
        }
        if (!Double.isNaN(pm25)) {
          pm25Sum += pm25;
          pm25Count++;
        }
      }
      if (!Double.isNaN(coDay)) {
        co[coCount++] = coDay;
      }
      if (!Double.isNaN(o3Day)) {
        o3[o3Count++] = o3Day;
      }
      if (day.valid()) {
        categories[AqiCategory.of(day.aqi()).ordinal()]++;
      }
    }
    Arrays.sort(co, 0, coCount);
    Arrays.sort(o3, 0, o3Count);
    // With rounded daily values the sums are exact integers, so each mean is the double nearest the
    // exact mean and
    // a tie such as 47.5 is rounded as a tie when published.
    PollutantValues concentrations =
        new PollutantValues(
            mean(so2Sum, so2Count),
            mean(no2Sum, no2Count),
            mean(pm10Sum, pm10Count),
            mean(pm25Sum, pm25Count),
            Percentile.ofSorted(co, coCount, CO_PERCENTILE),
            Percentile.ofSorted(o3, o3Count, O3_PERCENTILE));
    return new PeriodStatistics(
        from,
        to,
        deduct,
        concentrations,
        new PollutantCounts(so2Count, no2Count, pm10Count, pm25Count, coCount, o3Count),
        CompositeIndex.of(concentrations, rules.compositeIndex(), rules.roundBeforeDividing()),
        new DayCounts(
            categories[0],
            categories[1],
            categories[2],
            categories[3],
            categories[4],
            categories[5]),
        dustDays);
  }

  private static double daily(Pollutant pollutant, double value, boolean round) {
    return round ? BulletinRounding.concentration(pollutant, value) : value;
  }

  private static double mean(double sum, int count) {
    return count == 0 ? Double.NaN : sum / count;
  }

  private int index(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (!covers(date)) {
      throw new IllegalArgumentException(date + " is outside the period " + first + " … " + last);
    }
    return (int) ChronoUnit.DAYS.between(first, date);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PeriodAccumulator)) {
      return false;
    }
    PeriodAccumulator that = (PeriodAccumulator) o;
    return first.equals(that.first) && last.equals(that.last) && Arrays.equals(days, that.days);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, last, Arrays.hashCode(days));
  }

  @Override
  public String toString() {
    return "PeriodAccumulator[" + first + " … " + last + ", " + size + " days]";
  }
}
