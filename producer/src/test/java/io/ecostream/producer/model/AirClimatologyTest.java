package io.ecostream.producer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AirClimatologyTest {

  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  @Test
  void shouldSmoothMonthlyMeansWithoutChangingThem() {
    double[] binzhouPm25 = AirClimatology.bundled().monthlyMeans("binzhou", Pollutant.PM25);

    double[] daily = AirClimatology.daily(binzhouPm25);

    int first = 0;
    for (int m = 0; m < 12; m++) {
      double sum = 0;
      for (int d = first; d < first + DAYS_IN_MONTH[m]; d++) {
        sum += daily[d];
      }
      assertThat(sum / DAYS_IN_MONTH[m])
          .as("month %d", m + 1)
          .isCloseTo(binzhouPm25[m], within(0.5));
      first += DAYS_IN_MONTH[m];
    }
    // No step at the turn of a month: neighbouring days differ by little.
    for (int d = 1; d < 365; d++) {
      assertThat(Math.abs(daily[d] - daily[d - 1])).isLessThan(3);
    }
  }

  @Test
  void shouldPeakOzoneInTheAfternoonAndNitrogenDioxideAtNight() {
    AirClimatology climatology = AirClimatology.bundled();
    int july15 = 196;

    assertThat(climatology.diurnal(Pollutant.O3, july15, 15))
        .isGreaterThan(1.3)
        .isGreaterThan(climatology.diurnal(Pollutant.O3, july15, 5));
    assertThat(climatology.diurnal(Pollutant.NO2, july15, 21))
        .isGreaterThan(climatology.diurnal(Pollutant.NO2, july15, 13));
  }

  @Test
  void shouldKnowTheRealCitiesMonthlyLevels() {
    AirClimatology climatology = AirClimatology.bundled();

    assertThat(climatology.annualMean("weihai", Pollutant.PM25))
        .isLessThan(climatology.annualMean("binzhou", Pollutant.PM25))
        .isLessThan(climatology.annualMean("liaocheng", Pollutant.PM25));
    assertThat(climatology.monthlyMeans("binzhou", Pollutant.O3)[5])
        .isGreaterThan(2 * climatology.monthlyMeans("binzhou", Pollutant.O3)[0]);
  }
}
