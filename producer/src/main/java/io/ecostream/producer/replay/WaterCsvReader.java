package io.ecostream.producer.replay;

import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ecostream's own CSV layout for water samples ({@code water-csv}), one sample per line. Columns
 * are found by name, in any order; unknown columns are ignored.
 *
 * <ul>
 *   <li>Required: {@code station_id}, {@code city} (a city id such as {@code binzhou}, read in
 *       lower case like the air formats' cities, or a catalogue city's Chinese name, 滨州 or 滨州市),
 *       {@code kind} ({@code river, lake, reservoir, sea}) and {@code sampled_at}: when the sample
 *       was taken, a local date-time in Asia/Shanghai, {@code 2024-01-10T09:35} (or with a space).
 *       A sample is an instant, not an hour: any minute is fine.
 *   <li>At least one of {@code ph, do, codmn, cod, bod5, nh3n, tp, tn, fluoride, inorganic_n,
 *       phosphate, petroleum}, mg/L (pH dimensionless; NH3-N, TN and inorganic N as N; TP and
 *       phosphate as P). A blank cell (or {@code NA}) or an absent column is "not measured".
 *   <li>Optional: {@code drinking_source} ({@code true|false}, blank or absent = false), {@code
 *       method} ({@code manual|automatic}, blank or absent = manual: the items of this layout are
 *       those of monthly laboratory samples), {@code station_name} (default: the id).
 * </ul>
 *
 * The station's metadata comes from its first line; later lines do not change it.
 */
final class WaterCsvReader extends CsvReadingReader<WaterSample> {

  static final List<String> ITEMS =
      List.of(
          "ph",
          "do",
          "codmn",
          "cod",
          "bod5",
          "nh3n",
          "tp",
          "tn",
          "fluoride",
          "inorganic_n",
          "phosphate",
          "petroleum");

  private static final Map<String, WaterBodyType> KINDS =
      Map.of(
          "river", WaterBodyType.RIVER,
          "lake", WaterBodyType.LAKE,
          "reservoir", WaterBodyType.RESERVOIR,
          "sea", WaterBodyType.SEA);

  private final ZoneId zone;
  private final StationCatalog catalog;
  private final int stationId;
  private final int city;
  private final int kind;
  private final int sampledAt;
  private final int drinkingSource;
  private final int method;
  private final int stationName;
  private final WaterColumns items;

  WaterCsvReader(
      InputFile input, CsvHeader header, BadLines badLines, ZoneId zone, StationCatalog catalog)
      throws ReplayFileException {
    super(input, header.size(), badLines);
    this.zone = zone;
    this.catalog = catalog;
    int[] required = header.require("water-csv", "station_id", "city", "kind", "sampled_at");
    stationId = required[0];
    city = required[1];
    kind = required[2];
    sampledAt = required[3];
    drinkingSource = header.find("drinking_source");
    method = header.find("method");
    stationName = header.find("station_name");
    items = WaterColumns.find(header, ITEMS, CsvReadingReader::isMissing);
    if (items.isEmpty()) {
      throw header.error(
          "not a water-csv file: no measured column (" + String.join(", ", ITEMS) + ")");
    }
  }

  @Override
  void line(String[] cells) throws BadLineException {
    String station = cells[stationId].strip();
    if (station.isEmpty()) {
      throw new BadLineException(BadLineReason.MISSING_STATION, "empty station_id");
    }
    Optional<City> known = catalog.cityNamed(cells[city]);
    String cityId = known.map(City::id).orElseGet(() -> cityIdOf(cells[city]));
    if (cityId.isEmpty()) {
      throw new BadLineException(
          BadLineReason.MISSING_STATION,
          "city '" + cells[city].strip() + "' is neither a city id nor a Shandong city's name");
    }
    WaterBodyType body = choice(cells, kind, "kind", KINDS, null);
    boolean drinking =
        choice(
            cells, drinkingSource, "drinking_source", Map.of("true", true, "false", false), false);
    SamplingMethod how =
        choice(
            cells,
            method,
            "method",
            Map.of("manual", SamplingMethod.MANUAL, "automatic", SamplingMethod.AUTOMATIC),
            SamplingMethod.MANUAL);
    Instant at = localDateTime(cells[sampledAt], "sampled_at").atZone(zone).toInstant();
    WaterSample.Builder sample =
        WaterSample.newBuilder()
            .setStationId(station)
            .setCityId(cityId)
            .setSampledAt(at)
            .setMethod(how);
    items.read(cells, sample);
    station(station, () -> metadata(station, cityId, cells, body, drinking));
    emit(sample.build());
  }

  /**
   * The value a cell names, in lower case; a blank cell or an absent column is the default (none:
   * required).
   */
  private static <V> V choice(
      String[] cells, int column, String name, Map<String, V> values, V absent)
      throws BadLineException {
    String cell = column < 0 ? "" : cells[column].strip();
    V value = cell.isEmpty() ? absent : values.get(cell.toLowerCase(Locale.ROOT));
    if (value == null) {
      throw new BadLineException(
          BadLineReason.UNKNOWN_VALUE,
          name
              + " '"
              + cell
              + "' ("
              + String.join(", ", values.keySet().stream().sorted().toList())
              + ")");
    }
    return value;
  }

  private Station metadata(
      String station, String cityId, String[] cells, WaterBodyType body, boolean drinking) {
    Optional<City> known = catalog.city(cityId);
    String name = stationName < 0 ? "" : cells[stationName].strip();
    return Station.newBuilder()
        .setStationId(station)
        .setName(name.isEmpty() ? station : name)
        .setKind(StationKind.WATER)
        .setCityId(cityId)
        .setCityName(known.map(City::nameZh).orElse(cells[city].strip()))
        .setProvince(known.isPresent() ? StationCatalog.PROVINCE : null)
        .setTimeZone(zone.getId())
        .setWaterBody(body)
        .setDrinkingSource(drinking)
        .build();
  }
}
