package io.ecostream.streams.intake;

import io.ecostream.avro.Station;
import java.util.Optional;

/** Checks that a decoded station record can place its station in a city (and province). */
public final class StationValidator implements Validator<Station> {

  @Override
  public Optional<Rejection> check(Station station) {
    if (isBlank(station.getStationId())) {
      return Optional.of(Rejection.invalid("stationId is blank"));
    }
    if (isBlank(station.getCityId())) {
      return Optional.of(Rejection.invalid("cityId is blank for station " + station.getStationId()));
    }
    if (station.getProvince() != null && station.getProvince().isBlank()) {
      return Optional.of(
          Rejection.invalid("province is blank (leave it out if unknown) for station " + station.getStationId()));
    }
    return Optional.empty();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
