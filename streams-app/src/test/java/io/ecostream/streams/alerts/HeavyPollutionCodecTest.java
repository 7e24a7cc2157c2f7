package io.ecostream.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.CityDay;
import io.ecostream.domain.stats.DustDays;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.domain.stats.StationDay;
import io.ecostream.domain.stats.StationDayTally;
import io.ecostream.domain.stats.ValidityRules;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.air.CityDayFigure;
import io.ecostream.streams.alerts.rules.AlertChange;
import io.ecostream.streams.alerts.rules.CityAlertState;
import io.ecostream.streams.alerts.rules.CityDayUpdate;
import io.ecostream.streams.alerts.rules.HeavyPollutionRules;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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

  /** A station's day with every pollutant at the value in each of the first {@code hours} hours. */
  private static StationDayTally stationDay(int hours, double pm25, boolean allSix) {
    double[] day = StationDay.empty();
    for (int h = 0; h < hours; h++) {
      for (Pollutant pollutant : Pollutant.values()) {
        if (allSix || pollutant == Pollutant.PM2_5) {
          day[StationDay.index(pollutant, h)] = pollutant == Pollutant.PM2_5 ? pm25 : 10;
        }
      }
    }
    return StationDayTally.of(day);
  }

  /**
   * The city task hands the alerts the fields of the day without building its record: they must be
   * those that the published record carries, as this codec reads them.
   */
  @Test
  void shouldReadTheSameFiguresFromTheDayAsFromItsRecord() {
    CityDayFigure figures =
        new CityDayFigure(
            ValidityRules.defaults(), DustRule.defaults(), DustDays.none(), 2_000_000_000L);
    Instant at = Instant.parse("2024-01-16T02:00:00Z");
    for (CityDay day :
        List.of(
            // heavy and valid: PM2.5 250 → AQI 300, three stations of 24 hours
            figures.day(
                LocalDate.of(2024, 1, 15),
                List.of(
                    stationDay(24, 250, true),
                    stationDay(24, 250, true),
                    stationDay(24, 250, true))),
            // open: 7 hours, no valid daily AQI but a running one
            figures.day(LocalDate.of(2024, 1, 16), List.of(stationDay(7, 260, true))),
            // PM2.5 only: no AQI at all
            figures.day(LocalDate.of(2024, 1, 17), List.of(stationDay(24, 40, false))))) {
      CityDayUpdate direct = figures.alertUpdate("binzhou", day, 31, at);

      assertThat(direct)
          .isEqualTo(
              HeavyPollutionCodec.update(figures.figure("binzhou", day, 31), at.toEpochMilli()));
      assertThat(direct.revision()).isEqualTo(2_000_000_031L);
    }
    CityDayUpdate heavy =
        figures.alertUpdate(
            "binzhou",
            figures.day(LocalDate.of(2024, 1, 15), List.of(stationDay(24, 250, true))),
            1,
            at);
    // PM2.5 250 on the 2012 table: 200 + (300 - 200) * (250 - 150) / (250 - 150) = 300
    assertThat(heavy.aqi()).isEqualTo(300);
    assertThat(heavy.valid()).isTrue();
    assertThat(heavy.stationHours()).isEqualTo(24);
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
