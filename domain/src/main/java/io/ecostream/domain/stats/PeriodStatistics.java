package io.ecostream.domain.stats;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The air-quality figures of one city over a period (month-to-date, year-to-date, any date range),
 * as computed by {@link PeriodAccumulator#statistics}. Immutable.
 *
 * <ul>
 *   <li>{@link #concentrations()}: SO2, NO2, PM10, PM2.5 = arithmetic mean of the valid daily means
 *       (GB 3095-2026 §3.13: a monthly/annual average is the mean of the daily averages); CO = 95th
 *       percentile of the daily means; O3 = 90th percentile of the MDA8 values ({@link Percentile},
 *       HJ 663 method). Unrounded; NaN without any valid daily value. {@link #published()} gives
 *       them as bulletins print them.
 *   <li>{@link #dailyValues()}: how many valid daily values each statistic was computed from.
 *   <li>{@link #days()}: valid days by AQI category; good days, good-day ratio, heavy-pollution
 *       days.
 * </ul>
 *
 * <p><b>Dust-deducted figures</b> ({@code dustDeducted}): the PM10 and PM2.5 values of
 * dust-affected days are left out of the PM10 and PM2.5 means, and so of the composite index. The
 * CO and O3 statistics and the day counts are unchanged: the day's AQI is the published one, and no
 * official rule for re-evaluating it without the particulate values was found
 * (docs/standards.md#dust-deduction). The {@link DustRule} sees the daily values as they enter the
 * statistics, i.e. rounded when {@link PeriodRules#roundDailyValues()}.
 *
 * @param from first day of the period
 * @param to last day of the period (inclusive)
 * @param dustDeducted whether the particulate values of dust-affected days were left out
 * @param concentrations the six assessment statistics, unrounded
 * @param dailyValues valid daily values per pollutant behind each statistic
 * @param compositeIndex the composite index of the statistics; {@link CompositeIndex#UNDEFINED} if
 *     one is missing
 * @param days valid days by category
 * @param dustDays days in the period that are dust-affected (flagged by the caller or by the {@link
 *     DustRule}), whether or not they were deducted
 */
public record PeriodStatistics(
    LocalDate from,
    LocalDate to,
    boolean dustDeducted,
    PollutantValues concentrations,
    PollutantCounts dailyValues,
    CompositeIndex compositeIndex,
    DayCounts days,
    int dustDays) {

  public PeriodStatistics {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(concentrations, "concentrations");
    Objects.requireNonNull(dailyValues, "dailyValues");
    Objects.requireNonNull(compositeIndex, "compositeIndex");
    Objects.requireNonNull(days, "days");
  }

  /** The six statistics as published: integers µg/m³, CO one decimal mg/m³ (GB/T 8170). */
  public PollutantValues published() {
    return concentrations.published();
  }

  /**
   * The good-day ratio (优良天数比例), %, unrounded; NaN without valid days. See {@link
   * DayCounts#goodDayRatio()}.
   */
  public double goodDayRatio() {
    return days.goodDayRatio();
  }
}
