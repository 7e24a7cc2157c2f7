package io.ecostream.streams.air;

import static io.ecostream.streams.AirReadings.BEIJING;
import static io.ecostream.streams.AirReadings.pm25;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.CityDayPm25State;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CityDailyPm25Test {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  private final CityDailyPm25 cityDaily = new CityDailyPm25(BEIJING, 20);

  private static LocalDateTime hour(int h) {
    return DAY.atTime(h, 0);
  }

  private CityDayPm25State apply(CityDayPm25State state, AirReading reading) {
    return cityDaily.add(cityDaily.key(reading), reading, state);
  }

  @Test
  void shouldKeyByCityAndBeijingLocalDate() {
    // 00:00-01:00 Beijing time on the 15th is 16:00 UTC on the 14th: it belongs to the 15th.
    AirReading firstHour = pm25("BZ-A01", "binzhou", hour(0), 10);
    assertThat(firstHour.getHourStart()).hasToString("2024-01-14T16:00:00Z");

    assertThat(cityDaily.key(firstHour)).isEqualTo("binzhou@2024-01-15");
    assertThat(cityDaily.key(pm25("BZ-A01", "binzhou", hour(23), 10)))
        .isEqualTo("binzhou@2024-01-15");
  }

  @Test
  void shouldAverageTheDailyMeansOfTheValidStationsOnly() {
    CityDayPm25State state = CityDailyPm25.initial();
    for (int h = 0; h < 24; h++) {
      state = apply(state, pm25("BZ-A01", "binzhou", hour(h), h < 12 ? 40 : 60)); // mean 50
    }
    for (int h = 0; h < 20; h++) {
      state = apply(state, pm25("BZ-A02", "binzhou", hour(h), 30)); // 20 hours: valid, mean 30
    }
    for (int h = 0; h < 19; h++) {
      state = apply(state, pm25("BZ-A03", "binzhou", hour(h), 100)); // 19 hours: not valid
    }

    CityDaily figure = cityDaily.figure(state);

    assertThat(figure.getCityId()).isEqualTo("binzhou");
    assertThat(figure.getDate()).isEqualTo(DAY);
    assertThat(figure.getPm25()).isEqualTo(40.0); // (50 + 30) / 2
    assertThat(figure.getStationsReporting()).isEqualTo(3);
    assertThat(figure.getStationsValid()).isEqualTo(2);
    assertThat(figure.getHoursReported()).isEqualTo(24 + 20 + 19);
    assertThat(figure.getRevision()).isEqualTo(63);
  }

  @Test
  void shouldCountARepeatedStationHourOnceAndKeepTheRevision() {
    CityDayPm25State state = apply(CityDailyPm25.initial(), pm25("BZ-A01", "binzhou", hour(5), 40));
    state = apply(state, pm25("BZ-A01", "binzhou", hour(5), 40));

    CityDaily figure = cityDaily.figure(state);
    assertThat(figure.getHoursReported()).isEqualTo(1);
    assertThat(figure.getRevision()).isEqualTo(1);
  }

  @Test
  void shouldReplaceACorrectedStationHourAndRaiseTheRevision() {
    CityDayPm25State state = CityDailyPm25.initial();
    for (int h = 0; h < 24; h++) {
      state = apply(state, pm25("BZ-A01", "binzhou", hour(h), 48));
    }
    state = apply(state, pm25("BZ-A01", "binzhou", hour(7), 96)); // 23 x 48 + 96 = 1200

    CityDaily figure = cityDaily.figure(state);
    assertThat(figure.getPm25()).isEqualTo(50.0); // 1200 / 24
    assertThat(figure.getHoursReported()).isEqualTo(24);
    assertThat(figure.getRevision()).isEqualTo(25);
  }

  @Test
  void shouldHaveNoCityValueWhileNoStationHasAValidDay() {
    CityDayPm25State state = apply(CityDailyPm25.initial(), pm25("BZ-A01", "binzhou", hour(0), 40));

    CityDaily figure = cityDaily.figure(state);
    assertThat(figure.getPm25()).isNull();
    assertThat(figure.getStationsReporting()).isEqualTo(1);
    assertThat(figure.getStationsValid()).isZero();
  }
}
