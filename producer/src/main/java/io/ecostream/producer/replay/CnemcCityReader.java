package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CNEMC city files ({@code shandong_cities_2022.csv.gz}): the hourly city figures of the
 * national real-time publishing platform in long ("tidy") layout, {@code
 * date,hour,type,city_en,city_zh,value}, sorted by date, hour, type and city.
 *
 * <ul>
 *   <li>Each city is replayed as one station: id {@code SD-<city_en>-city} (e.g. {@code
 *       SD-Binzhou-city}), city id {@code city_en} in lower case ({@code binzhou}, the simulator's
 *       ids), province {@code Shandong}, coordinates of the city centre from the station catalogue.
 *       A city outside the catalogue gets id {@code CN-<city_en>-city} and no province.
 *   <li>Only the 1-hour types {@code PM2.5, PM10, SO2, NO2, CO, O3} are read (µg/m³, CO mg/m³, as
 *       published). The platform's derived types ({@code AQI}, {@code *_24h}, {@code O3_8h}, …) are
 *       skipped: the pipeline derives them itself. A type the format does not know is a bad line.
 *   <li><b>Hour-ending</b>: hour h labels (h−1):00–h:00 Beijing time, hour 0 of day D+1 is
 *       23:00–24:00 of D (CNEMC: "16时的小时均值为15:00-16:00的算术平均值").
 *   <li>A missing value has no row, so it is null in the reading; a city with no 1-hour value in an
 *       hour gives no reading. The rows of one hour are gathered into one reading per city; since
 *       the file is sorted by date and hour, only the current hour is buffered. A row earlier than
 *       the hour being gathered is a bad line.
 * </ul>
 */
final class CnemcCityReader extends CsvReadingReader<AirReading> implements AirReadingReader {

  static final HourConvention HOURS = HourConvention.HOUR_ENDING;

  /** The 1-hour types, in the order of the AirReading fields pm25 … o3. */
  static final Map<String, Integer> HOURLY =
      Map.of("PM2.5", 0, "PM10", 1, "SO2", 2, "NO2", 3, "CO", 4, "O3", 5);

  /** The platform's derived types: skipped, the pipeline derives them itself. */
  static final Set<String> DERIVED =
      Set.of(
          "AQI",
          "PM2.5_24h",
          "PM10_24h",
          "SO2_24h",
          "NO2_24h",
          "CO_24h",
          "O3_8h",
          "O3_8h_24h",
          "O3_24h");

  private final ZoneId zone;
  private final StationCatalog catalog;
  private final Map<String, String> stationIds = new HashMap<>();
  private final int date;
  private final int hour;
  private final int type;
  private final int cityEn;
  private final int cityZh;
  private final int value;

  /** The hour being gathered, and its values per station id. */
  private final GatheredHour gathered = new GatheredHour();

  private final Map<String, Values> group = new TreeMap<>();

  CnemcCityReader(
      InputFile input, CsvHeader header, BadLines badLines, ZoneId zone, StationCatalog catalog)
      throws ReplayFileException {
    super(input, header.size(), badLines);
    this.zone = zone;
    this.catalog = catalog;
    int[] columns =
        header.require("cnemc-city", "date", "hour", "type", "city_en", "city_zh", "value");
    date = columns[0];
    hour = columns[1];
    type = columns[2];
    cityEn = columns[3];
    cityZh = columns[4];
    value = columns[5];
  }

  @Override
  void line(String[] cells) throws BadLineException {
    String typeName = cells[type].strip();
    Integer pollutant = HOURLY.get(typeName);
    if (pollutant == null) {
      if (DERIVED.contains(typeName)) {
        return;
      }
      throw new BadLineException(BadLineReason.UNKNOWN_TYPE, "'" + typeName + "'");
    }
    String cityName = cells[cityEn].strip();
    if (cityName.isEmpty()) {
      throw new BadLineException(BadLineReason.MISSING_STATION, "empty city_en");
    }
    Double concentration = concentration(cells[value], typeName);
    enterHour(cells[date], cells[hour]);
    if (concentration == null) {
      return;
    }
    String stationId = stationIds.computeIfAbsent(cityName, this::stationIdOf);
    Values values = group.get(stationId);
    if (values == null) {
      Station station = station(stationId, () -> metadata(stationId, cityName, cells[cityZh]));
      values = new Values(station.getCityId());
      group.put(stationId, values);
    }
    if (values.of[pollutant] != null) {
      throw new BadLineException(
          BadLineReason.DUPLICATE, typeName + " of " + cityName + " given twice in this hour");
    }
    values.of[pollutant] = concentration;
  }

  /** Makes the row's hour the one being gathered, emitting the previous one when it is over. */
  private void enterHour(String dateCell, String hourCell) throws BadLineException {
    if (!gathered.holds(dateCell, hourCell)) {
      gathered.enter(dateCell, hourCell, hourStart(dateCell, hourCell), this::emitGroup);
    }
  }

  private Instant hourStart(String dateCell, String hourCell) throws BadLineException {
    try {
      return HOURS.hourStart(LocalDate.parse(dateCell.strip()), integer(hourCell, "hour"), zone);
    } catch (DateTimeException e) {
      throw new BadLineException(BadLineReason.BAD_TIME, dateCell + " hour " + hourCell);
    }
  }

  @Override
  void end() {
    gathered.end(this::emitGroup);
  }

  private void emitGroup(Instant hourStart) {
    group.forEach(
        (stationId, v) ->
            emit(
                new AirReading(
                    stationId, v.cityId, hourStart, v.of[0], v.of[1], v.of[2], v.of[3], v.of[4],
                    v.of[5])));
    group.clear();
  }

  private String stationIdOf(String cityName) {
    return (known(cityName).isPresent() ? "SD-" : "CN-") + cityName + "-city";
  }

  private Optional<City> known(String cityName) {
    return catalog.city(cityIdOf(cityName));
  }

  private Station metadata(String stationId, String cityName, String chineseName) {
    Optional<City> city = known(cityName);
    String zh = chineseName.strip().isEmpty() ? cityName : chineseName.strip();
    return Station.newBuilder()
        .setStationId(stationId)
        .setName(zh + " city mean")
        .setKind(StationKind.AIR)
        .setCityId(cityIdOf(cityName))
        .setCityName(city.map(City::nameZh).orElse(zh))
        .setProvince(city.isPresent() ? StationCatalog.PROVINCE : null)
        .setLatitude(city.map(City::latitude).orElse(null))
        .setLongitude(city.map(City::longitude).orElse(null))
        .setTimeZone(zone.getId())
        .setNational(true)
        .build();
  }

  /** The six 1-hour values of one city in the hour being gathered; null = no row. */
  private static final class Values {
    final String cityId;
    final Double[] of = new Double[HOURLY.size()];

    Values(String cityId) {
      this.cityId = cityId;
    }
  }
}
