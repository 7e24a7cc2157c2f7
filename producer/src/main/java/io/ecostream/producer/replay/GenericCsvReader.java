package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * ecostream's own CSV layout for readings from anywhere else. Columns are found by name, in any
 * order; unknown columns are ignored.
 *
 * <ul>
 *   <li>Required: {@code station_id}, {@code city_id} (lower-case pinyin, e.g. {@code binzhou}) and
 *       {@code hour_start}: the START of the averaging hour as a local date-time in Asia/Shanghai,
 *       {@code 2024-01-15T10:00} (or with a space instead of the T). <b>Hour-beginning</b>, always:
 *       convert an hour-ending source before writing this file. A time that is not on the hour is a
 *       bad line.
 *   <li>At least one of {@code pm25, pm10, so2, no2, co, o3}: µg/m³, CO mg/m³. A blank cell (or
 *       {@code NA}) is a missing value.
 *   <li>Optional, for the station's metadata (taken from its first row): {@code station_name}
 *       (default: the id), {@code city_name} and {@code province} (default: from the station
 *       catalogue for its 16 Shandong cities, else the city id and none).
 * </ul>
 */
final class GenericCsvReader extends CsvReadingReader<AirReading> implements AirReadingReader {

  static final HourConvention HOURS = HourConvention.HOUR_BEGINNING;

  static final String[] POLLUTANTS = {"pm25", "pm10", "so2", "no2", "co", "o3"};

  private final ZoneId zone;
  private final StationCatalog catalog;
  private final int stationId;
  private final int cityId;
  private final int hourStart;
  private final int[] pollutants = new int[POLLUTANTS.length];
  private final int stationName;
  private final int cityName;
  private final int province;
  private String lastTime;
  private Instant lastStart;

  GenericCsvReader(
      InputFile input, CsvHeader header, BadLines badLines, ZoneId zone, StationCatalog catalog)
      throws ReplayFileException {
    super(input, header.size(), badLines);
    this.zone = zone;
    this.catalog = catalog;
    int[] required = header.require("csv", "station_id", "city_id", "hour_start");
    stationId = required[0];
    cityId = required[1];
    hourStart = required[2];
    boolean anyPollutant = false;
    for (int i = 0; i < POLLUTANTS.length; i++) {
      pollutants[i] = header.find(POLLUTANTS[i]);
      anyPollutant |= pollutants[i] >= 0;
    }
    if (!anyPollutant) {
      throw header.error(
          "not a csv file: no pollutant column (" + String.join(", ", POLLUTANTS) + ")");
    }
    stationName = header.find("station_name");
    cityName = header.find("city_name");
    province = header.find("province");
  }

  @Override
  void line(String[] cells) throws BadLineException {
    String station = cells[stationId].strip();
    String city = cells[cityId].strip();
    if (station.isEmpty() || city.isEmpty()) {
      throw new BadLineException(
          BadLineReason.MISSING_STATION, station.isEmpty() ? "empty station_id" : "empty city_id");
    }
    Instant start = hourStart(cells[hourStart]);
    Double[] values = new Double[POLLUTANTS.length];
    for (int i = 0; i < POLLUTANTS.length; i++) {
      values[i] = pollutants[i] < 0 ? null : concentration(cells[pollutants[i]], POLLUTANTS[i]);
    }
    station(station, () -> metadata(station, city, cells));
    emit(
        new AirReading(
            station, city, start, values[0], values[1], values[2], values[3], values[4],
            values[5]));
  }

  private Instant hourStart(String cell) throws BadLineException {
    if (cell.equals(lastTime)) {
      return lastStart;
    }
    LocalDateTime local = localDateTime(cell, "hour_start");
    if (local.getMinute() != 0 || local.getSecond() != 0 || local.getNano() != 0) {
      throw new BadLineException(
          BadLineReason.BAD_TIME, "hour_start '" + cell + "' is not on the hour");
    }
    lastTime = cell;
    lastStart = local.atZone(zone).toInstant();
    return lastStart;
  }

  private Station metadata(String station, String city, String[] cells) {
    Optional<City> known = catalog.city(city);
    return Station.newBuilder()
        .setStationId(station)
        .setName(optional(cells, stationName).orElse(station))
        .setKind(StationKind.AIR)
        .setCityId(city)
        .setCityName(optional(cells, cityName).or(() -> known.map(City::nameZh)).orElse(city))
        .setProvince(
            optional(cells, province)
                .or(() -> known.map(c -> StationCatalog.PROVINCE))
                .orElse(null))
        .setTimeZone(zone.getId())
        .build();
  }

  private static Optional<String> optional(String[] cells, int column) {
    if (column < 0) {
      return Optional.empty();
    }
    String value = cells[column].strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
