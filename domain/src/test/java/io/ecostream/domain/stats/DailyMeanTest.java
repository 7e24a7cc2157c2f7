package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DailyMeanTest {

  private static double[] day(int hoursPresent, double value) {
    double[] hourly = new double[24];
    Arrays.fill(hourly, Double.NaN);
    Arrays.fill(hourly, 0, hoursPresent, value);
    return hourly;
  }

  @Test
  void shouldAverageTheHoursPresent() {
    double[] hourly = day(20, 30.0);
    hourly[20] = 70.0; // 20 x 30 + 70 = 670 over 21 hours
    assertThat(DailyMean.stationMean(hourly, 20)).isEqualTo(670.0 / 21);
  }

  @Test
  void shouldAcceptADayWithExactlyTwentyHours() {
    assertThat(DailyMean.stationMean(day(20, 42.0), DailyMean.DEFAULT_MIN_HOURS)).isEqualTo(42.0);
  }

  @Test
  void shouldRejectADayWithNineteenHours() {
    assertThat(DailyMean.stationMean(day(19, 42.0), DailyMean.DEFAULT_MIN_HOURS)).isNaN();
  }

  @Test
  void shouldAverageOnlyValidStationsForTheCity() {
    assertThat(DailyMean.cityMean(new double[] {40.0, Double.NaN, 50.0})).isEqualTo(45.0);
    assertThat(DailyMean.cityMean(new double[] {Double.NaN})).isNaN();
    assertThat(DailyMean.cityMean(new double[0])).isNaN();
  }
}
