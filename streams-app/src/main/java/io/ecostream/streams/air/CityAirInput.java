package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;

/**
 * What reaches a city's task: an air reading, or the province its air stations' Station records
 * give it (for the rankings). Keyed by city id.
 */
public sealed interface CityAirInput {

  record Reading(AirReading reading) implements CityAirInput {}

  record Province(String province) implements CityAirInput {}

  static CityAirInput reading(AirReading reading) {
    return new Reading(reading);
  }

  static CityAirInput province(String province) {
    return new Province(province);
  }
}
