package io.ecostream.streams.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.WaterSample;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaterSampleValidatorTest {

  private final WaterSampleValidator validator = new WaterSampleValidator();

  private static WaterSample.Builder sample() {
    return WaterSample.newBuilder()
        .setStationId("BZ-W01")
        .setCityId("binzhou")
        .setSampledAt(Instant.parse("2024-01-10T01:35:00Z"))
        .setMethod(SamplingMethod.MANUAL);
  }

  @Test
  void shouldAcceptASampleWithOneMeasuredItem() {
    assertThat(validator.check(sample().setAmmoniaNitrogen(0.0).build())).isEmpty();
  }

  @Test
  void shouldRejectANegativeConcentrationNamingTheField() {
    assertThat(validator.check(sample().setPh(7.5).setDissolvedOxygen(-1.0).build()))
        .get()
        .extracting(Rejection::detail)
        .isEqualTo("dissolvedOxygen is negative or not finite: -1.0");
  }

  @Test
  void shouldRejectAPhOffThePhScale() {
    assertThat(validator.check(sample().setPh(14.5).build()).map(Rejection::detail))
        .contains("ph is outside 0-14: 14.5");
    assertThat(validator.check(sample().setPh(14.0).build())).isEmpty();
  }

  @Test
  void shouldRejectASampleWithoutStationCityOrAnyValue() {
    assertThat(
            validator.check(sample().setStationId(" ").setPh(7.0).build()).map(Rejection::detail))
        .contains("stationId is blank");
    assertThat(validator.check(sample().setCityId("").setPh(7.0).build()).map(Rejection::detail))
        .contains("cityId is blank for station BZ-W01");
    assertThat(validator.check(sample().build()).map(Rejection::detail))
        .contains("nothing measured");
  }

  @Test
  void shouldRejectAStatusTooLongToCarryIntoTheFigures() {
    assertThat(validator.check(sample().setPh(7.5).setStatus("正常".repeat(200)).build()))
        .hasValue(Rejection.invalid("status is 400 characters long, at most 256 allowed"));
  }
}
