package io.ecostream.streams.water;

import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;

/**
 * What reaches a city's water task: a sample, or a Station record of one of its sections. Keyed by
 * city id.
 */
sealed interface CityWaterInput {

  record Sample(WaterSample sample) implements CityWaterInput {}

  record Section(Station station) implements CityWaterInput {}

  static CityWaterInput sample(WaterSample sample) {
    return new Sample(sample);
  }

  static CityWaterInput section(Station station) {
    return new Section(station);
  }
}
