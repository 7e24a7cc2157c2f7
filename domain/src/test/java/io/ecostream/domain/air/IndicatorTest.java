package io.ecostream.domain.air;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "SO2_24H, SO2, SO2_24H",
    "SO2_1H, SO2, SO2_1H",
    "NO2_24H, NO2, NO2_24H",
    "NO2_1H, NO2, NO2_1H",
    "PM10_24H, PM10, PM10_24H",
    "CO_24H, CO, CO_24H",
    "CO_1H, CO, CO_1H",
    "O3_1H, O3, O3_1H",
    "O3_8H, O3, O3_8H",
    "PM2_5_24H, PM2_5, PM2_5_24H",
    // HJ 633-2026 §4.2.4: PM 1-hour values on the daily breakpoints.
    "PM10_1H, PM10, PM10_24H",
    "PM2_5_1H, PM2_5, PM2_5_24H"
  })
  void shouldKnowItsPollutantAndBreakpointColumn(
      Indicator indicator, Pollutant pollutant, Indicator column) {
    assertThat(indicator.pollutant()).isEqualTo(pollutant);
    assertThat(indicator.breakpointColumn()).isEqualTo(column);
  }
}
