package io.ecostream.topics;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;

/**
 * The keys of the input topics. Air readings and water samples are keyed by city id: a city's state
 * (its stations' recent hours, hours, days, periods and alerts; its sections' months, periods and
 * alerts) lives in one Kafka Streams task, so the pipeline needs no repartition between a reading
 * and its city's figures. A reading or sample whose key is not its city id is still read correctly
 * (the pipeline re-keys it, at the cost of one more hop). Station records are keyed by station id,
 * since their topic is compacted: one record per station.
 */
public final class InputKeys {

  private InputKeys() {}

  public static String of(AirReading reading) {
    return reading.getCityId();
  }

  public static String of(WaterSample sample) {
    return sample.getCityId();
  }

  public static String of(Station station) {
    return station.getStationId();
  }
}
