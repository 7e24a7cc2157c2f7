package io.ecostream.domain.stats;

import static io.ecostream.domain.stats.DustHandling.DEDUCTED;
import static io.ecostream.domain.stats.DustHandling.INCLUDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ecostream.domain.air.AqiCategory;
import io.ecostream.domain.air.Iaqi;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodAccumulatorTest {

  private static final YearMonth JULY = YearMonth.of(2025, 7);
  private static final PeriodRules RULES = PeriodRules.defaults();
  private static final double NA = Double.NaN;

  private static DailyRecord day(
      int dayOfMonth,
      double so2,
      double no2,
      double pm10,
      double pm25,
      double co,
      double o3,
      int aqi) {
    return new DailyRecord(JULY.atDay(dayOfMonth), so2, no2, pm10, pm25, co, o3, aqi, false);
  }

  private static DailyRecord dustFlagged(DailyRecord d) {
    return new DailyRecord(
        d.date(), d.so2(), d.no2(), d.pm10(), d.pm25(), d.co(), d.o3Mda8(), d.aqi(), true);
  }

  /**
   * Ten hand-made days of July 2025. The AQIs are inputs, chosen to hit the category edges; the
   * accumulator does not recompute them. Day 7 is flagged as dust by the caller; day 8 matches the
   * default dust rule (PM10 200 ≥ 150, PM2.5/PM10 = 0.30 &lt; 0.35); day 9 lacks NO2 and has no
   * published AQI.
   *
   * <pre>
   * day  SO2 NO2 PM10 PM2.5  CO   O3  AQI
   *   1    8  30   60    30 0.6  100   45  优
   *   2   10  32   70    35 0.8  120   62  良
   *   3   12  28   80    45 1.0   90   78  良
   *   4    6  40   90    50 0.7  150   95  良
   *   5    9  36  100    55 0.9  160  100  良
   *   6   11  34  110    60 1.2  140  101  轻度
   *   7    7  26  120    70 1.1  130   50  优    dust (flag)
   *   8   13  38  200    60 1.4  110  201  重度  dust (rule)
   *   9   10  NA   75    40 0.9  170   NA
   *  10   14  31   95    65 1.6  200   88  良
   * </pre>
   */
  private static List<DailyRecord> tenDays() {
    return List.of(
        day(1, 8, 30, 60, 30, 0.6, 100, 45),
        day(2, 10, 32, 70, 35, 0.8, 120, 62),
        day(3, 12, 28, 80, 45, 1.0, 90, 78),
        day(4, 6, 40, 90, 50, 0.7, 150, 95),
        day(5, 9, 36, 100, 55, 0.9, 160, 100),
        day(6, 11, 34, 110, 60, 1.2, 140, 101),
        dustFlagged(day(7, 7, 26, 120, 70, 1.1, 130, 50)),
        day(8, 13, 38, 200, 60, 1.4, 110, 201),
        day(9, 10, NA, 75, 40, 0.9, 170, Iaqi.NONE),
        day(10, 14, 31, 95, 65, 1.6, 200, 88));
  }

  private static PeriodAccumulator july() {
    return PeriodAccumulator.of(JULY.atDay(1), JULY.atEndOfMonth(), tenDays());
  }

  @Test
  void shouldFindTheLastDayWithARecordInARange() {
    PeriodAccumulator july = july();

    // Records on 1–10 July only.
    assertThat(july.lastWithRecord(JULY.atDay(1), JULY.atEndOfMonth())).isEqualTo(JULY.atDay(10));
    assertThat(july.lastWithRecord(JULY.atDay(3), JULY.atDay(7))).isEqualTo(JULY.atDay(7));
    assertThat(july.lastWithRecord(JULY.atDay(10), JULY.atDay(10))).isEqualTo(JULY.atDay(10));
    // None in 11–31 July: the range's first day.
    assertThat(july.lastWithRecord(JULY.atDay(11), JULY.atEndOfMonth())).isEqualTo(JULY.atDay(11));
    july.remove(JULY.atDay(10));
    july.remove(JULY.atDay(9));
    assertThat(july.lastWithRecord(JULY.atDay(1), JULY.atEndOfMonth())).isEqualTo(JULY.atDay(8));
    assertThatThrownBy(() -> july.lastWithRecord(JULY.atDay(1), JULY.atDay(1).minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAverageTheValidDailyMeansOfEachPollutant() {
    PeriodStatistics stats = july().statistics(RULES, INCLUDED);

    // SO2 100/10; NO2 295/9 (day 9 missing); PM10 1000/10; PM2.5 510/10.
    assertThat(stats.concentrations().so2()).isEqualTo(10.0);
    assertThat(stats.concentrations().no2()).isCloseTo(295.0 / 9, within(1e-12));
    assertThat(stats.concentrations().pm10()).isEqualTo(100.0);
    assertThat(stats.concentrations().pm25()).isEqualTo(51.0);
    assertThat(stats.dailyValues()).isEqualTo(new PollutantCounts(10, 9, 10, 10, 10, 10));
  }

  @Test
  void shouldTakeTheCoAndO3PercentilesOfTheDailyValues() {
    PeriodStatistics stats = july().statistics(RULES, INCLUDED);

    // CO sorted 0.6 0.7 0.8 0.9 0.9 1.0 1.1 1.2 1.4 1.6; k = 1 + 9 × 0.95 = 9.55 → 1.4 + 0.55 × 0.2
    // = 1.51.
    assertThat(stats.concentrations().co()).isEqualTo(1.51);
    // O3 sorted 90 100 110 120 130 140 150 160 170 200; k = 1 + 9 × 0.9 = 9.1 → 170 + 0.1 × 30 =
    // 173.
    assertThat(stats.concentrations().o3()).isEqualTo(173.0);
  }

  @Test
  void shouldPublishTheStatisticsRounded() {
    assertThat(july().statistics(RULES, INCLUDED).published())
        .isEqualTo(new PollutantValues(10, 33, 100, 51, 1.5, 173));
  }

  @Test
  void shouldComputeTheCompositeIndexFromTheRoundedStatistics() {
    // 10/60 + 33/40 + 100/70 + 51/35 + 1.5/4 + 173/160 = 17921/3360 = 5.3336 → 5.33
    CompositeIndex index = july().statistics(RULES, INCLUDED).compositeIndex();

    assertThat(index.rounded()).isEqualTo(5.33);
    assertThat(index.value()).isCloseTo(17921.0 / 3360, within(1e-12));
  }

  @Test
  void shouldCountValidGoodAndHeavyPollutionDays() {
    PeriodStatistics stats = july().statistics(RULES, INCLUDED);
    DayCounts days = stats.days();

    assertThat(days).isEqualTo(new DayCounts(2, 5, 1, 0, 1, 0));
    assertThat(days.validDays()).isEqualTo(9);
    assertThat(days.goodDays()).isEqualTo(7);
    assertThat(days.of(AqiCategory.LIGHTLY_POLLUTED)).isEqualTo(1);
    assertThat(days.heavyPollutionDays()).isEqualTo(1);
    assertThat(days.severePollutionDays()).isZero();
    // 7 / 9 = 77.78 % → 77.8 %
    assertThat(stats.goodDayRatio()).isCloseTo(700.0 / 9, within(1e-12));
    assertThat(BulletinRounding.ratio(stats.goodDayRatio())).isEqualTo(77.8);
  }

  @Test
  void shouldCountTheDustDaysFromTheFlagAndTheRule() {
    assertThat(july().statistics(RULES, INCLUDED).dustDays()).isEqualTo(2);
    assertThat(july().statistics(RULES.withDustRule(DustRule.flagsOnly()), INCLUDED).dustDays())
        .isEqualTo(1);
  }

  @Test
  void shouldDeductTheParticulatesOfDustDays() {
    PeriodStatistics stats = july().statistics(RULES, DEDUCTED);

    // Days 7 and 8 out: PM10 (1000 − 120 − 200)/8 = 85; PM2.5 (510 − 70 − 60)/8 = 47.5 → 48 (half
    // to even).
    assertThat(stats.dustDeducted()).isTrue();
    assertThat(stats.concentrations().pm10()).isEqualTo(85.0);
    assertThat(stats.concentrations().pm25()).isEqualTo(47.5);
    assertThat(stats.published()).isEqualTo(new PollutantValues(10, 33, 85, 48, 1.5, 173));
    assertThat(stats.dailyValues()).isEqualTo(new PollutantCounts(10, 9, 8, 8, 10, 10));
    // 10/60 + 33/40 + 85/70 + 48/35 + 1.5/4 + 173/160 = 16913/3360 = 5.0336 → 5.03
    assertThat(stats.compositeIndex().rounded()).isEqualTo(5.03);
    // The days keep their published AQI.
    assertThat(stats.days()).isEqualTo(new DayCounts(2, 5, 1, 0, 1, 0));
    assertThat(stats.dustDays()).isEqualTo(2);
  }

  @Test
  void shouldDeductOnlyFlaggedDaysWhenTheRuleIsOff() {
    PeriodStatistics stats = july().statistics(RULES.withDustRule(DustRule.flagsOnly()), DEDUCTED);

    // Day 7 out: PM10 880/9 = 97.8 → 98; PM2.5 440/9 = 48.9 → 49; index 2519/480 = 5.2479 → 5.25.
    assertThat(stats.published()).isEqualTo(new PollutantValues(10, 33, 98, 49, 1.5, 173));
    assertThat(stats.compositeIndex().rounded()).isEqualTo(5.25);
  }

  @Test
  void shouldReplaceADayWithLateData() {
    PeriodAccumulator accumulator = july();
    DailyRecord corrected = day(10, 14, 31, 95, 85, 1.6, 200, 113);

    DailyRecord replaced = accumulator.put(corrected);

    assertThat(replaced).isEqualTo(tenDays().get(9));
    assertThat(accumulator.size()).isEqualTo(10);
    assertThat(accumulator.get(JULY.atDay(10))).isEqualTo(corrected);
    PeriodStatistics stats = accumulator.statistics(RULES, INCLUDED);
    // PM2.5 (510 − 65 + 85)/10 = 53; day 10 moves from 良 to 轻度: 6 good of 9 = 66.7 %.
    assertThat(stats.concentrations().pm25()).isEqualTo(53.0);
    assertThat(stats.days()).isEqualTo(new DayCounts(2, 4, 2, 0, 1, 0));
    assertThat(BulletinRounding.ratio(stats.goodDayRatio())).isEqualTo(66.7);
  }

  @Test
  void shouldWithdrawADay() {
    PeriodAccumulator accumulator = july();

    assertThat(accumulator.remove(JULY.atDay(8))).isEqualTo(tenDays().get(7));
    assertThat(accumulator.remove(JULY.atDay(8))).isNull();

    assertThat(accumulator.size()).isEqualTo(9);
    PeriodStatistics stats = accumulator.statistics(RULES, INCLUDED);
    // Without day 8: PM10 800/9 = 88.9 → 89; 7 good of 8 valid = 87.5 %; no heavy day.
    assertThat(stats.published().pm10()).isEqualTo(89.0);
    assertThat(stats.goodDayRatio()).isEqualTo(87.5);
    assertThat(stats.days().heavyPollutionDays()).isZero();
  }

  @Test
  void shouldComputeASubRangeOfThePeriod() {
    PeriodStatistics stats = july().statistics(JULY.atDay(1), JULY.atDay(5), RULES, INCLUDED);

    // Days 1–5: SO2 45/5 = 9; NO2 166/5 = 33.2 → 33; PM10 400/5 = 80; PM2.5 215/5 = 43;
    // CO 0.6 0.7 0.8 0.9 1.0, k = 4.8 → 0.9 + 0.8 × 0.1 = 0.98 → 1.0; O3 90 100 120 150 160, k =
    // 4.6 → 156.
    assertThat(stats.from()).isEqualTo(JULY.atDay(1));
    assertThat(stats.to()).isEqualTo(JULY.atDay(5));
    assertThat(stats.published()).isEqualTo(new PollutantValues(9, 33, 80, 43, 1.0, 156));
    assertThat(stats.concentrations().co()).isEqualTo(0.98);
    // 9/60 + 33/40 + 80/70 + 43/35 + 1.0/4 + 156/160 = 32/7 = 4.5714 → 4.57
    assertThat(stats.compositeIndex().rounded()).isEqualTo(4.57);
    assertThat(stats.days()).isEqualTo(new DayCounts(1, 4, 0, 0, 0, 0));
    assertThat(stats.goodDayRatio()).isEqualTo(100.0);
  }

  @Test
  void shouldAverageUnroundedDailyValuesWhenToldTo() {
    PeriodAccumulator accumulator = PeriodAccumulator.forMonth(JULY);
    accumulator.put(day(1, NA, NA, NA, 30.4, NA, NA, Iaqi.NONE));
    accumulator.put(day(2, NA, NA, NA, 30.4, NA, NA, Iaqi.NONE));
    accumulator.put(day(3, NA, NA, NA, 31.4, NA, NA, Iaqi.NONE));

    // Rounded first: (30 + 30 + 31)/3 = 30.33 → 30. Unrounded: 92.2/3 = 30.73 → 31.
    assertThat(accumulator.statistics(RULES, INCLUDED).published().pm25()).isEqualTo(30.0);
    assertThat(
            accumulator.statistics(RULES.withRoundDailyValues(false), INCLUDED).published().pm25())
        .isEqualTo(31.0);
  }

  @Test
  void shouldUseTheConfiguredCompositeIndexEdition() {
    PeriodRules claim = RULES.withCompositeIndex(CompositeIndexDefinition.THIRD_PARTY_2026_CLAIM);
    // 10/60 + 2 × 33/40 + 100/60 + 3 × 51/30 + 1.5/4 + 2 × 173/160 = 0.1667 + 1.65 + 1.6667 + 5.1 +
    // 0.375 + 2.1625
    // = 11.1208 → 11.12
    assertThat(july().statistics(claim, INCLUDED).compositeIndex().rounded()).isEqualTo(11.12);
  }

  @Test
  void shouldHaveNoFiguresForAnEmptyPeriod() {
    PeriodStatistics stats = PeriodAccumulator.forMonth(JULY).statistics(RULES, INCLUDED);

    assertThat(stats.concentrations()).isEqualTo(PollutantValues.MISSING);
    assertThat(stats.dailyValues()).isEqualTo(new PollutantCounts(0, 0, 0, 0, 0, 0));
    assertThat(stats.compositeIndex()).isEqualTo(CompositeIndex.UNDEFINED);
    assertThat(stats.days()).isEqualTo(DayCounts.NONE);
    assertThat(stats.goodDayRatio()).isNaN();
    assertThat(stats.from()).isEqualTo(JULY.atDay(1));
    assertThat(stats.to()).isEqualTo(JULY.atDay(31));
  }

  @Test
  void shouldRestoreFromItsRecordsInDateOrder() {
    List<DailyRecord> shuffled = new ArrayList<>(tenDays());
    Collections.reverse(shuffled);
    PeriodAccumulator accumulator =
        PeriodAccumulator.of(JULY.atDay(1), JULY.atEndOfMonth(), shuffled);

    assertThat(accumulator.records()).containsExactlyElementsOf(tenDays());
    PeriodAccumulator restored =
        PeriodAccumulator.of(accumulator.first(), accumulator.last(), accumulator.records());
    assertThat(restored).isEqualTo(accumulator);
    assertThat(restored.statistics(RULES, INCLUDED))
        .isEqualTo(accumulator.statistics(RULES, INCLUDED));
  }

  @Test
  void shouldCopyIndependently() {
    PeriodAccumulator original = july();
    PeriodAccumulator copy = original.copy();

    copy.remove(JULY.atDay(1));

    assertThat(original.size()).isEqualTo(10);
    assertThat(copy.size()).isEqualTo(9);
    assertThat(copy).isNotEqualTo(original);
  }

  @Test
  void shouldCoverALeapYear() {
    PeriodAccumulator year = PeriodAccumulator.forYear(Year.of(2024));

    assertThat(year.first()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(year.last()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(
            year.put(
                new DailyRecord(LocalDate.of(2024, 12, 31), 5, 20, 40, 20, 0.5, 80, 40, false)))
        .isNull();
    assertThat(year.get(LocalDate.of(2024, 12, 31)).aqi()).isEqualTo(40);
    assertThat(year.get(LocalDate.of(2025, 1, 1))).isNull();
  }

  @Test
  void shouldRejectDaysOutsideThePeriod() {
    PeriodAccumulator accumulator = PeriodAccumulator.forMonth(JULY);
    DailyRecord august =
        new DailyRecord(LocalDate.of(2025, 8, 1), 5, 20, 40, 20, 0.5, 80, 40, false);

    assertThatThrownBy(() -> accumulator.put(august))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-08-01");
    assertThatThrownBy(() -> accumulator.statistics(JULY.atDay(5), JULY.atDay(4), RULES, INCLUDED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectPeriodsLongerThanALeapYear() {
    assertThatThrownBy(
            () -> new PeriodAccumulator(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new PeriodAccumulator(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
