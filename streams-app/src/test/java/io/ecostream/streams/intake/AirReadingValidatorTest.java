package io.ecostream.streams.intake;

import static io.ecostream.streams.AirReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AirReadingValidatorTest {

  private static final LocalDateTime TEN_AM = LocalDateTime.of(2024, 1, 15, 10, 0);

  private final AirReadingValidator validator = new AirReadingValidator();

  @Test
  void shouldAcceptAPlausibleReading() {
    AirReading reading =
        reading("BZ-A01", "binzhou", TEN_AM).setPm25(80.0).setPm10(120.0).setCo(1.2).build();

    assertThat(validator.check(reading)).isEmpty();
  }

  @Test
  void shouldAcceptZeroConcentrations() {
    assertThat(validator.check(reading("BZ-A01", "binzhou", TEN_AM).setSo2(0.0).build())).isEmpty();
  }

  @Test
  void shouldLeaveNegativeSentinelAndOutOfRangeValuesToQualityControl() {
    // quality control flags them one by one; the rest of the reading still counts
    AirReading reading =
        reading("BZ-A01", "binzhou", TEN_AM).setPm25(-3.0).setPm10(9999.0).setCo(151.0).build();

    assertThat(validator.check(reading)).isEmpty();
  }

  @Test
  void shouldRejectNotANumber() {
    AirReading reading = reading("BZ-A01", "binzhou", TEN_AM).setO3(Double.NaN).build();

    assertThat(validator.check(reading))
        .hasValueSatisfying(r -> assertThat(r.detail()).isEqualTo("o3 is not a number: NaN"));
  }

  @Test
  void shouldRejectAReadingWithNoPollutant() {
    assertThat(validator.check(reading("BZ-A01", "binzhou", TEN_AM).build()))
        .hasValueSatisfying(r -> assertThat(r.detail()).isEqualTo("no pollutant measured"));
  }

  @Test
  void shouldRejectAHourStartOffTheHour() {
    AirReading reading =
        reading("BZ-A01", "binzhou", TEN_AM)
            .setHourStart(Instant.parse("2024-01-15T02:30:00Z"))
            .setPm25(10.0)
            .build();

    assertThat(validator.check(reading))
        .hasValueSatisfying(r -> assertThat(r.detail()).contains("is not on the hour"));
  }

  @Test
  void shouldRejectABlankStationOrCity() {
    assertThat(validator.check(reading(" ", "binzhou", TEN_AM).setPm25(1.0).build())).isPresent();
    assertThat(validator.check(reading("BZ-A01", "", TEN_AM).setPm25(1.0).build())).isPresent();
  }

  @Test
  void shouldRejectAStationIdTooLongToTravelIntoEveryOutputKey() {
    AirReading reading =
        reading("BZ-" + "A".repeat(1_000_000), "binzhou", TEN_AM).setPm25(80.0).build();

    assertThat(validator.check(reading))
        .hasValue(Rejection.invalid("stationId is 1000003 characters long, at most 64 allowed"));
  }

  @Test
  void shouldRejectACityIdTooLong() {
    AirReading reading = reading("BZ-A01", "b".repeat(65), TEN_AM).setPm25(80.0).build();

    assertThat(validator.check(reading))
        .hasValue(Rejection.invalid("cityId is 65 characters long, at most 64 allowed"));
  }
}
