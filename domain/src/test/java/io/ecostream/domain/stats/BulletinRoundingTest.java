package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.air.Pollutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulletinRoundingTest {

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "PM2_5, 34.5, 34",
    "PM2_5, 35.5, 36",
    "PM2_5, 29.6, 30",
    "SO2, 0.5, 0",
    "O3, 169.5, 170",
    "NO2, 32.777777777777778, 33",
    "CO, 1.25, 1.2",
    "CO, 1.35, 1.4",
    "CO, 1.51, 1.5",
    "CO, 2.15, 2.2"
  })
  void shouldPublishConcentrationsAsIntegersAndCoToOneDecimal(
      Pollutant pollutant, double value, double expected) {
    assertThat(BulletinRounding.concentration(pollutant, value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "77.75, 77.8",
    "77.65, 77.6",
    "77.777777777777778, 77.8",
    "94.505494505494505, 94.5",
    "100, 100"
  })
  void shouldPublishRatiosToOneDecimal(double percent, double expected) {
    assertThat(BulletinRounding.ratio(percent)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // 3.675: the digit before the 5 is odd, so half to even rounds up; 3.665 rounds down.
    "3.675, 3.68",
    "3.665, 3.66",
    "4.7910714285714, 4.79",
    "5.1958333333333, 5.2",
    "10.008333333333, 10.01",
    "3.6749, 3.67"
  })
  void shouldPublishTheIndexToTwoDecimals(double index, double expected) {
    assertThat(BulletinRounding.index(index)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "-16.666666666666667, -16.7",
    "-16.65, -16.6",
    "-16.75, -16.8",
    "5.1428571428571, 5.1",
    "-8.25, -8.2"
  })
  void shouldPublishChangeRatesToOneDecimal(double percent, double expected) {
    assertThat(BulletinRounding.changeRate(percent)).isEqualTo(expected);
  }

  @Test
  void shouldPassMissingValuesThrough() {
    assertThat(BulletinRounding.concentration(Pollutant.CO, Double.NaN)).isNaN();
    assertThat(BulletinRounding.ratio(Double.NaN)).isNaN();
    assertThat(BulletinRounding.index(Double.NaN)).isNaN();
    assertThat(BulletinRounding.changeRate(Double.NaN)).isNaN();
  }
}
