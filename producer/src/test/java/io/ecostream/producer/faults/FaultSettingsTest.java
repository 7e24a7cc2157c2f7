package io.ecostream.producer.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSettingsTest {

  @Test
  void shouldTurnEveryFaultOffByDefault() {
    assertThat(FaultSettings.NONE.any()).isFalse();
    assertThat(FaultSettings.NONE.enabled()).isEmpty();
    assertThat(FaultSettings.REALISTIC.enabled()).containsExactly(FaultKind.values());
  }

  @Test
  void shouldChangeOneRateAndKeepTheOthers() {
    FaultSettings settings = FaultSettings.REALISTIC.withRate(FaultKind.OUT_OF_ORDER, 0.5);

    assertThat(settings.outOfOrder()).isEqualTo(0.5);
    assertThat(settings.withRate(FaultKind.OUT_OF_ORDER, FaultSettings.REALISTIC.outOfOrder()))
        .isEqualTo(FaultSettings.REALISTIC);
    for (FaultKind kind : FaultKind.values()) {
      assertThat(FaultSettings.NONE.withRate(kind, 0.25).enabled()).containsExactly(kind);
    }
  }

  @Test
  void shouldRejectRatesOutsideZeroToOneAndClocksThatAreNotAhead() {
    assertThatThrownBy(() -> FaultSettings.NONE.withRate(FaultKind.SPIKE, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the spike rate must be between 0 and 1, got 1.5");
    assertThatThrownBy(() -> FaultSettings.NONE.withRate(FaultKind.LATE, Double.NaN))
        .hasMessage("the late rate must be between 0 and 1, got NaN");
    assertThatThrownBy(() -> FaultSettings.NONE.withFastClockHours(0))
        .hasMessage("a fast clock must be 1-8760 hours ahead, got 0");
  }
}
