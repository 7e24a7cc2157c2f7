package io.ecostream.streams.air;

import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.domain.air.AqiCategory;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.stats.BulletinRounding;
import io.ecostream.domain.stats.DailyRecord;
import io.ecostream.domain.stats.DustHandling;
import io.ecostream.domain.stats.PeriodAccumulator;
import io.ecostream.domain.stats.PeriodRules;
import io.ecostream.domain.stats.PeriodStatistics;
import io.ecostream.domain.stats.PollutantValues;
import io.ecostream.domain.stats.YearOnYear;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The month-to-date and year-to-date figures of a city from its daily values, with the change
 * against the same period of the previous year. The period runs from its first day to the last day
 * with data; the statistics are the domain's ({@link PeriodAccumulator}).
 */
public final class CityPeriods {

  private final PeriodRules rules;

  public CityPeriods(PeriodRules rules) {
    this.rules = rules;
  }

  public static String yearKey(String cityId, int year) {
    return cityId + "@" + year;
  }

  public static CityYearState emptyYear(String cityId, int year) {
    return CityYearState.newBuilder()
        .setCityId(cityId)
        .setYear(year)
        .setDays(new HashMap<>())
        .build();
  }

  /**
   * Puts the day into its year; false when the year already held exactly these values (a re-sent
   * figure, which changes no period).
   */
  public static boolean put(CityYearState year, CityDaily daily) {
    CityDayEntry entry =
        CityDayEntry.newBuilder()
            .setDate(daily.getDate())
            .setSo2(orNaN(daily.getSo2()))
            .setNo2(orNaN(daily.getNo2()))
            .setPm10(orNaN(daily.getPm10()))
            .setPm25(orNaN(daily.getPm25()))
            .setCo(orNaN(daily.getCo()))
            .setO3Mda8(orNaN(daily.getO3Mda8()))
            .setAqi(daily.getAqi() == null ? Iaqi.NONE : daily.getAqi())
            .setDustAffected(daily.getDustAffected())
            .setRevision(daily.getRevision())
            .build();
    CityDayEntry previous = year.getDays().put(daily.getDate().toString(), entry);
    return !entry.equals(previous);
  }

  /**
   * The month-to-date figure of the day's month and the year-to-date figure of its year. A period's
   * revision is the sum of its days' revisions: it rises with every change of a day, and it depends
   * on the days' contents, not on how many of their updates reached this processor (Kafka Streams'
   * record cache merges some), so a replay gives the revisions of the live run.
   *
   * @param previousYear the city's previous year, or null when there is none
   */
  public List<CityPeriod> figures(
      CityYearState year, CityYearState previousYear, LocalDate changedDay) {
    return figures(
        year,
        accumulator(year),
        previousYear == null ? null : accumulator(previousYear),
        changedDay);
  }

  /**
   * The same figures from the years' days as the period statistics take them ({@link
   * #accumulator}), which the city task keeps up to date as days change instead of building them
   * from the years at every published day.
   *
   * @param last the previous year's days, or null when it has none
   */
  List<CityPeriod> figures(
      CityYearState year, PeriodAccumulator current, PeriodAccumulator last, LocalDate changedDay) {
    YearMonth month = YearMonth.from(changedDay);
    List<CityPeriod> figures = new ArrayList<>(2);
    LocalDate lastOfMonth = current.lastWithRecord(month.atDay(1), month.atEndOfMonth());
    figures.add(
        figure(
            year,
            PeriodType.MONTH_TO_DATE,
            month.toString(),
            month.atDay(1),
            lastOfMonth,
            current,
            last));
    LocalDate yearStart = Year.of(year.getYear()).atDay(1);
    LocalDate lastOfYear =
        current.lastWithRecord(yearStart, Year.of(year.getYear()).atMonth(12).atEndOfMonth());
    figures.add(
        figure(
            year,
            PeriodType.YEAR_TO_DATE,
            Integer.toString(year.getYear()),
            yearStart,
            lastOfYear,
            current,
            last));
    return figures;
  }

  private CityPeriod figure(
      CityYearState year,
      PeriodType type,
      String period,
      LocalDate from,
      LocalDate to,
      PeriodAccumulator current,
      PeriodAccumulator previousYear) {
    PeriodStatistics stats = current.statistics(from, to, rules, DustHandling.INCLUDED);
    PeriodStatistics deducted = current.statistics(from, to, rules, DustHandling.DEDUCTED);
    PollutantValues published = stats.published();
    long revision = revision(year, from, to);
    CityPeriod.Builder figure =
        CityPeriod.newBuilder()
            .setCityId(year.getCityId())
            .setPeriodType(type)
            .setPeriod(period)
            .setFrom(from)
            .setTo(to)
            .setValidDays(stats.days().validDays())
            .setGoodDays(stats.days().goodDays())
            .setGoodRatio(present(BulletinRounding.ratio(stats.goodDayRatio())))
            .setHeavyDays(stats.days().heavyPollutionDays())
            .setSevereDays(stats.days().severePollutionDays())
            .setDaysByCategory(daysByCategory(stats))
            .setSo2(present(published.so2()))
            .setNo2(present(published.no2()))
            .setPm10(present(published.pm10()))
            .setPm25(present(published.pm25()))
            .setCo95(present(published.co()))
            .setO3p90(present(published.o3()))
            .setCompositeIndex(
                stats.compositeIndex().defined() ? stats.compositeIndex().rounded() : null)
            .setDustDays(stats.dustDays())
            .setPm10Dust(present(deducted.published().pm10()))
            .setPm25Dust(present(deducted.published().pm25()))
            .setCompositeIndexDust(
                deducted.compositeIndex().defined() ? deducted.compositeIndex().rounded() : null)
            .setRevision(revision);
    if (previousYear != null) {
      LocalDate previousFrom = from.minusYears(1);
      LocalDate previousTo = sameDayLastYear(to);
      PeriodStatistics then =
          previousYear.statistics(previousFrom, previousTo, rules, DustHandling.INCLUDED);
      if (then.days().validDays() > 0) {
        YearOnYear change = YearOnYear.compare(stats, then, YearOnYear.Basis.PUBLISHED);
        figure
            .setPreviousFrom(previousFrom)
            .setPreviousTo(previousTo)
            .setPm25Change(rate(change.pm25()))
            .setPm10Change(rate(change.pm10()))
            .setSo2Change(rate(change.so2()))
            .setNo2Change(rate(change.no2()))
            .setCo95Change(rate(change.co()))
            .setO3p90Change(rate(change.o3()))
            .setCompositeIndexChange(rate(change.compositeIndex()))
            .setGoodRatioChangePoints(rate(change.goodDayRatioPoints()))
            .setGoodRatioChangeRate(rate(change.goodDayRatioChangeRate()))
            .setHeavyDaysChange(change.heavyPollutionDaysDifference());
      }
    }
    return figure.build();
  }

  /** The year's days as the period statistics take them. */
  static PeriodAccumulator accumulator(CityYearState year) {
    List<DailyRecord> records = new ArrayList<>(year.getDays().size());
    for (CityDayEntry day : year.getDays().values()) {
      records.add(record(day));
    }
    Year calendarYear = Year.of(year.getYear());
    return PeriodAccumulator.of(
        calendarYear.atDay(1), calendarYear.atMonth(12).atEndOfMonth(), records);
  }

  /** A stored day as the period statistics take it. */
  static DailyRecord record(CityDayEntry day) {
    return new DailyRecord(
        day.getDate(),
        day.getSo2(),
        day.getNo2(),
        day.getPm10(),
        day.getPm25(),
        day.getCo(),
        day.getO3Mda8(),
        day.getAqi(),
        day.getDustAffected());
  }

  /** 29 February compares with 28 February of a common year. */
  private static LocalDate sameDayLastYear(LocalDate day) {
    MonthDay monthDay = MonthDay.from(day);
    int year = day.getYear() - 1;
    return monthDay.isValidYear(year) ? monthDay.atYear(year) : LocalDate.of(year, 2, 28);
  }

  private static List<Integer> daysByCategory(PeriodStatistics stats) {
    List<Integer> days = new ArrayList<>(AqiCategory.values().length);
    for (AqiCategory category : AqiCategory.values()) {
      days.add(stats.days().of(category));
    }
    return days;
  }

  private static Double rate(OptionalDouble change) {
    return change.isPresent() ? BulletinRounding.changeRate(change.getAsDouble()) : null;
  }

  /** Null for NaN, the Avro form of a missing figure; package-visible for the rankings. */
  static Double present(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** NaN for null, the domain form of a missing figure. */
  static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private static long revision(CityYearState year, LocalDate from, LocalDate to) {
    long revision = 0;
    for (CityDayEntry day : year.getDays().values()) {
      if (!day.getDate().isBefore(from) && !day.getDate().isAfter(to)) {
        revision += day.getRevision();
      }
    }
    return revision;
  }
}
