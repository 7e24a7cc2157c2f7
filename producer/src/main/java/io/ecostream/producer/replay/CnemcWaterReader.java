package io.ecostream.producer.replay;

import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readings of CNEMC's national automatic surface-water stations ({@code cnemc-water}, {@code
 * shandong_water_auto.csv.gz}), with the station list {@value #STATIONS} found next to the file.
 *
 * <ul>
 *   <li>Each row is a {@link SamplingMethod#AUTOMATIC} sample at {@code observed_at}, the
 *       platform's label of its 4-hour slot in Asia/Shanghai (00, 04, …, 20 h): an instant, not an
 *       hour. Items as published: water temperature °C, pH, DO, CODMn, NH3-N (as N), TP (as P), TN
 *       (as N) mg/L, conductivity µS/cm, turbidity NTU, chlorophyll a mg/L, algal density cells/L.
 *   <li>A blank value (the source's {@code --}, no valid value, or {@code *}, not monitored) is
 *       null; {@code --} and {@code *} themselves are read as blank too.
 *   <li>{@code published_class} (I … V, 劣V; blank = none) and {@code status} (正常, 维护) are kept as
 *       published. Rows in maintenance (维护) are sent like the others: most of them have every class
 *       item, and the pipeline's validity rules decide what counts. {@code versions} and the
 *       snapshot times are not read: a row holds the latest version already.
 *   <li>Stations come from {@value #STATIONS}: name {@code section_zh}, water body {@code
 *       water_type} ({@code lake} → LAKE, {@code river} → RIVER: the four reservoirs without algae
 *       are evaluated as rivers by the platform, so they are {@code river} there), {@code
 *       river_or_lake} as the water body's name, the city mapped to the catalogue's city ids (滨州市 →
 *       binzhou; 莱芜市, part of Jinan since 2019, → jinan), province Shandong, national. The list has
 *       no drinking-source flag or target class: false and null.
 * </ul>
 *
 * The file is sorted by station, then time; {@link ReplayFormat} reads it whole and serves it in
 * time order ({@link TimeSortedReader}).
 */
final class CnemcWaterReader extends CsvReadingReader<WaterSample> {

  /** The station list's file name, in the folder of the readings. */
  static final String STATIONS = "stations.csv";

  static final List<String> ITEMS =
      List.of(
          "water_temp",
          "ph",
          "do",
          "conductivity",
          "turbidity",
          "codmn",
          "nh3n",
          "tp",
          "tn",
          "chla",
          "algae");

  private static final Set<String> CLASSES = Set.of("I", "II", "III", "IV", "V", "劣V");

  /** Cities merged into others since the station lists were made (README: 莱芜 → 济南, 2019). */
  private static final Map<String, String> MERGED_CITIES = Map.of("莱芜市", "济南市");

  private final ZoneId zone;
  private final Map<String, Station> known;
  private final int stationId;
  private final int observedAt;
  private final int publishedClass;
  private final int status;
  private final WaterColumns items;

  CnemcWaterReader(
      InputFile input, CsvHeader header, BadLines badLines, ZoneId zone, StationCatalog catalog)
      throws IOException {
    super(input, header.size(), badLines);
    this.zone = zone;
    String[] required = new String[ITEMS.size() + 4];
    required[0] = "station_id";
    required[1] = "observed_at";
    required[2] = "published_class";
    required[3] = "status";
    for (int i = 0; i < ITEMS.size(); i++) {
      required[i + 4] = ITEMS.get(i);
    }
    int[] columns = header.require("cnemc-water", required);
    stationId = columns[0];
    observedAt = columns[1];
    publishedClass = columns[2];
    status = columns[3];
    items = WaterColumns.find(header, ITEMS, CnemcWaterReader::isNoValue);
    known = stations(input.path().toAbsolutePath().resolveSibling(STATIONS), zone, catalog);
    known.forEach((id, station) -> station(id, () -> station));
  }

  /**
   * Blank, or the source's markers for no valid value ({@code --}) and not monitored ({@code *}).
   */
  private static boolean isNoValue(String cell) {
    return cell.isEmpty() || cell.equals("--") || cell.equals("*");
  }

  @Override
  public boolean stationsComplete() {
    return true;
  }

  @Override
  void line(String[] cells) throws BadLineException {
    String id = cells[stationId].strip();
    Station station = known.get(id);
    if (station == null) {
      throw new BadLineException(
          BadLineReason.MISSING_STATION, "station_id '" + id + "' is not in " + STATIONS);
    }
    String classCell = cells[publishedClass].strip();
    if (!classCell.isEmpty() && !CLASSES.contains(classCell)) {
      throw new BadLineException(
          BadLineReason.UNKNOWN_VALUE, "published_class '" + classCell + "'");
    }
    String statusCell = cells[status].strip();
    WaterSample.Builder sample =
        WaterSample.newBuilder()
            .setStationId(id)
            .setCityId(station.getCityId())
            .setSampledAt(localDateTime(cells[observedAt], "observed_at").atZone(zone).toInstant())
            .setMethod(SamplingMethod.AUTOMATIC)
            .setPublishedClass(classCell.isEmpty() ? null : classCell)
            .setStatus(statusCell.isEmpty() ? null : statusCell);
    items.read(cells, sample);
    emit(sample.build());
  }

  /**
   * The stations of {@value #STATIONS}, by id in file order.
   *
   * @throws ReplayFileException if it is missing, lacks a column, or names a city or water type
   *     this format does not know: the stations are the frame of every reading
   */
  static Map<String, Station> stations(Path file, ZoneId zone, StationCatalog catalog)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ReplayFileException(
          file,
          "cnemc-water reads the station list " + STATIONS + " next to the readings: missing");
    }
    Map<String, Station> stations = new LinkedHashMap<>();
    try (InputFile input = InputFile.open(file)) {
      CsvHeader header = CsvHeader.read(input);
      int[] c =
          header.require(
              STATIONS,
              "station_id",
              "province",
              "city",
              "river_or_lake",
              "water_type",
              "section_zh");
      for (String line = input.readLine(); line != null; line = input.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = Csv.split(line);
        if (cells == null || cells.length != header.size()) {
          throw stationError(file, input, "not " + header.size() + " columns");
        }
        String id = cells[c[0]].strip();
        String cityName = MERGED_CITIES.getOrDefault(cells[c[2]].strip(), cells[c[2]].strip());
        City city =
            catalog
                .cityNamed(cityName)
                .orElseThrow(() -> stationError(file, input, "unknown city " + cells[c[2]]));
        WaterBodyType body =
            switch (cells[c[4]].strip()) {
              case "lake" -> WaterBodyType.LAKE;
              case "river" -> WaterBodyType.RIVER;
              default -> throw stationError(file, input, "unknown water_type " + cells[c[4]]);
            };
        String province = cells[c[1]].strip();
        stations.put(
            id,
            Station.newBuilder()
                .setStationId(id)
                .setName(cells[c[5]].strip())
                .setKind(StationKind.WATER)
                .setCityId(city.id())
                .setCityName(city.nameZh())
                .setProvince(province.equals("山东省") ? StationCatalog.PROVINCE : province)
                .setTimeZone(zone.getId())
                .setNational(true)
                .setWaterBody(body)
                .setWaterBodyName(cells[c[3]].strip())
                .build());
      }
    }
    return stations;
  }

  private static ReplayFileException stationError(Path file, InputFile input, String message) {
    return new ReplayFileException(file, "line " + input.lineNumber() + ": " + message);
  }
}
