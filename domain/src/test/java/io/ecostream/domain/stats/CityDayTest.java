package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ecostream.domain.air.AqiCategory;
import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.Indicator;
import io.ecostream.domain.air.Pollutant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CityDayTest {

  private static final LocalDate JAN_15_2024 = LocalDate.of(2024, 1, 15);
  private static final LocalDate MAR_2_2026 = LocalDate.of(2026, 3, 2);

  /** A station day with the same value every hour from 0 to {@code hours - 1}. */
  private static double[] day(
      int hours, double so2, double no2, double pm10, double pm25, double co, double o3) {
    double[] day = StationDay.empty();
    for (int h = 0; h < hours; h++) {
      day[StationDay.index(Pollutant.SO2, h)] = so2;
      day[StationDay.index(Pollutant.NO2, h)] = no2;
      day[StationDay.index(Pollutant.PM10, h)] = pm10;
      day[StationDay.index(Pollutant.PM2_5, h)] = pm25;
      day[StationDay.index(Pollutant.CO, h)] = co;
      day[StationDay.index(Pollutant.O3, h)] = o3;
    }
    return day;
  }

  /**
   * Station A: O3 40 in slots 0-7, 160 in 8-15, 80 in 16-23: MDA8 160 (window ending 16:00), 1-h
   * max 160.
   */
  private static double[] stationA() {
    double[] day = day(24, 10, 40, 100, 60, 1.0, 0);
    for (int h = 0; h < 24; h++) {
      day[StationDay.index(Pollutant.O3, h)] = h < 8 ? 40 : h < 16 ? 160 : 80;
    }
    return day;
  }

  /** Station B: flat day, MDA8 100, 1-h max 100. */
  private static double[] stationB() {
    return day(24, 20, 60, 140, 80, 1.4, 100);
  }

  /**
   * Station C: 19 hours only, so no valid daily mean and no valid 1-h max (20 hours needed); its
   * MDA8 is still valid: windows ending at slots 7..20 have at least 6 of their 8 hours (slot 20
   * covers 13..20: 6 present), 14 windows, the minimum.
   */
  private static double[] stationC() {
    return day(19, 300, 300, 400, 200, 5.0, 100);
  }

  private final ValidityRules rules = ValidityRules.defaults();

  @Test
  void shouldAverageTheValidStationsPerPollutantAndRateTheCityMeansBy2012() {
    CityDay city =
        CityDay.of(
            JAN_15_2024, List.of(stationA(), stationB(), stationC()), rules, DustRule.defaults());

    assertThat(city.edition()).isEqualTo(AqiEdition.HJ_633_2012);
    assertThat(city.values().so2()).isEqualTo(15.0); // (10 + 20) / 2: C has 19 hours
    assertThat(city.values().no2()).isEqualTo(50.0);
    assertThat(city.values().pm10()).isEqualTo(120.0);
    assertThat(city.values().pm25()).isEqualTo(70.0);
    assertThat(city.values().co()).isCloseTo(1.2, within(1e-12));
    assertThat(city.values().o3()).isEqualTo(120.0); // (160 + 100 + 100) / 3: C's MDA8 is valid
    assertThat(city.o3Max1h()).isEqualTo(130.0); // (160 + 100) / 2: C's 1-h max is not
    // 2012 daily table: SO2 15 -> ceil(50*15/50) = 15; NO2 50 -> 50 + ceil(50*10/40) = 63;
    // PM10 120 -> 50 + ceil(50*70/100) = 85; PM2.5 70 -> 50 + ceil(50*35/40) = 94;
    // CO 1.2 -> ceil(50*1.2/2) = 30; O3 8h 120 -> 50 + ceil(50*20/60) = 67; O3 1h 130 ->
    // ceil(50*130/160) = 41.
    assertThat(city.aqi().iaqi(Indicator.SO2_24H)).isEqualTo(15);
    assertThat(city.aqi().iaqi(Indicator.NO2_24H)).isEqualTo(63);
    assertThat(city.aqi().iaqi(Indicator.PM10_24H)).isEqualTo(85);
    assertThat(city.aqi().iaqi(Indicator.PM2_5_24H)).isEqualTo(94);
    assertThat(city.aqi().iaqi(Indicator.CO_24H)).isEqualTo(30);
    assertThat(city.aqi().iaqi(Indicator.O3_8H)).isEqualTo(67);
    assertThat(city.aqi().iaqi(Indicator.O3_1H)).isEqualTo(41);
    assertThat(city.aqi().aqi()).isEqualTo(94);
    assertThat(city.aqi().category()).isEqualTo(AqiCategory.GOOD);
    assertThat(city.aqi().primaryPollutants()).containsExactly(Pollutant.PM2_5);
    assertThat(city.stationsReporting()).isEqualTo(3);
    assertThat(city.stationsComplete()).isEqualTo(2);
    assertThat(city.stationHours()).isEqualTo(24 + 24 + 19);
    assertThat(city.dustAffected()).isFalse();
  }

  @Test
  void shouldRateTheSameCityMeansBy2026FromMarchFirst2026() {
    CityDay city =
        CityDay.of(
            MAR_2_2026, List.of(stationA(), stationB(), stationC()), rules, DustRule.defaults());

    assertThat(city.edition()).isEqualTo(AqiEdition.HJ_633_2026);
    // 2026 daily table: PM10 120 -> 50 + ceil(50*70/70) = 100; PM2.5 70 -> 100 + ceil(50*10/55) =
    // 110.
    assertThat(city.aqi().iaqi(Indicator.PM10_24H)).isEqualTo(100);
    assertThat(city.aqi().iaqi(Indicator.PM2_5_24H)).isEqualTo(110);
    assertThat(city.aqi().aqi()).isEqualTo(110);
    assertThat(city.aqi().category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
  }

  @Test
  void shouldHaveNoCityValueWhereNoStationIsValid() {
    CityDay city = CityDay.of(JAN_15_2024, List.of(stationC()), rules, DustRule.defaults());

    assertThat(city.values().pm25()).isNaN();
    assertThat(city.values().o3()).isEqualTo(100.0);
    assertThat(city.aqi().available()).isFalse(); // five pollutants missing, O3 8h IAQI 50 <= 100
    assertThat(city.stationsComplete()).isZero();
  }

  @Test
  void shouldFlagADustDayFromThePublishedPmValues() {
    // PM10 200 >= 150 and PM2.5/PM10 = 50/200 = 0.25 < 0.35
    CityDay dusty =
        CityDay.of(
            JAN_15_2024, List.of(day(24, 10, 30, 200, 50, 0.5, 60)), rules, DustRule.defaults());
    // PM2.5/PM10 = 80/200 = 0.40: not dust
    CityDay hazy =
        CityDay.of(
            JAN_15_2024, List.of(day(24, 10, 30, 200, 80, 0.5, 60)), rules, DustRule.defaults());

    assertThat(dusty.dustAffected()).isTrue();
    assertThat(dusty.toDailyRecord(false).dustFlagged()).isTrue();
    assertThat(hazy.dustAffected()).isFalse();
    assertThat(hazy.toDailyRecord(true).dustFlagged()).as("flag from an official list").isTrue();
  }

  @Test
  void shouldGiveARunningAqiFromTheFirstHoursOfAnOpenDay() {
    // 6 hours of a heavy episode morning: PM2.5 160 -> 150..250: 200 + ceil(100 * 10 / 100) = 210
    CityDay morning =
        CityDay.of(
            JAN_15_2024, List.of(day(6, 30, 60, 200, 160, 2.0, 20)), rules, DustRule.defaults());

    assertThat(morning.aqi().available()).as("no valid daily mean before 20 hours").isFalse();
    assertThat(morning.runningAqi()).isEqualTo(210);
  }

  @Test
  void shouldJudgeTheRunningOzoneFromItsValidWindowsSoFar() {
    // 10 hours of O3 at 300: windows ending 07:00-11:00 hold 6-8 values, five valid windows at 300.
    // Running MDA8 300 -> 265..800: 200 + 100 * (300 - 265) / (800 - 265) = 206.5 -> 207; the O3
    // 1-hour IAQI (2012 edition) is 150 and the other pollutants stay below 20.
    CityDay morning =
        CityDay.of(
            JAN_15_2024, List.of(day(10, 5, 10, 20, 10, 0.3, 300)), rules, DustRule.defaults());

    assertThat(morning.runningAqi()).isEqualTo(207);
  }

  @Test
  void shouldGiveTheSameRunningAqiAsTheDailyAqiOnceTheDayIsComplete() {
    CityDay city =
        CityDay.of(JAN_15_2024, List.of(stationA(), stationB()), rules, DustRule.defaults());

    assertThat(city.runningAqi()).isEqualTo(city.aqi().aqi());
  }

  @Test
  void shouldCountNoStationForAnEmptyCity() {
    CityDay city = CityDay.of(JAN_15_2024, List.of(), rules, DustRule.defaults());

    assertThat(city.stationsReporting()).isZero();
    assertThat(city.aqi().available()).isFalse();
  }
}
