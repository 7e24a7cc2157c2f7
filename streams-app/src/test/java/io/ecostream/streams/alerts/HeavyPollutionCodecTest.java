package io.ecostream.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.alerts.rules.AlertChange;
import io.ecostream.streams.alerts.rules.CityAlertState;
import io.ecostream.streams.alerts.rules.CityDayUpdate;
import io.ecostream.streams.alerts.rules.HeavyPollutionRules;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeavyPollutionCodecTest {

  private final AvroSerde<HeavyPollutionState> serde = AvroSerde.of(HeavyPollutionState.class);

  private static CityDayUpdate figure(int dayOfMonth, Integer running, Integer aqi, int hours) {
    return new CityDayUpdate(
        "binzhou",
        LocalDate.of(2024, 1, dayOfMonth),
        hours,
        running,
        aqi,
        aqi != null,
        3 * hours,
        3,
        Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * dayOfMonth + 3_600L * hours));
  }

  @Test
  void shouldRoundTripTheStateThroughTheStoreSerde() {
    HeavyPollutionTracker tracker = new HeavyPollutionTracker(HeavyPollutionRules.defaults());
    CityAlertState state = CityAlertState.empty("binzhou");
    // 15th heavy and confirmed (an episode), 16th provisional and open, with a null AQI
    for (CityDayUpdate update :
        new CityDayUpdate[] {
          figure(15, 230, 230, 24), figure(16, 240, null, 8),
        }) {
      state = tracker.next(state, update).state();
    }
    assertThat(state.closedThrough()).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(state.episodes()).hasSize(1);

    byte[] bytes =
        serde.serialize("heavy-pollution-store-changelog", HeavyPollutionCodec.toAvro(state));
    CityAlertState back = HeavyPollutionCodec.fromAvro(serde.deserialize("any", bytes));

    assertThat(back).isEqualTo(state);
  }

  @Test
  void shouldHaveAnAvroSymbolForEveryStatus() {
    assertThat(Arrays.stream(AlertChange.Status.values()).map(Enum::name))
        .containsExactlyElementsOf(Arrays.stream(AlertStatus.values()).map(Enum::name).toList());
  }
}
