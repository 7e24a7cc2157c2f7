package io.ecostream.streams.air;

import static io.ecostream.streams.AirReadings.BEIJING;
import static io.ecostream.streams.AirReadings.pm25;
import static io.ecostream.streams.AirReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.internal.CityDayState;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.domain.stats.DustDays;
import io.ecostream.domain.stats.DustDays.Designation;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.domain.stats.PeriodRules;
import io.ecostream.domain.stats.ValidityRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CityDayAggregationTest {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  private final CityDayAggregation cityDay =
      new CityDayAggregation(BEIJING, ValidityRules.defaults(), DustRule.defaults(), DustDays.none());

  private static final LocalDate MAR_1 = LocalDate.of(2024, 3, 1);
  private static final LocalDate MAR_3 = LocalDate.of(2024, 3, 3);

  private static LocalDateTime hour(int h) {
    return DAY.atTime(h, 0);
  }

  private CityDayState apply(CityDayState state, AirReading reading) {
    return cityDay.add(cityDay.key(reading), reading, state);
  }

  /** A full hour of all six pollutants. */
  private static AirReading allSix(String station, int h, double so2, double no2, double pm10, double pm25, double co, double o3) {
    return reading(station, "binzhou", hour(h))
        .setSo2(so2).setNo2(no2).setPm10(pm10).setPm25(pm25).setCo(co).setO3(o3)
        .build();
  }

  @Test
  void shouldKeyByCityAndBeijingLocalDate() {
    // 00:00-01:00 Beijing time on the 15th is 16:00 UTC on the 14th: it belongs to the 15th.
    AirReading firstHour = pm25("BZ-A01", "binzhou", hour(0), 10);
    assertThat(firstHour.getHourStart()).hasToString("2024-01-14T16:00:00Z");

    assertThat(cityDay.key(firstHour)).isEqualTo("binzhou@2024-01-15");
    assertThat(cityDay.key(pm25("BZ-A01", "binzhou", hour(23), 10))).isEqualTo("binzhou@2024-01-15");
  }

  @Test
  void shouldComputeTheDailyFigureFromTheStationsHours() {
    CityDayState state = CityDayAggregation.initial();
    for (int h = 0; h < 24; h++) {
      state = apply(state, allSix("BZ-A01", h, 10, 40, 100, 60, 1.0, 80));
      state = apply(state, allSix("BZ-A02", h, 20, 60, 140, 80, 1.4, 100));
    }

    CityDaily figure = cityDay.figure(state);

    assertThat(figure.getCityId()).isEqualTo("binzhou");
    assertThat(figure.getDate()).isEqualTo(DAY);
    assertThat(figure.getEdition()).isEqualTo(AqiEdition.HJ_633_2012);
    assertThat(figure.getPm25()).isEqualTo(70.0);
    assertThat(figure.getPm10()).isEqualTo(120.0);
    assertThat(figure.getO3Mda8()).isEqualTo(90.0);
    assertThat(figure.getO3Max1h()).isEqualTo(90.0);
    // PM2.5 70 on the 2012 table: 50 + ceil(50 * 35 / 40) = 94; PM10 120: 50 + ceil(50 * 70 / 100) = 85
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
  void shouldCountARepeatedStationHourOnceAndKeepTheRevision() {
    CityDayState state = apply(CityDayAggregation.initial(), pm25("BZ-A01", "binzhou", hour(5), 40));
    state = apply(state, pm25("BZ-A01", "binzhou", hour(5), 40));

    CityDaily figure = cityDay.figure(state);
    assertThat(figure.getStationHours()).isEqualTo(1);
    assertThat(figure.getRevision()).isEqualTo(1);
  }

  @Test
  void shouldReplaceACorrectedStationHourAndRaiseTheRevision() {
    CityDayState state = CityDayAggregation.initial();
    for (int h = 0; h < 24; h++) {
      state = apply(state, pm25("BZ-A01", "binzhou", hour(h), 48));
    }
    state = apply(state, pm25("BZ-A01", "binzhou", hour(7), 96)); // 23 x 48 + 96 = 1200

    CityDaily figure = cityDay.figure(state);
    assertThat(figure.getPm25()).isEqualTo(50.0); // 1200 / 24
    assertThat(figure.getStationHours()).isEqualTo(24);
    assertThat(figure.getRevision()).isEqualTo(25);
  }

  @Test
  void shouldPublishNoAqiForADayWithOnlyPm25BelowTheThreshold() {
    CityDayState state = CityDayAggregation.initial();
    for (int h = 0; h < 24; h++) {
      state = apply(state, pm25("BZ-A01", "binzhou", hour(h), 40));
    }

    CityDaily figure = cityDay.figure(state);
    assertThat(figure.getPm25()).isEqualTo(40.0);
    assertThat(figure.getIaqiPm25()).isEqualTo(57); // 50 + ceil(50 * 5 / 40) = 50 + ceil(6.25) = 57
    assertThat(figure.getAqi()).isNull(); // five pollutants missing and 57 <= 100 (HJ 633-2026 §5.3.1)
    assertThat(figure.getValid()).isFalse();
    assertThat(figure.getStationsComplete()).isZero();
  }

  /** One station's 24 hours of a city's day, all six pollutants, the PM values as given. */
  private CityDayState fullDay(String city, LocalDate date, double pm10, double pm25) {
    CityDayState state = CityDayAggregation.initial();
    for (int h = 0; h < 24; h++) {
      AirReading reading =
          reading(city + "-01", city, date.atTime(h, 0))
              .setSo2(10.0).setNo2(30.0).setPm10(pm10).setPm25(pm25).setCo(0.8).setO3(80.0)
              .build();
      state = apply(state, reading);
    }
    return state;
  }

  private static CityDayAggregation listing(DustRule rule, Designation... days) {
    return new CityDayAggregation(BEIJING, ValidityRules.defaults(), rule, new DustDays(Set.of(days)));
  }

  @Test
  void shouldFlagAListedDayThatTheRuleWouldNot() {
    // PM10 100 is below the rule's 150 (and 60/100 = 0.6 is not below 0.35): only the list can flag this day
    CityDayState binzhou = fullDay("binzhou", MAR_1, 100, 60);
    CityDayState jinan = fullDay("jinan", MAR_1, 100, 60);

    CityDayAggregation listed = listing(DustRule.defaults(), new Designation("binzhou", MAR_1));
    assertThat(listed.figure(binzhou).getDustAffected()).isTrue();
    assertThat(listed.figure(jinan).getDustAffected()).as("another city the same day").isFalse();
    assertThat(listed.figure(fullDay("binzhou", MAR_3, 100, 60)).getDustAffected())
        .as("the listed city another day")
        .isFalse();

    CityDayAggregation everyCity = listing(DustRule.defaults(), new Designation(DustDays.EVERY_CITY, MAR_1));
    assertThat(everyCity.figure(binzhou).getDustAffected()).isTrue();
    assertThat(everyCity.figure(jinan).getDustAffected()).isTrue();
  }

  @Test
  void shouldFlagByTheListOrTheRuleAndByTheListAloneWhenTheRuleIsOff() {
    // PM10 200, PM2.5 50: 50/200 = 0.25 < 0.35, a dust day by the rule
    CityDayState coarse = fullDay("jinan", MAR_1, 200, 50);
    CityDayState listedDay = fullDay("binzhou", MAR_1, 100, 60);
    Designation binzhou = new Designation("binzhou", MAR_1);

    CityDayAggregation listOrRule = listing(DustRule.defaults(), binzhou);
    assertThat(listOrRule.figure(coarse).getDustAffected()).isTrue();
    assertThat(listOrRule.figure(listedDay).getDustAffected()).isTrue();

    CityDayAggregation listOnly = listing(DustRule.flagsOnly(), binzhou);
    assertThat(listOnly.figure(coarse).getDustAffected()).isFalse();
    assertThat(listOnly.figure(listedDay).getDustAffected()).isTrue();
  }

  @Test
  void shouldDeductAListedDayFromTheDustDeductedPeriodMeans() {
    // 1-3 March: PM2.5 40, 60, 110 and PM10 80, 120, 140; no day reaches PM10 150, 3 March is listed
    CityDayAggregation listed = listing(DustRule.defaults(), new Designation("binzhou", MAR_3));
    CityYearState year = CityPeriods.emptyYear("binzhou", 2024);
    CityPeriods.put(year, listed.figure(fullDay("binzhou", MAR_1, 80, 40)));
    CityPeriods.put(year, listed.figure(fullDay("binzhou", LocalDate.of(2024, 3, 2), 120, 60)));
    CityPeriods.put(year, listed.figure(fullDay("binzhou", MAR_3, 140, 110)));

    CityPeriod march = new CityPeriods(PeriodRules.defaults()).figures(year, null, MAR_3).get(0);

    assertThat(march.getPeriod()).isEqualTo("2024-03");
    assertThat(march.getDustDays()).isEqualTo(1);
    assertThat(march.getPm25()).isEqualTo(70.0); // (40 + 60 + 110) / 3
    assertThat(march.getPm25Dust()).isEqualTo(50.0); // (40 + 60) / 2
    assertThat(march.getPm10()).isEqualTo(113.0); // (80 + 120 + 140) / 3 = 113.3
    assertThat(march.getPm10Dust()).isEqualTo(100.0); // (80 + 120) / 2
  }
}
