package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ecostream.domain.air.Pollutant;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class YearOnYearTest {

  private static double published(OptionalDouble rate) {
    return BulletinRounding.changeRate(rate.orElseThrow());
  }

  @Test
  void shouldGiveTheChangeRateOfAConcentration() {
    // PM2.5 36 → 30: −6/36 = −16.67 % → −16.7 % (a bulletin's "improved 16.7 %").
    OptionalDouble rate = YearOnYear.changeRate(30, 36);
    assertThat(rate.orElseThrow()).isCloseTo(-100.0 / 6, within(1e-9));
    assertThat(published(rate)).isEqualTo(-16.7);
  }

  @Test
  void shouldGiveTheGoodDayRatioChangeInPointsAndRelatively() {
    // 70.0 % → 73.6 %: +3.6 points; 3.6/70 = +5.14 % → +5.1 %.
    assertThat(YearOnYear.percentagePoints(73.6, 70.0).orElseThrow()).isEqualTo(3.6);
    assertThat(published(YearOnYear.changeRate(73.6, 70.0))).isEqualTo(5.1);
  }

  @Test
  void shouldRoundAnExactTieOfTheRateHalfToEven() {
    // Index 4.00 → 3.67: −0.33/4 = −8.25 % exactly → −8.2; in plain doubles (3.67 − 4.0)/4.0 × 100
    // is −8.2500…02.
    OptionalDouble rate = YearOnYear.changeRate(3.67, 4.00);
    assertThat(rate.orElseThrow()).isEqualTo(-8.25);
    assertThat(published(rate)).isEqualTo(-8.2);
    // CO 1.6 → 1.8 mg/m³: +12.5 % exactly.
    assertThat(YearOnYear.changeRate(1.8, 1.6).orElseThrow()).isEqualTo(12.5);
  }

  @Test
  void shouldHaveNoRateAgainstZeroOrAMissingValue() {
    assertThat(YearOnYear.changeRate(5, 0)).isEmpty();
    assertThat(YearOnYear.changeRate(0, 0)).isEmpty();
    assertThat(YearOnYear.changeRate(Double.NaN, 30)).isEmpty();
    assertThat(YearOnYear.changeRate(30, Double.NaN)).isEmpty();
    assertThat(YearOnYear.percentagePoints(Double.NaN, 70)).isEmpty();
  }

  @Test
  void shouldGiveZeroForNoChange() {
    assertThat(YearOnYear.changeRate(30, 30).orElseThrow()).isZero();
    assertThat(YearOnYear.changeRate(0, 30).orElseThrow()).isEqualTo(-100.0);
  }

  @Test
  void shouldComputeUnroundedValuesInPlainArithmetic() {
    // (30.4 − 35.6)/35.6 = −14.61 % → −14.6
    assertThat(published(YearOnYear.changeRate(30.4, 35.6))).isEqualTo(-14.6);
    assertThat(published(YearOnYear.changeRate(30.123, 36.0)))
        .isEqualTo(-16.3); // −16.325 % → −16.3
  }

  /**
   * This year: SO2 8.4, NO2 30.2, PM10 55.0, PM2.5 30.4, CO p95 1.04, O3 p90 150.6; index 3.6712
   * (published 3.67); 7 good of 9 valid days, 1 heavy day. Last year: SO2 10, NO2 32, PM10 60,
   * PM2.5 35.6, CO 1.2, O3 160; index 4.0034 (published 4.00); 7 good of 10 valid days, 3 heavy
   * days.
   */
  private static PeriodStatistics thisYear() {
    return statistics(
        2025,
        new PollutantValues(8.4, 30.2, 55.0, 30.4, 1.04, 150.6),
        new CompositeIndex(3.6712, 3.67, PollutantValues.MISSING),
        new DayCounts(3, 4, 1, 0, 1, 0));
  }

  private static PeriodStatistics lastYear() {
    return statistics(
        2024,
        new PollutantValues(10, 32, 60, 35.6, 1.2, 160),
        new CompositeIndex(4.0034, 4.00, PollutantValues.MISSING),
        new DayCounts(2, 5, 0, 0, 2, 1));
  }

  private static PeriodStatistics statistics(
      int year, PollutantValues concentrations, CompositeIndex index, DayCounts days) {
    return new PeriodStatistics(
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 9, 30),
        false,
        concentrations,
        new PollutantCounts(270, 270, 270, 270, 270, 270),
        index,
        days,
        0);
  }

  @Test
  void shouldCompareThePublishedFiguresByDefault() {
    YearOnYear change = YearOnYear.compare(thisYear(), lastYear(), YearOnYear.Basis.PUBLISHED);

    // Published: SO2 8 vs 10 → −20.0; NO2 30 vs 32 → −6.25 → −6.2; PM10 55 vs 60 → −8.33 → −8.3;
    // PM2.5 30 vs 36 → −16.7; CO 1.0 vs 1.2 → −16.67 → −16.7; O3 151 vs 160 → −5.625 → −5.6.
    assertThat(published(change.so2())).isEqualTo(-20.0);
    assertThat(published(change.no2())).isEqualTo(-6.2);
    assertThat(published(change.pm10())).isEqualTo(-8.3);
    assertThat(published(change.pm25())).isEqualTo(-16.7);
    assertThat(published(change.concentration(Pollutant.CO))).isEqualTo(-16.7);
    assertThat(published(change.o3())).isEqualTo(-5.6);
    // Index 3.67 vs 4.00: −8.25 → −8.2.
    assertThat(published(change.compositeIndex())).isEqualTo(-8.2);
    // Ratio 7/9 = 77.8 % vs 7/10 = 70.0 %: +7.8 points, 7.8/70 = +11.14 % → +11.1.
    assertThat(change.goodDayRatioPoints().orElseThrow()).isEqualTo(7.8);
    assertThat(published(change.goodDayRatioChangeRate())).isEqualTo(11.1);
    // Heavy days 1 vs 3.
    assertThat(change.heavyPollutionDaysDifference()).isEqualTo(-2);
  }

  @Test
  void shouldCompareTheUnroundedStatisticsWhenAsked() {
    YearOnYear change = YearOnYear.compare(thisYear(), lastYear(), YearOnYear.Basis.UNROUNDED);

    // PM2.5 30.4 vs 35.6: −14.6; index 3.6712 vs 4.0034: −8.298 → −8.3; CO 1.04 vs 1.2: −13.33 →
    // −13.3.
    assertThat(published(change.pm25())).isEqualTo(-14.6);
    assertThat(published(change.compositeIndex())).isEqualTo(-8.3);
    assertThat(published(change.co())).isEqualTo(-13.3);
    // Ratio 77.78 % vs 70 %: +7.78 points → +7.8; relative +11.11 % → +11.1.
    assertThat(change.goodDayRatioPoints().orElseThrow()).isCloseTo(700.0 / 9 - 70, within(1e-9));
    assertThat(published(change.goodDayRatioChangeRate())).isEqualTo(11.1);
  }

  @Test
  void shouldLeaveRatesEmptyWhereLastYearHasNoFigure() {
    PeriodStatistics empty =
        statistics(2024, PollutantValues.MISSING, CompositeIndex.UNDEFINED, DayCounts.NONE);

    YearOnYear change = YearOnYear.compare(thisYear(), empty, YearOnYear.Basis.PUBLISHED);

    assertThat(change.pm25()).isEmpty();
    assertThat(change.compositeIndex()).isEmpty();
    assertThat(change.goodDayRatioPoints()).isEmpty();
    assertThat(change.goodDayRatioChangeRate()).isEmpty();
    assertThat(change.heavyPollutionDaysDifference()).isEqualTo(1);
  }
}
