package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.domain.stats.PeriodRules;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CityPeriodsTest {

  private final CityPeriods periods = new CityPeriods(PeriodRules.defaults());

  private static CityDaily daily(
      LocalDate date,
      double so2,
      double no2,
      double pm10,
      double pm25,
      double co,
      double o3,
      int aqi,
      boolean dust) {
    return CityDaily.newBuilder()
        .setCityId("binzhou")
        .setDate(date)
        .setEdition(AqiEdition.HJ_633_2012)
        .setSo2(so2)
        .setNo2(no2)
        .setPm10(pm10)
        .setPm25(pm25)
        .setCo(co)
        .setO3Mda8(o3)
        .setAqi(aqi)
        .setValid(true)
        .setDustAffected(dust)
        .setStationsReporting(1)
        .setStationsComplete(1)
        .setStationHours(24)
        .setRevision(1)
        .build();
  }

  /**
   * 1-10 January 2024: PM2.5 20, 30 … 110 (mean 65), PM10 twice that (mean 130), SO2 12, NO2 36, CO
   * 0.5 … 1.4, O3 MDA8 100; AQIs 40, 60, 80, 95, 110, 150, 180, 210, 260, 320; 9 January flagged as
   * dust-affected.
   */
  private static CityYearState january2024() {
    int[] aqis = {40, 60, 80, 95, 110, 150, 180, 210, 260, 320};
    CityYearState year = CityPeriods.emptyYear("binzhou", 2024);
    for (int d = 1; d <= 10; d++) {
      double pm25 = 10 + 10 * d;
      CityPeriods.put(
          year,
          daily(
              LocalDate.of(2024, 1, d),
              12,
              36,
              2 * pm25,
              pm25,
              0.4 + d / 10.0,
              100,
              aqis[d - 1],
              d == 9));
    }
    return year;
  }

  /** 1-10 January 2023: PM2.5 50, PM10 100, SO2 12, NO2 40, CO 1.0, O3 100, every AQI 80. */
  private static CityYearState january2023() {
    CityYearState year = CityPeriods.emptyYear("binzhou", 2023);
    for (int d = 1; d <= 10; d++) {
      CityPeriods.put(year, daily(LocalDate.of(2023, 1, d), 12, 40, 100, 50, 1.0, 100, 80, false));
    }
    return year;
  }

  @Test
  void shouldComputeTheBulletinFiguresOfTheYearToDate() {
    List<CityPeriod> figures = periods.figures(january2024(), null, LocalDate.of(2024, 1, 10));

    CityPeriod ytd = figures.get(1);
    assertThat(ytd.getPeriodType()).isEqualTo(PeriodType.YEAR_TO_DATE);
    assertThat(ytd.getPeriod()).isEqualTo("2024");
    assertThat(ytd.getFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(ytd.getTo()).isEqualTo(LocalDate.of(2024, 1, 10));
    assertThat(ytd.getValidDays()).isEqualTo(10);
    assertThat(ytd.getGoodDays()).isEqualTo(4);
    assertThat(ytd.getGoodRatio()).isEqualTo(40.0);
    assertThat(ytd.getHeavyDays()).isEqualTo(3); // 210, 260, 320
    assertThat(ytd.getSevereDays()).isEqualTo(1);
    // 40 | 60, 80, 95 | 110, 150 | 180 | 210, 260 | 320
    assertThat(ytd.getDaysByCategory()).containsExactly(1, 3, 2, 1, 2, 1);
    assertThat(ytd.getPm25()).isEqualTo(65.0);
    assertThat(ytd.getPm10()).isEqualTo(130.0);
    assertThat(ytd.getSo2()).isEqualTo(12.0);
    assertThat(ytd.getNo2()).isEqualTo(36.0);
    // CO p95 of 0.5 … 1.4: k = 1 + 9 * 0.95 = 9.55 -> 1.3 + 0.55 * 0.1 = 1.355 -> 1.4
    assertThat(ytd.getCo95()).isEqualTo(1.4);
    assertThat(ytd.getO3p90()).isEqualTo(100.0);
    // 12/60 + 36/40 + 130/70 + 65/35 + 1.4/4 + 100/160 = 0.2 + 0.9 + 1.857143 + 1.857143 + 0.35 +
    // 0.625 = 5.789
    assertThat(ytd.getCompositeIndex()).isEqualTo(5.79);
    // without 9 January (PM2.5 100, PM10 200): PM2.5 550 / 9 = 61.1 -> 61, PM10 1100 / 9 = 122.2 ->
    // 122;
    // index 0.2 + 0.9 + 122/70 + 61/35 + 0.35 + 0.625 = 5.5607 -> 5.56
    assertThat(ytd.getDustDays()).isEqualTo(1);
    assertThat(ytd.getPm25Dust()).isEqualTo(61.0);
    assertThat(ytd.getPm10Dust()).isEqualTo(122.0);
    assertThat(ytd.getCompositeIndexDust()).isEqualTo(5.56);
    assertThat(ytd.getPm25Change()).isNull();
    // the sum of the days' revisions: ten days of revision 1
    assertThat(ytd.getRevision()).isEqualTo(10);

    CityPeriod mtd = figures.get(0);
    assertThat(mtd.getPeriodType()).isEqualTo(PeriodType.MONTH_TO_DATE);
    assertThat(mtd.getPeriod()).isEqualTo("2024-01");
    assertThat(mtd.getPm25()).isEqualTo(65.0);
  }

  @Test
  void shouldCompareWithTheSamePeriodOfThePreviousYear() {
    CityPeriod ytd =
        periods.figures(january2024(), january2023(), LocalDate.of(2024, 1, 10)).get(1);

    assertThat(ytd.getPreviousFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(ytd.getPreviousTo()).isEqualTo(LocalDate.of(2023, 1, 10));
    assertThat(ytd.getPm25Change()).isEqualTo(30.0); // (65 - 50) / 50
    assertThat(ytd.getPm10Change()).isEqualTo(30.0);
    assertThat(ytd.getSo2Change()).isEqualTo(0.0);
    assertThat(ytd.getNo2Change()).isEqualTo(-10.0); // (36 - 40) / 40
    assertThat(ytd.getCo95Change()).isEqualTo(40.0); // (1.4 - 1.0) / 1.0
    // 2023 index: 0.2 + 1.0 + 100/70 + 50/35 + 0.25 + 0.625 = 4.932 -> 4.93; (5.79 - 4.93) / 4.93 =
    // 17.44 %
    assertThat(ytd.getCompositeIndexChange()).isEqualTo(17.4);
    assertThat(ytd.getGoodRatioChangePoints()).isEqualTo(-60.0); // 40.0 - 100.0
    assertThat(ytd.getGoodRatioChangeRate()).isEqualTo(-60.0);
    assertThat(ytd.getHeavyDaysChange()).isEqualTo(3);
  }

  @Test
  void shouldIgnoreARepeatedDayAndRaiseTheRevisionOfAChangedOne() {
    CityYearState year = january2024();
    CityDaily sameAsBefore =
        daily(LocalDate.of(2024, 1, 10), 12, 36, 220, 110, 1.4, 100, 320, false);
    CityDaily corrected = daily(LocalDate.of(2024, 1, 10), 12, 36, 220, 110, 1.4, 100, 290, false);
    corrected.setRevision(2L);

    assertThat(CityPeriods.put(year, sameAsBefore)).isFalse();
    periods.figures(year, null, LocalDate.of(2024, 1, 10));
    assertThat(CityPeriods.put(year, corrected)).isTrue();
    CityPeriod ytd = periods.figures(year, null, LocalDate.of(2024, 1, 10)).get(1);

    assertThat(ytd.getSevereDays()).isZero();
    // nine days of revision 1 and the corrected day's 2
    assertThat(ytd.getRevision()).isEqualTo(11);
  }

  @Test
  void shouldCompareTheTwentyNinthOfFebruaryWithTheTwentyEighth() {
    CityYearState leap = CityPeriods.emptyYear("binzhou", 2024);
    CityPeriods.put(leap, daily(LocalDate.of(2024, 2, 29), 12, 36, 100, 50, 1.0, 100, 70, false));
    CityYearState common = CityPeriods.emptyYear("binzhou", 2023);
    CityPeriods.put(common, daily(LocalDate.of(2023, 2, 28), 12, 36, 100, 40, 1.0, 100, 70, false));

    CityPeriod mtd = periods.figures(leap, common, LocalDate.of(2024, 2, 29)).get(0);

    assertThat(mtd.getPreviousTo()).isEqualTo(LocalDate.of(2023, 2, 28));
    assertThat(mtd.getPm25Change()).isEqualTo(25.0); // (50 - 40) / 40
  }
}
