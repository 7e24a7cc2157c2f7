package io.ecostream.producer.replay;

import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
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
  PRSA("prsa", RecordKind.AIR_READING, PrsaReader.HOURS, Duration.ZERO),

  /**
   * CNEMC hourly city figures in long layout, each city one station: see {@link CnemcCityReader}.
   */
  CNEMC_CITY("cnemc-city", RecordKind.AIR_READING, CnemcCityReader.HOURS, Duration.ofDays(1)),

  /**
   * The national platform's daily city files in their native wide layout, each city column one
   * station: see {@link CnemcDailyReader}. A file is one day, so scanning it for its stations reads
   * it whole.
   */
  CNEMC_DAILY("cnemc-daily", RecordKind.AIR_READING, CnemcDailyReader.HOURS, Duration.ofDays(1)),

  /** ecostream's own layout, one reading per line: see {@link GenericCsvReader}. */
  CSV("csv", RecordKind.AIR_READING, GenericCsvReader.HOURS, null),

  /** ecostream's own layout for water samples, one per line: see {@link WaterCsvReader}. */
  WATER_CSV("water-csv", RecordKind.WATER_SAMPLE, null, null),

  /**
   * CNEMC automatic surface-water readings with their station list: see {@link CnemcWaterReader}.
   * The stations come from the list, so nothing is scanned.
   */
  CNEMC_WATER("cnemc-water", RecordKind.WATER_SAMPLE, null, null),

  /**
   * ecostream's own recordings of its topics (what {@code ecostream record} writes), air readings
   * and water samples together: see {@link NdjsonReader}. Stations are lines of the file, so the
   * whole file is scanned for them.
   */
  NDJSON("ndjson", RecordKind.INPUT_RECORD, null, null);

  private static final ZoneId ZONE = StationCatalog.TIME_ZONE;

  private final String id;
  private final RecordKind<?> kind;
  private final HourConvention hours;
  private final Duration stationScan;

  /**
   * @param hours null for water samples, which are instants
   * @param stationScan how much of a file's time span to read for its stations (the file's
   *     structure says where they all appear: PRSA is one station per file, CNEMC reports every
   *     city every day); null for the whole file
   */
  ReplayFormat(String id, RecordKind<?> kind, HourConvention hours, Duration stationScan) {
    this.id = id;
    this.kind = kind;
    this.hours = hours;
    this.stationScan = stationScan;
  }

  /**
   * The name on the command line: prsa, cnemc-city, cnemc-daily, csv, water-csv, cnemc-water,
   * ndjson.
   */
  public String id() {
    return id;
  }

  /** What the format's records are: air readings or water samples. */
  public RecordKind<?> recordKind() {
    return kind;
  }

  /** The hour convention of an air format; empty for a water format (a sample is an instant). */
  public Optional<HourConvention> hourConvention() {
    return Optional.ofNullable(hours);
  }

  /** How the format's times are read, for people: hour-beginning, hour-ending, sampling instant. */
  public String timeConvention() {
    if (this == NDJSON) {
      return "hourStart or sampledAt";
    }
    return hours == null ? "sampling instant" : hours.toString();
  }

  /** How the names of the format's files end, for the files of a directory: .csv, .csv.gz. */
  public List<String> fileSuffixes() {
    return this == NDJSON
        ? List.of(".ndjson", ".ndjson.gz", ".jsonl", ".jsonl.gz")
        : List.of(".csv", ".csv.gz");
  }

  public static Optional<ReplayFormat> byId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(ReplayFormat::id).toList();
  }

  /**
   * A file that belongs to the format's data without being data itself (cnemc-water's station list,
   * the {@code cities.csv} that comes with cnemc-daily's files), left out when a directory is
   * expanded.
   */
  public boolean isCompanionFile(Path file) {
    String name = file.getFileName().toString();
    return switch (this) {
      case CNEMC_WATER -> name.equals(CnemcWaterReader.STATIONS);
      case CNEMC_DAILY -> name.equals(CnemcDailyReader.CITIES);
      default -> false;
    };
  }

  /**
   * Opens a file of an air format for reading.
   *
   * @param badLines where the lines that cannot be read are reported
   * @throws ReplayFileException if the file is not in this format (header)
   * @throws IllegalStateException for a water format: see {@link #openWater}
   */
  public AirReadingReader open(Path file, BadLines badLines) throws IOException {
    if (kind != RecordKind.AIR_READING) {
      throw new IllegalStateException(id + " is a water format: openWater");
    }
    return (AirReadingReader) openReader(file, badLines);
  }

  /**
   * Opens a file of a water format for reading, served in time order.
   *
   * @throws ReplayFileException if the file is not in this format (header, station list)
   * @throws IllegalStateException for an air format: see {@link #open}
   */
  @SuppressWarnings("unchecked") // the kind says what the reader reads
  public ReplayReader<WaterSample> openWater(Path file, BadLines badLines) throws IOException {
    if (kind != RecordKind.WATER_SAMPLE) {
      throw new IllegalStateException(id + " is an air format: open");
    }
    return (ReplayReader<WaterSample>) openReader(file, badLines);
  }

  /** Opens a file of any format; its records are of {@link #recordKind()}. */
  ReplayReader<?> openReader(Path file, BadLines badLines) throws IOException {
    StationCatalog catalog = StationCatalog.shandong();
    InputFile input = InputFile.open(file);
    try {
      if (this == NDJSON) {
        return new NdjsonReader(input, badLines);
      }
      CsvHeader header = CsvHeader.read(input);
      return switch (this) {
        case PRSA -> new PrsaReader(input, header, badLines, ZONE);
        case CNEMC_CITY -> new CnemcCityReader(input, header, badLines, ZONE, catalog);
        case CNEMC_DAILY -> new CnemcDailyReader(input, header, badLines, ZONE);
        case CSV -> new GenericCsvReader(input, header, badLines, ZONE, catalog);
        case WATER_CSV -> new WaterCsvReader(input, header, badLines, ZONE, catalog);
        // Sorted by station, then time: served in time order for the merge.
        case CNEMC_WATER ->
            new TimeSortedReader<>(
                new CnemcWaterReader(input, header, badLines, ZONE, catalog),
                RecordKind.WATER_SAMPLE);
        case NDJSON -> throw new IllegalStateException("ndjson has no header");
      };
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /**
   * The stations of a file, found by reading as much of it as its format needs. A station that
   * appears only later in the file is not found here; {@link Replay} then sends its metadata just
   * before its first record.
   */
  public Map<String, Station> scanStations(Path file) throws IOException {
    try (ReplayReader<?> reader = openReader(file, new BadLines())) {
      return scanStations(reader, kind);
    }
  }

  private <T> Map<String, Station> scanStations(ReplayReader<?> opened, RecordKind<T> kind)
      throws IOException {
    @SuppressWarnings("unchecked") // openReader gives readers of the format's kind
    ReplayReader<T> reader = (ReplayReader<T>) opened;
    Instant end = null;
    T record;
    while (!reader.stationsComplete() && (record = reader.next()) != null) {
      if (stationScan == null) {
        continue;
      }
      Instant time = kind.eventTime().apply(record);
      if (end == null) {
        end = time.plus(stationScan);
      } else if (!time.isBefore(end)) {
        break;
      }
    }
    return new LinkedHashMap<>(reader.stations());
  }

  @Override
  public String toString() {
    return id;
  }
}
