package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The year-on-year change (同比) of a period's figures against the same period of the previous year
 * (docs/standards.md#year-on-year, from provincial ranking notices [S]):
 *
 * <ul>
 *   <li>concentrations and the composite index: change rate (this − last) / last × 100 %; &gt; 0
 *       worse, &lt; 0 improved, 0 unchanged. A bulletin's "improved 16.7 %" / "同比下降16.7%" is the
 *       negated rate;
 *   <li>good-day ratio: percentage points (this − last; "上升3.6个百分点"), and also its relative change
 *       rate;
 *   <li>heavy-pollution days: the difference in days.
 * </ul>
 *
 * <p>A change rate against a last value of 0 (or a missing one) is undefined: empty. Rates are
 * unrounded; publish them with {@link BulletinRounding#changeRate}.
 *
 * <p>By default the change is computed from the rounded, published figures ({@link
 * Basis#PUBLISHED}; docs/standards.md#year-on-year: not stated in the sources, [R]), so that a
 * reader can recompute it from the two bulletins. When both values have at most two decimals (every
 * published figure) the rate is computed from whole hundredths, exactly up to one final division:
 * −8.25 % is a tie and rounds to −8.2, where {@code (3.67 − 4.0) / 4.0 × 100} in {@code double}
 * gives −8.250000000000002 and −8.3.
 *
 * @param so2 change rate of the SO2 mean, %
 * @param no2 change rate of the NO2 mean, %
 * @param pm10 change rate of the PM10 mean, %
 * @param pm25 change rate of the PM2.5 mean, %
 * @param co change rate of the CO 95th percentile, %
 * @param o3 change rate of the O3 90th percentile, %
 * @param compositeIndex change rate of the composite index, %
 * @param goodDayRatioPoints change of the good-day ratio in percentage points
 * @param goodDayRatioChangeRate relative change rate of the good-day ratio, %
 * @param heavyPollutionDaysDifference heavy-pollution days this year minus last year
 */
public record YearOnYear(
    OptionalDouble so2,
    OptionalDouble no2,
    OptionalDouble pm10,
    OptionalDouble pm25,
    OptionalDouble co,
    OptionalDouble o3,
    OptionalDouble compositeIndex,
    OptionalDouble goodDayRatioPoints,
    OptionalDouble goodDayRatioChangeRate,
    int heavyPollutionDaysDifference) {

  /** Which values a change is computed from. */
  public enum Basis {
    /** The rounded figures as published (the default). */
    PUBLISHED,
    /** The unrounded statistics. */
    UNROUNDED
  }

  private static final double HUNDRED = 100;

  /** Marks a value that is not a decimal with at most two places. */
  private static final long NOT_HUNDREDTHS = Long.MIN_VALUE;

  /**
   * Below this magnitude 100 · (a − b) of two values in hundredths is an exact integer in a {@code
   * double}.
   */
  private static final double HUNDREDTHS_LIMIT = 1e9;

  /**
   * Every year-on-year figure of {@code current} against {@code previous} (the same period a year
   * earlier, with the same dust handling).
   */
  public static YearOnYear compare(
      PeriodStatistics current, PeriodStatistics previous, Basis basis) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(basis, "basis");
    boolean published = basis == Basis.PUBLISHED;
    PollutantValues now = published ? current.published() : current.concentrations();
    PollutantValues then = published ? previous.published() : previous.concentrations();
    double indexNow =
        published ? current.compositeIndex().rounded() : current.compositeIndex().value();
    double indexThen =
        published ? previous.compositeIndex().rounded() : previous.compositeIndex().value();
    double ratioNow =
        published ? BulletinRounding.ratio(current.goodDayRatio()) : current.goodDayRatio();
    double ratioThen =
        published ? BulletinRounding.ratio(previous.goodDayRatio()) : previous.goodDayRatio();
    return new YearOnYear(
        changeRate(now.so2(), then.so2()),
        changeRate(now.no2(), then.no2()),
        changeRate(now.pm10(), then.pm10()),
        changeRate(now.pm25(), then.pm25()),
        changeRate(now.co(), then.co()),
        changeRate(now.o3(), then.o3()),
        changeRate(indexNow, indexThen),
        percentagePoints(ratioNow, ratioThen),
        changeRate(ratioNow, ratioThen),
        current.days().heavyPollutionDays() - previous.days().heavyPollutionDays());
  }

  /** The change rate of one pollutant's statistic. */
  public OptionalDouble concentration(Pollutant pollutant) {
    Objects.requireNonNull(pollutant, "pollutant");
    return switch (pollutant) {
      case SO2 -> so2;
      case NO2 -> no2;
      case PM10 -> pm10;
      case PM2_5 -> pm25;
      case CO -> co;
      case O3 -> o3;
    };
  }

  /**
   * The change rate (current − previous) / previous × 100 %, unrounded; empty when previous is 0 or
   * either value is missing (NaN).
   */
  public static OptionalDouble changeRate(double current, double previous) {
    if (Double.isNaN(current) || Double.isNaN(previous) || previous == 0) {
      return OptionalDouble.empty();
    }
    long now = hundredths(current);
    long then = hundredths(previous);
    if (now != NOT_HUNDREDTHS && then != NOT_HUNDREDTHS) {
      // Both are decimals with at most two places: 100 · (now − then) and then are exact integers,
      // so one correctly
      // rounded division gives the double nearest to the exact rate.
      return OptionalDouble.of(HUNDRED * (now - then) / then);
    }
    return OptionalDouble.of((current - previous) / previous * HUNDRED);
  }

  /** The change in percentage points, current − previous; empty when either is missing (NaN). */
  public static OptionalDouble percentagePoints(double current, double previous) {
    if (Double.isNaN(current) || Double.isNaN(previous)) {
      return OptionalDouble.empty();
    }
    long now = hundredths(current);
    long then = hundredths(previous);
    if (now != NOT_HUNDREDTHS && then != NOT_HUNDREDTHS) {
      return OptionalDouble.of((now - then) / HUNDRED);
    }
    return OptionalDouble.of(current - previous);
  }

  /**
   * The value in hundredths when it is the {@code double} of a decimal with at most two places (as
   * every rounded figure is), else {@link #NOT_HUNDREDTHS}.
   */
  private static long hundredths(double value) {
    if (!(Math.abs(value) < HUNDREDTHS_LIMIT)) {
      return NOT_HUNDREDTHS;
    }
    long h = Math.round(value * HUNDRED);
    return h / HUNDRED == value ? h : NOT_HUNDREDTHS;
  }
}
