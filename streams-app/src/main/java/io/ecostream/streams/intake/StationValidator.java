package io.ecostream.streams.intake;

import io.ecostream.avro.Station;
import java.util.Optional;

/**
 * Checks that a decoded station record can place its station in a city (and province), with ids and
 * names of bounded length ({@link TextLimits}).
 */
public final class StationValidator implements Validator<Station> {

  @Override
  public Optional<Rejection> check(Station station) {
    if (isBlank(station.getStationId())) {
      return Optional.of(Rejection.invalid("stationId is blank"));
    }
    Optional<Rejection> tooLong =
        TextLimits.first(
            TextLimits.tooLong("stationId", station.getStationId(), TextLimits.MAX_ID_CHARS),
            TextLimits.tooLong("cityId", station.getCityId(), TextLimits.MAX_ID_CHARS),
            TextLimits.tooLong("province", station.getProvince(), TextLimits.MAX_ID_CHARS),
            TextLimits.tooLong("timeZone", station.getTimeZone(), TextLimits.MAX_ID_CHARS),
            TextLimits.tooLong("name", station.getName(), TextLimits.MAX_NAME_CHARS),
            TextLimits.tooLong("cityName", station.getCityName(), TextLimits.MAX_NAME_CHARS),
            TextLimits.tooLong(
                "waterBodyName", station.getWaterBodyName(), TextLimits.MAX_NAME_CHARS));
    if (tooLong.isPresent()) {
      return tooLong;
    }
    if (isBlank(station.getCityId())) {
      return Optional.of(
          Rejection.invalid("cityId is blank for station " + station.getStationId()));
    }
    if (station.getProvince() != null && station.getProvince().isBlank()) {
      return Optional.of(
          Rejection.invalid(
              "province is blank (leave it out if unknown) for station " + station.getStationId()));
    }
    return Optional.empty();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
