package io.ecostream.domain.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a city's month-to-date or year-to-date figure is complete enough to be ranked (an own
 * choice: the rule text of the national ranking, 《城市环境空气质量排名技术规定》, was not read,
 * docs/standards.md#rankings).
 *
 * <p>GB 3095 Table 4 ({@link ValidityRules}) judges closed months and years only; applied to a year
 * to date it would leave every city unranked until December. Here a city is ranked when it has a
 * value and its valid days are at least {@code minValidDaysPercent} % of the days elapsed from the
 * period's first day to its last day with data. 90 % is close to Table 4's own ratios (27 of 30
 * days, 324 of 365).
 *
 * @param minValidDaysPercent valid days as a percentage of the elapsed days, 1–100; default {@value
 *     #DEFAULT_MIN_VALID_DAYS_PERCENT}
 */
public record RankingSufficiency(int minValidDaysPercent) {

  /** Own choice, see the class comment. */
  public static final int DEFAULT_MIN_VALID_DAYS_PERCENT = 90;

  private static final int ALL = 100;

  /**
   * @throws IllegalArgumentException if the percentage is outside 1–100
   */
  public RankingSufficiency {
    if (minValidDaysPercent < 1 || minValidDaysPercent > ALL) {
      throw new IllegalArgumentException(
          "minValidDaysPercent must be within 1–100, was " + minValidDaysPercent);
    }
  }

  public static RankingSufficiency defaults() {
    return new RankingSufficiency(DEFAULT_MIN_VALID_DAYS_PERCENT);
  }

  /**
   * Whether the city's figure of [from, to] can be ranked.
   *
   * @param value the figure, NaN when there is none
   * @param validDays the valid days within [from, to]
   * @throws IllegalArgumentException if {@code to} is before {@code from}, or validDays is negative
   *     or more than the days elapsed
   */
  public boolean sufficient(double value, int validDays, LocalDate from, LocalDate to) {
    long elapsed = elapsedDays(from, to);
    if (validDays < 0 || validDays > elapsed) {
      throw new IllegalArgumentException(
          from
              + " to "
              + to
              + " has "
              + elapsed
              + " days, cannot have "
              + validDays
              + " valid days");
    }
    // In whole percent so that a share exactly at the minimum is sufficient whatever binary
    // rounding would do.
    return !Double.isNaN(value) && (long) validDays * ALL >= (long) minValidDaysPercent * elapsed;
  }

  private static long elapsedDays(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    return ChronoUnit.DAYS.between(from, to) + 1;
  }
}
