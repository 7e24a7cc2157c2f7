package io.ecostream.domain.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PollutantTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "SO2, SO2, µg/m³",
    "NO2, NO2, µg/m³",
    "PM10, PM10, µg/m³",
    "PM2_5, PM2.5, µg/m³",
    "CO, CO, mg/m³",
    "O3, O3, µg/m³"
  })
  void shouldCarryLabelAndUnit(Pollutant pollutant, String label, String unit) {
    assertThat(pollutant.label()).isEqualTo(label);
    assertThat(pollutant.unit()).isEqualTo(unit);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "PM2.5, PM2_5",
    "PM2_5, PM2_5",
    "pm2.5, PM2_5",
    "Pm2_5, PM2_5",
    "PM10, PM10",
    "so2, SO2",
    "No2, NO2",
    "co, CO",
    "o3, O3"
  })
  void shouldFindThePollutantByLabelOrNameIgnoringCase(String label, Pollutant expected) {
    assertThat(Pollutant.fromLabel(label)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "PM1", "PM25", "O3_8H", "NOx"})
  void shouldRejectUnknownLabels(String label) {
    assertThatThrownBy(() -> Pollutant.fromLabel(label))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(label);
  }
}
