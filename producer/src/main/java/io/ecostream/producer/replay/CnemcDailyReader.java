package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.producer.catalog.ChinaCity;
import io.ecostream.producer.catalog.ChinaCityCatalog;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The national platform's daily city files ({@code china_cities_20220101.csv.gz}) as they are
 * published: one file per day, wide layout {@code date,hour,type,北京,天津,…}, one row per hour and
 * type with a column per city, {@code date} written {@code YYYYMMDD}, rows sorted by hour.
 *
 * <ul>
 *   <li>Each city column is replayed as one station of its city: station id {@code
 *       CN-<cityId>-city} (e.g. {@code CN-jinan-city}), city id, Chinese name, province and level
 *       from the bundled {@link ChinaCityCatalog}; the 16 Shandong cities keep the simulator's city
 *       ids and coordinates. Columns are found by name in each file's own header, so a column that
 *       appears or disappears between days, or moves, is read correctly. A column the catalogue
 *       does not know is left out and counted in {@link #skipped()}: it has no province to rank it
 *       in.
 *   <li>Only the 1-hour types {@code PM2.5, PM10, SO2, NO2, CO, O3} are read (µg/m³, CO mg/m³). The
 *       hourly {@code AQI} and the derived types of the 15-type originals ({@code *_24h}, {@code
 *       O3_8h}, …) are skipped; another type is a bad line.
 *   <li><b>Hour-ending</b>, as for cnemc-city: hour h labels (h−1):00–h:00 Beijing time, so hour 0
 *       of a day's file is 23:00–24:00 of the day before.
 *   <li>An empty cell is a missing value (null in the reading); a city with no 1-hour value in an
 *       hour gives no reading. A row is taken whole or not at all: a cell that is not a number, a
 *       type given twice in an hour or a row earlier than the hour being gathered makes the row a
 *       bad line.
 * </ul>
 *
 * <p>Days given in any order are sent in event-time order without sorting the files by name: each
 * file is its own reader and {@link Replay} merges the readers by event time, so the order comes
 * from the rows themselves, and a renamed or merged file still falls into place. Only one hour of a
 * file is buffered; the price of the merge is that every file is open at once, with about 300 kB of
 * buffers each (both years, 730 files, replay in the launcher's 1 GB heap).
 */
final class CnemcDailyReader extends CsvReadingReader<AirReading> implements AirReadingReader {

  static final HourConvention HOURS = HourConvention.HOUR_ENDING;

  /**
   * The list of columns that comes with the files, left out of a directory: the catalogue bundled
   * in the producer was built from it.
   */
  static final String CITIES = "cities.csv";

  /** Station ids of the cities: {@code CN-<cityId>-city}, national like the city ids. */
  static String stationId(String cityId) {
    return "CN-" + cityId + "-city";
  }

  private static final String UNKNOWN_COLUMN = "values of columns not in the city catalogue";

  private final ZoneId zone;
  private final int date;
  private final int hour;
  private final int type;

  /** By column index; null for date, hour, type and the columns the catalogue does not know. */
  private final ChinaCity[] cities;

  /** City columns the catalogue does not know. */
  private final boolean[] unknown;

  private final Map<String, Long> skipped = new LinkedHashMap<>();

  /** The hour being gathered, and its values per column and type. */
  private final GatheredHour gathered = new GatheredHour();

  private final boolean[] typeSeen = new boolean[CnemcCityReader.HOURLY.size()];
  private final Double[][] group;

  CnemcDailyReader(InputFile input, CsvHeader header, BadLines badLines, ZoneId zone)
      throws ReplayFileException {
    super(input, header.size(), badLines);
    this.zone = zone;
    int[] columns = header.require("cnemc-daily", "date", "hour", "type");
    date = columns[0];
    hour = columns[1];
    type = columns[2];
    cities = new ChinaCity[header.size()];
    unknown = new boolean[header.size()];
    for (int i = 0; i < header.size(); i++) {
      if (i != date && i != hour && i != type) {
        cities[i] = ChinaCityCatalog.national().byName(header.name(i)).orElse(null);
        unknown[i] = cities[i] == null;
      }
    }
    group = new Double[header.size()][];
  }

  @Override
  void line(String[] cells) throws BadLineException {
    String typeName = cells[type].strip();
    Integer pollutant = CnemcCityReader.HOURLY.get(typeName);
    if (pollutant == null) {
      if (CnemcCityReader.DERIVED.contains(typeName)) {
        return;
      }
      throw new BadLineException(BadLineReason.UNKNOWN_TYPE, "'" + typeName + "'");
    }
    Instant start = hourStart(cells[date], cells[hour]);
    Double[] row = new Double[cells.length];
    int outside = 0;
    for (int i = 0; i < cells.length; i++) {
      if (cities[i] != null) {
        row[i] = concentration(cells[i], typeName + " of " + cities[i].nameZh());
      } else if (unknown[i] && !isMissing(cells[i])) {
        outside++;
      }
    }
    enterHour(cells[date], cells[hour], start);
    if (typeSeen[pollutant]) {
      throw new BadLineException(BadLineReason.DUPLICATE, typeName + " given twice in this hour");
    }
    typeSeen[pollutant] = true;
    for (int i = 0; i < row.length; i++) {
      if (row[i] != null) {
        if (group[i] == null) {
          group[i] = new Double[typeSeen.length];
        }
        group[i][pollutant] = row[i];
      }
    }
    if (outside > 0) {
      skipped.merge(UNKNOWN_COLUMN, (long) outside, Long::sum);
    }
  }

  /** Makes the row's hour the one being gathered, emitting the previous one when it is over. */
  private void enterHour(String dateCell, String hourCell, Instant start) throws BadLineException {
    if (!gathered.holds(dateCell, hourCell)) {
      gathered.enter(dateCell, hourCell, start, this::emitGroup);
    }
  }

  private Instant hourStart(String dateCell, String hourCell) throws BadLineException {
    try {
      LocalDate day = LocalDate.parse(dateCell.strip(), DateTimeFormatter.BASIC_ISO_DATE);
      return HOURS.hourStart(day, integer(hourCell, "hour"), zone);
    } catch (DateTimeException e) {
      throw new BadLineException(BadLineReason.BAD_TIME, dateCell + " hour " + hourCell);
    }
  }

  @Override
  void end() {
    gathered.end(this::emitGroup);
  }

  private void emitGroup(Instant hourStart) {
    for (int i = 0; i < group.length; i++) {
      Double[] v = group[i];
      if (v == null) {
        continue;
      }
      ChinaCity city = cities[i];
      String stationId = stationId(city.id());
      station(stationId, () -> metadata(stationId, city));
      emit(new AirReading(stationId, city.id(), hourStart, v[0], v[1], v[2], v[3], v[4], v[5]));
      group[i] = null;
    }
    Arrays.fill(typeSeen, false);
  }

  @Override
  public Map<String, Long> skipped() {
    return Map.copyOf(skipped);
  }

  private Station metadata(String stationId, ChinaCity city) {
    // The simulator's cities have coordinates; the national catalogue has none (yet).
    Optional<City> located = StationCatalog.shandong().city(city.id());
    return Station.newBuilder()
        .setStationId(stationId)
        .setName(city.nameZh() + " city mean")
        .setKind(StationKind.AIR)
        .setCityId(city.id())
        .setCityName(city.nameZh())
        .setProvince(city.province())
        .setLatitude(located.map(City::latitude).orElse(null))
        .setLongitude(located.map(City::longitude).orElse(null))
        .setTimeZone(zone.getId())
        .setNational(true)
        .build();
  }
}
