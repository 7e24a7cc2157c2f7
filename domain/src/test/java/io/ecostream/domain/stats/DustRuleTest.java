package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DustRuleTest {

  @ParameterizedTest(name = "PM10 {0}, PM2.5 {1} → {2}")
  @CsvSource({
    "150, 52, true", // 52/150 = 0.347 < 0.35, PM10 on the threshold
    "149, 10, false", // PM10 below 150
    "200, 69, true", // 0.345
    "200, 70, false", // exactly 0.35 is not below it
    "200, 71, false",
    "600, 90, true",
    "NaN, 10, false",
    "200, NaN, false"
  })
  void shouldFlagCoarseParticleDaysByDefault(double pm10, double pm25, boolean dust) {
    assertThat(DustRule.defaults().matches(pm10, pm25)).isEqualTo(dust);
  }

  @Test
  void shouldFlagNothingFromDataWhenOnlyFlagsCount() {
    assertThat(DustRule.flagsOnly().matches(600, 90)).isFalse();
  }

  @Test
  void shouldUseTheConfiguredThresholds() {
    DustRule rule = new DustRule(true, 120, 0.5);
    assertThat(rule.matches(120, 59)).isTrue();
    assertThat(rule.matches(119, 10)).isFalse();
    assertThat(rule.matches(120, 60)).isFalse();
  }

  @Test
  void shouldRejectThresholdsThatAreNotPositive() {
    assertThatThrownBy(() -> new DustRule(true, 0, 0.35))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DustRule(true, 150, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
