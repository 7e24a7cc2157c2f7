package io.ecostream.producer.catalog;

import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;

/** An ambient-air station; all are national-control stations. */
public record AirStation(String id, City city, String name, double latitude, double longitude) {

  public Station toAvro() {
    return new Station(
        id,
        name,
        StationKind.AIR,
        city.id(),
        city.nameZh(),
        StationCatalog.PROVINCE,
        latitude,
        longitude,
        StationCatalog.TIME_ZONE.getId(),
        true,
        null,
        null,
        false,
        null);
  }
}
