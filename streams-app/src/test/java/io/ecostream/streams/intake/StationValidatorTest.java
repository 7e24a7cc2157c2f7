package io.ecostream.streams.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import org.junit.jupiter.api.Test;

class StationValidatorTest {

  private final StationValidator validator = new StationValidator();

  private static Station.Builder station() {
    return Station.newBuilder()
        .setStationId("BZ-A01")
        .setName("市环保局")
        .setKind(StationKind.AIR)
        .setCityId("binzhou")
        .setCityName("滨州")
        .setProvince("Shandong");
  }

  @Test
  void shouldAcceptAStationWithACityAndProvince() {
    assertThat(validator.check(station().build())).isEmpty();
  }

  @Test
  void shouldRejectAStationWithoutACity() {
    assertThat(validator.check(station().setCityId(" ").build()))
        .hasValue(Rejection.invalid("cityId is blank for station BZ-A01"));
  }

  @Test
  void shouldRejectANameTooLongToCarryIntoTheFigures() {
    assertThat(validator.check(station().setName("n".repeat(300)).build()))
        .hasValue(Rejection.invalid("name is 300 characters long, at most 256 allowed"));
  }

  @Test
  void shouldRejectAProvinceTooLongForARankingKey() {
    assertThat(validator.check(station().setProvince("p".repeat(100)).build()))
        .hasValue(Rejection.invalid("province is 100 characters long, at most 64 allowed"));
  }
}
