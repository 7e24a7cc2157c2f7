package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.producer.catalog.StationCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The file formats {@code replay} reads; see each reader for columns, units and hours. */
public enum ReplayFormat {

  /** Beijing multi-site files (UCI), one station per file: see {@link PrsaReader}. */
  PRSA("prsa", PrsaReader.HOURS, Duration.ZERO),

  /**
   * CNEMC hourly city figures in long layout, each city one station: see {@link CnemcCityReader}.
   */
  CNEMC_CITY("cnemc-city", CnemcCityReader.HOURS, Duration.ofDays(1)),

  /** ecostream's own layout, one reading per line: see {@link GenericCsvReader}. */
  CSV("csv", GenericCsvReader.HOURS, null);

  private static final ZoneId ZONE = StationCatalog.TIME_ZONE;

  private final String id;
  private final HourConvention hours;
  private final Duration stationScan;

  /**
   * @param stationScan how much of a file's time span to read for its stations (the file's
   *     structure says where they all appear: PRSA is one station per file, CNEMC reports every
   *     city every day); null for the whole file
   */
  ReplayFormat(String id, HourConvention hours, Duration stationScan) {
    this.id = id;
    this.hours = hours;
    this.stationScan = stationScan;
  }

  /** The name on the command line: prsa, cnemc-city, csv. */
  public String id() {
    return id;
  }

  public HourConvention hourConvention() {
    return hours;
  }

  public static Optional<ReplayFormat> byId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(ReplayFormat::id).toList();
  }

  /**
   * Opens a file for reading.
   *
   * @param badLines where the lines that cannot be read are reported
   * @throws ReplayFileException if the file is not in this format (header)
   */
  public AirReadingReader open(Path file, BadLines badLines) throws IOException {
    StationCatalog catalog = StationCatalog.shandong();
    InputFile input = InputFile.open(file);
    try {
      CsvHeader header = CsvHeader.read(input);
      return switch (this) {
        case PRSA -> new PrsaReader(input, header, badLines, ZONE);
        case CNEMC_CITY -> new CnemcCityReader(input, header, badLines, ZONE, catalog);
        case CSV -> new GenericCsvReader(input, header, badLines, ZONE, catalog);
      };
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /**
   * The stations of a file, found by reading as much of it as its format needs. A station that
   * appears only later in the file is not found here; {@link Replay} then sends its metadata just
   * before its first reading.
   */
  public Map<String, Station> scanStations(Path file) throws IOException {
    try (AirReadingReader reader = open(file, new BadLines())) {
      Instant end = null;
      AirReading reading;
      while ((reading = reader.next()) != null) {
        if (stationScan == null) {
          continue;
        }
        if (end == null) {
          end = reading.getHourStart().plus(stationScan);
        } else if (!reading.getHourStart().isBefore(end)) {
          break;
        }
      }
      return new LinkedHashMap<>(reader.stations());
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
