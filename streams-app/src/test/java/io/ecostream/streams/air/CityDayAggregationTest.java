package io.ecostream.streams.air;

import static io.ecostream.streams.AirReadings.BEIJING;
import static io.ecostream.streams.AirReadings.pm25;
import static io.ecostream.streams.AirReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.CityDayState;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.domain.stats.ValidityRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CityDayAggregationTest {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  private final CityDayAggregation cityDay =
      new CityDayAggregation(BEIJING, ValidityRules.defaults(), DustRule.defaults());

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
}
