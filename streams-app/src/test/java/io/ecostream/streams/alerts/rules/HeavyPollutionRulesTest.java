package io.ecostream.streams.alerts.rules;

import static io.ecostream.streams.alerts.rules.Figure.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeavyPollutionRulesTest {

  private final HeavyPollutionRules rules = HeavyPollutionRules.defaults();

  @Test
  void shouldDefaultToAqiAboveTwoHundredSixHoursForProvisionalAndTwoHoursToClose() {
    assertThat(rules).isEqualTo(new HeavyPollutionRules(200, 6, 2, 31));
  }

  @Test
  void shouldCountADayHeavyOnlyAboveTwoHundredWithAValidAqi() {
    assertThat(rules.heavy(day(15).daily(200).withRevision(1))).isFalse();
    assertThat(rules.heavy(day(15).daily(201).withRevision(1))).isTrue();
    assertThat(rules.heavy(day(15).running(300).noValidAqi().withRevision(1))).isFalse();
  }

  @Test
  void shouldCloseEarlierDaysFromTwoHoursPerReportingStation() {
    assertThat(rules.closesEarlierDays(day(16).stations(3).stationHours(5).withRevision(1)))
        .isFalse();
    assertThat(rules.closesEarlierDays(day(16).stations(3).stationHours(6).withRevision(1)))
        .isTrue();
    assertThat(rules.closesEarlierDays(day(16).stations(3).stationHours(0).withRevision(1)))
        .isFalse();
  }

  @Test
  void shouldRejectASettingOutOfRangeAndNameIt() {
    assertThatThrownBy(() -> new HeavyPollutionRules(200, 25, 2, 31))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heavy-pollution setting minHoursForProvisional must be in 0..24, got 25");
    assertThatThrownBy(() -> new HeavyPollutionRules(200, 6, 2, 0))
        .hasMessageContaining("correctionDays");
  }
}
