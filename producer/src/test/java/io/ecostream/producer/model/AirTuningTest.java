package io.ecostream.producer.model;

import static io.ecostream.producer.fixtures.Simulations.SEED;
import static io.ecostream.producer.fixtures.Simulations.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.ecostream.avro.AirReading;
import io.ecostream.producer.fixtures.RecordingSink;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The knobs of the air model: no effect at their defaults, each moving what it is meant to. */
class AirTuningTest {

  private static final LocalDate WINTER = LocalDate.of(2023, 1, 1);

  /** No haze episodes in summer, whose absolute peaks would not scale with the PM level. */
  private static final LocalDate SUMMER = LocalDate.of(2023, 6, 1);

  private static List<AirReading> binzhou(Map<String, AirTuning> tuning) {
    return binzhou(WINTER, tuning);
  }

  private static List<AirReading> binzhou(LocalDate from, Map<String, AirTuning> tuning) {
    RecordingSink sink = new RecordingSink();
    days(SEED, from, 60)
        .water(false)
        .cities(List.of("binzhou"))
        .airTuning(tuning)
        .build(sink)
        .run();
    return sink.air;
  }

  private static double mean(List<AirReading> readings, ToDoubleFunction<AirReading> value) {
    return readings.stream().mapToDouble(value).average().orElseThrow();
  }

  /** Spread of the log values: what the spread knob widens. */
  private static double logSd(List<AirReading> readings, ToDoubleFunction<AirReading> value) {
    double m =
        readings.stream()
            .mapToDouble(r -> Math.log(value.applyAsDouble(r)))
            .average()
            .orElseThrow();
    double v =
        readings.stream()
            .mapToDouble(r -> Math.pow(Math.log(value.applyAsDouble(r)) - m, 2))
            .average()
            .orElseThrow();
    return Math.sqrt(v);
  }

  @Test
  void shouldLeaveTheReadingsUnchangedAtTheDefaults() {
    assertThat(binzhou(Map.of("binzhou", AirTuning.NONE))).isEqualTo(binzhou(Map.of()));
  }

  @Test
  void shouldScaleThePmButNotTheGases() {
    List<AirReading> calibrated = binzhou(SUMMER, Map.of());
    List<AirReading> scaled = binzhou(SUMMER, Map.of("binzhou", AirTuning.NONE.withPm(1.2)));

    assertThat(mean(scaled, AirReading::getPm25) / mean(calibrated, AirReading::getPm25))
        .isCloseTo(1.2, offset(0.01));
    assertThat(mean(scaled, AirReading::getPm10) / mean(calibrated, AirReading::getPm10))
        .isCloseTo(1.2, offset(0.01));
    assertThat(mean(scaled, AirReading::getNo2)).isEqualTo(mean(calibrated, AirReading::getNo2));
  }

  @Test
  void shouldScaleTheGasesAndTheOzoneApart() {
    List<AirReading> calibrated = binzhou(Map.of());
    List<AirReading> scaled = binzhou(Map.of("binzhou", AirTuning.NONE.withGases(0.8).withO3(1.1)));

    assertThat(mean(scaled, AirReading::getNo2) / mean(calibrated, AirReading::getNo2))
        .isCloseTo(0.8, offset(0.01));
    assertThat(mean(scaled, AirReading::getSo2) / mean(calibrated, AirReading::getSo2))
        .isCloseTo(0.8, offset(0.02));
    assertThat(mean(scaled, AirReading::getO3) / mean(calibrated, AirReading::getO3))
        .isCloseTo(1.1, offset(0.01));
    assertThat(mean(scaled, AirReading::getPm25)).isEqualTo(mean(calibrated, AirReading::getPm25));
  }

  @Test
  void shouldWidenTheSpreadAndKeepTheMean() {
    List<AirReading> wide = binzhou(Map.of("binzhou", AirTuning.NONE.withSpread(1.3).withHaze(0)));
    List<AirReading> noHaze = binzhou(Map.of("binzhou", AirTuning.NONE.withHaze(0)));

    assertThat(logSd(wide, AirReading::getNo2))
        .isGreaterThan(1.2 * logSd(noHaze, AirReading::getNo2));
    assertThat(mean(wide, AirReading::getNo2) / mean(noHaze, AirReading::getNo2))
        .isCloseTo(1, offset(0.08));
  }

  @Test
  void shouldTakeTheHazePeaksAway() {
    double calibrated =
        binzhou(Map.of()).stream().mapToDouble(AirReading::getPm25).max().orElseThrow();
    double noHaze =
        binzhou(Map.of("binzhou", AirTuning.NONE.withHaze(0))).stream()
            .mapToDouble(AirReading::getPm25)
            .max()
            .orElseThrow();

    assertThat(noHaze).isLessThan(0.8 * calibrated);
  }

  @Test
  void shouldRejectAScaleOfZero() {
    assertThatThrownBy(() -> AirTuning.NONE.withPm(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pm must be a finite number above 0, got 0.0");
  }
}
