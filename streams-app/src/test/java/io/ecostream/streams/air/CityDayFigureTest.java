package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.DustDays;
import io.ecostream.domain.stats.DustDays.Designation;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.domain.stats.PeriodRules;
import io.ecostream.domain.stats.StationDay;
import io.ecostream.domain.stats.StationDayTally;
import io.ecostream.domain.stats.ValidityRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CityDayFigureTest {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);
  private static final LocalDate MAR_1 = LocalDate.of(2024, 3, 1);
  private static final LocalDate MAR_3 = LocalDate.of(2024, 3, 3);

  private final CityDayFigure cityDay =
      new CityDayFigure(ValidityRules.defaults(), DustRule.defaults(), DustDays.none(), 0);

  /** A station's day with the same six values every hour. */
  private static StationDayTally allSix(
      double so2, double no2, double pm10, double pm25, double co, double o3) {
    double[] day = StationDay.empty();
    for (int h = 0; h < StationDay.HOURS; h++) {
      day[StationDay.index(Pollutant.SO2, h)] = so2;
      day[StationDay.index(Pollutant.NO2, h)] = no2;
      day[StationDay.index(Pollutant.PM10, h)] = pm10;
      day[StationDay.index(Pollutant.PM2_5, h)] = pm25;
      day[StationDay.index(Pollutant.CO, h)] = co;
      day[StationDay.index(Pollutant.O3, h)] = o3;
    }
    return StationDayTally.of(day);
  }

  private static StationDayTally pm25Only(double pm25) {
    double[] day = StationDay.empty();
    for (int h = 0; h < StationDay.HOURS; h++) {
      day[StationDay.index(Pollutant.PM2_5, h)] = pm25;
    }
    return StationDayTally.of(day);
  }

  @Test
  void shouldComputeTheDailyFigureFromTheStationsHours() {
    CityDaily figure =
        cityDay.figure(
            "binzhou",
            cityDay.day(
                DAY, List.of(allSix(10, 40, 100, 60, 1.0, 80), allSix(20, 60, 140, 80, 1.4, 100))),
            48);

    assertThat(figure.getCityId()).isEqualTo("binzhou");
    assertThat(figure.getDate()).isEqualTo(DAY);
    assertThat(figure.getEdition()).isEqualTo(AqiEdition.HJ_633_2012);
    assertThat(figure.getPm25()).isEqualTo(70.0);
    assertThat(figure.getPm10()).isEqualTo(120.0);
    assertThat(figure.getO3Mda8()).isEqualTo(90.0);
    assertThat(figure.getO3Max1h()).isEqualTo(90.0);
    // PM2.5 70 on the 2012 table: 50 + ceil(50 * 35 / 40) = 94; PM10 120: 50 + ceil(50 * 70 / 100)
    // = 85
    assertThat(figure.getIaqiPm25()).isEqualTo(94);
    assertThat(figure.getIaqiPm10()).isEqualTo(85);
    assertThat(figure.getAqi()).isEqualTo(94);
    assertThat(figure.getCategory()).isEqualTo(AqiCategory.GOOD);
    assertThat(figure.getPrimaryPollutants()).containsExactly("PM2.5");
    assertThat(figure.getValid()).isTrue();
    assertThat(figure.getStationsReporting()).isEqualTo(2);
    assertThat(figure.getStationsComplete()).isEqualTo(2);
    assertThat(figure.getStationHours()).isEqualTo(48);
    assertThat(figure.getRevision()).isEqualTo(48);
  }

  @Test
  void shouldAddTheResetGenerationsBaseToTheRevision() {
    CityDayFigure afterTwoResets =
        new CityDayFigure(
            ValidityRules.defaults(), DustRule.defaults(), DustDays.none(), 2_000_000_000L);

    assertThat(
            afterTwoResets
                .figure("binzhou", afterTwoResets.day(DAY, List.of(pm25Only(40))), 24)
                .getRevision())
        .isEqualTo(2_000_000_024L);
  }

  @Test
  void shouldPublishNoAqiForADayWithOnlyPm25BelowTheThreshold() {
    CityDaily figure = cityDay.figure("binzhou", cityDay.day(DAY, List.of(pm25Only(40))), 24);

    assertThat(figure.getPm25()).isEqualTo(40.0);
    assertThat(figure.getIaqiPm25()).isEqualTo(57); // 50 + ceil(50 * 5 / 40) = 50 + ceil(6.25) = 57
    assertThat(figure.getAqi())
        .isNull(); // five pollutants missing and 57 <= 100 (HJ 633-2026 §5.3.1)
    assertThat(figure.getValid()).isFalse();
    assertThat(figure.getStationsComplete()).isZero();
  }

  /** One station's 24 hours of a city's day, all six pollutants, the PM values as given. */
  private static CityDaily fullDay(
      CityDayFigure figures, String city, LocalDate date, double pm10, double pm25) {
    return figures.figure(
        city, figures.day(date, List.of(allSix(10, 30, pm10, pm25, 0.8, 80))), 24);
  }

  private static CityDayFigure listing(DustRule rule, Designation... days) {
    return new CityDayFigure(ValidityRules.defaults(), rule, new DustDays(Set.of(days)), 0);
  }

  @Test
  void shouldFlagAListedDayThatTheRuleWouldNot() {
    // PM10 100 is below the rule's 150 (and 60/100 = 0.6 is not below 0.35): only the list can flag
    // this day
    CityDayFigure listed = listing(DustRule.defaults(), new Designation("binzhou", MAR_1));
    assertThat(fullDay(listed, "binzhou", MAR_1, 100, 60).getDustAffected()).isTrue();
    assertThat(fullDay(listed, "jinan", MAR_1, 100, 60).getDustAffected())
        .as("another city the same day")
        .isFalse();
    assertThat(fullDay(listed, "binzhou", MAR_3, 100, 60).getDustAffected())
        .as("the listed city another day")
        .isFalse();

    CityDayFigure everyCity =
        listing(DustRule.defaults(), new Designation(DustDays.EVERY_CITY, MAR_1));
    assertThat(fullDay(everyCity, "binzhou", MAR_1, 100, 60).getDustAffected()).isTrue();
    assertThat(fullDay(everyCity, "jinan", MAR_1, 100, 60).getDustAffected()).isTrue();
  }

  @Test
  void shouldFlagByTheListOrTheRuleAndByTheListAloneWhenTheRuleIsOff() {
    // PM10 200, PM2.5 50: 50/200 = 0.25 < 0.35, a dust day by the rule
    Designation binzhou = new Designation("binzhou", MAR_1);

    CityDayFigure listOrRule = listing(DustRule.defaults(), binzhou);
    assertThat(fullDay(listOrRule, "jinan", MAR_1, 200, 50).getDustAffected()).isTrue();
    assertThat(fullDay(listOrRule, "binzhou", MAR_1, 100, 60).getDustAffected()).isTrue();

    CityDayFigure listOnly = listing(DustRule.flagsOnly(), binzhou);
    assertThat(fullDay(listOnly, "jinan", MAR_1, 200, 50).getDustAffected()).isFalse();
    assertThat(fullDay(listOnly, "binzhou", MAR_1, 100, 60).getDustAffected()).isTrue();
  }

  @Test
  void shouldDeductAListedDayFromTheDustDeductedPeriodMeans() {
    // 1-3 March: PM2.5 40, 60, 110 and PM10 80, 120, 140; no day reaches PM10 150, 3 March is
    // listed
    CityDayFigure listed = listing(DustRule.defaults(), new Designation("binzhou", MAR_3));
    CityYearState year = CityPeriods.emptyYear("binzhou", 2024);
    CityPeriods.put(year, fullDay(listed, "binzhou", MAR_1, 80, 40));
    CityPeriods.put(year, fullDay(listed, "binzhou", LocalDate.of(2024, 3, 2), 120, 60));
    CityPeriods.put(year, fullDay(listed, "binzhou", MAR_3, 140, 110));

    CityPeriod march = new CityPeriods(PeriodRules.defaults()).figures(year, null, MAR_3).get(0);

    assertThat(march.getPeriod()).isEqualTo("2024-03");
    assertThat(march.getDustDays()).isEqualTo(1);
    assertThat(march.getPm25()).isEqualTo(70.0); // (40 + 60 + 110) / 3
    assertThat(march.getPm25Dust()).isEqualTo(50.0); // (40 + 60) / 2
    assertThat(march.getPm10()).isEqualTo(113.0); // (80 + 120 + 140) / 3 = 113.3
    assertThat(march.getPm10Dust()).isEqualTo(100.0); // (80 + 120) / 2
  }
}
