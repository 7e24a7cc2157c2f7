package io.ecostream.producer.replay;

import io.ecostream.avro.Station;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * The common part of the CSV readers: one header line, columns found by name, one record per line.
 * A subclass turns the cells of a line into zero or more records (air readings or water samples); a
 * line it cannot read is reported by throwing {@link BadLineException}, and the line is skipped.
 */
abstract class CsvReadingReader<T> implements ReplayReader<T> {

  private final InputFile input;
  private final BadLines badLines;
  private final Queue<T> ready = new ArrayDeque<>();
  private final Map<String, Station> stations = new LinkedHashMap<>();
  private final int columns;
  private long skipped;
  private boolean ended;

  /**
   * @param input positioned after the header line; closed by {@link #close()}
   * @param columns number of columns of the header: every line must have as many
   */
  CsvReadingReader(InputFile input, int columns, BadLines badLines) {
    this.input = input;
    this.columns = columns;
    this.badLines = badLines;
  }

  /** Turns one line into records ({@link #emit}); throws to skip the line. */
  abstract void line(String[] cells) throws BadLineException;

  /** Emits what is still buffered once the file has ended. */
  void end() {}

  final void emit(T record) {
    ready.add(record);
  }

  /** The station's metadata, made and remembered on first sight. */
  final Station station(String stationId, Supplier<Station> metadata) {
    Station known = stations.get(stationId);
    if (known == null) {
      known = metadata.get();
      stations.put(stationId, known);
    }
    return known;
  }

  @Override
  public final T next() throws IOException {
    while (ready.isEmpty() && !ended) {
      String line = input.readLine();
      if (line == null) {
        ended = true;
        end();
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      String[] cells = Csv.split(line);
      if (cells == null) {
        skip(BadLineReason.UNBALANCED_QUOTES, "");
      } else if (cells.length != columns) {
        skip(BadLineReason.COLUMN_COUNT, cells.length + " columns, the header has " + columns);
      } else {
        try {
          line(cells);
        } catch (BadLineException e) {
          skip(e.reason, e.getMessage());
        }
      }
    }
    return ready.poll();
  }

  private void skip(BadLineReason reason, String detail) {
    skipped++;
    badLines.report(input.path(), input.lineNumber(), reason, detail);
  }

  @Override
  public final Path file() {
    return input.path();
  }

  @Override
  public final Map<String, Station> stations() {
    return Collections.unmodifiableMap(stations);
  }

  @Override
  public final long badLines() {
    return skipped;
  }

  @Override
  public final long fileSize() {
    return input.size();
  }

  @Override
  public final long bytesRead() {
    return input.bytesRead();
  }

  @Override
  public void close() throws IOException {
    input.close();
  }

  /** A value that is missing: blank, or {@code NA} as R writes it. */
  static boolean isMissing(String cell) {
    return cell.isEmpty() || cell.equals("NA") || cell.isBlank();
  }

  /** A concentration, or null if missing. */
  static Double concentration(String cell, String column) throws BadLineException {
    if (isMissing(cell)) {
      return null;
    }
    try {
      return Csv.number(cell.strip());
    } catch (NumberFormatException e) {
      throw new BadLineException(BadLineReason.NOT_A_NUMBER, column + " '" + cell + "'");
    }
  }

  /**
   * A local date-time as ISO writes it, {@code 2024-01-15T10:00}, or with a space instead of the T.
   */
  static LocalDateTime localDateTime(String cell, String column) throws BadLineException {
    try {
      return LocalDateTime.parse(cell.strip().replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new BadLineException(BadLineReason.BAD_TIME, column + " '" + cell + "'");
    }
  }

  /** The city id of a city's name in Latin letters: lower case, letters and digits only. */
  static String cityIdOf(String cityName) {
    return cityName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  static int integer(String cell, String column) throws BadLineException {
    try {
      return Integer.parseInt(cell.strip());
    } catch (NumberFormatException e) {
      throw new BadLineException(BadLineReason.BAD_TIME, column + " '" + cell + "'");
    }
  }

  /** A line that cannot become a reading; cheap, as bad lines may come by the thousand. */
  static final class BadLineException extends Exception {
    final BadLineReason reason;

    BadLineException(BadLineReason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }
}
