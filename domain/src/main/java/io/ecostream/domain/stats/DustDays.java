package io.ecostream.domain.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Days designated as dust-affected (沙尘) by a list, e.g. from the dust events the authorities
 * publish, for the dust-deducted figures ("扣沙"). A listed day is dust-affected whatever its data
 * say; {@link DustRule} may flag more.
 *
 * <p>The file is UTF-8 CSV with the header {@code city_id,date} or {@code city_id,date,note}, then
 * one designation a line: the city id, the date as {@code yyyy-MM-dd} (the city's natural day) and
 * an optional free-text note, which may contain commas and is not kept. The city id {@value
 * #EVERY_CITY} designates every city that day, since dust storms are regional and bulletins often
 * name a province-wide day. Lines starting with {@code #} and blank lines are ignored; a line
 * listed twice counts once.
 *
 * @param designations the listed (city id, date) pairs; a city id of {@value #EVERY_CITY} stands
 *     for every city
 */
public record DustDays(Set<Designation> designations) {

  /** The city id that designates every city on its date. */
  public static final String EVERY_CITY = "*";

  /** One listed day of one city, or of every city when the city id is {@value #EVERY_CITY}. */
  public record Designation(String cityId, LocalDate date) {
    public Designation {
      Objects.requireNonNull(cityId, "cityId");
      Objects.requireNonNull(date, "date");
    }
  }

  public DustDays {
    designations = Set.copyOf(designations);
  }

  /** No listed days: only {@link DustRule} flags days. */
  public static DustDays none() {
    return new DustDays(Set.of());
  }

  /** Whether the city's day is listed, by its own id or by {@value #EVERY_CITY}. */
  public boolean contains(String cityId, LocalDate date) {
    return designations.contains(new Designation(cityId, date))
        || designations.contains(new Designation(EVERY_CITY, date));
  }

  /**
   * Reads a file in the format above.
   *
   * @throws IllegalArgumentException if the file cannot be read or a line is malformed, with a
   *     message naming the file, the line number and what is wrong
   */
  public static DustDays read(Path file) {
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      throw new IllegalArgumentException("cannot read dust-days file " + file);
    }
    try {
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read dust-days file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses the lines of a file in the format above.
   *
   * @param source the file's name, for the messages
   * @throws IllegalArgumentException if the header is missing or a line is malformed, naming the
   *     source, the line number (from 1) and what is wrong
   */
  public static DustDays parse(String source, List<String> lines) {
    Set<Designation> designations = new HashSet<>();
    boolean headerSeen = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 ? withoutByteOrderMark(lines.get(i)).strip() : lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int lineNumber = i + 1;
      if (!headerSeen) {
        checkHeader(source, lineNumber, line);
        headerSeen = true;
      } else {
        designations.add(designation(source, lineNumber, line));
      }
    }
    if (!headerSeen) {
      throw new IllegalArgumentException(source + ": no header line 'city_id,date'");
    }
    return new DustDays(designations);
  }

  private static void checkHeader(String source, int lineNumber, String line) {
    List<String> columns = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
    if (!columns.equals(List.of("city_id", "date"))
        && !columns.equals(List.of("city_id", "date", "note"))) {
      throw new IllegalArgumentException(
          source
              + " line "
              + lineNumber
              + ": expected the header 'city_id,date' or 'city_id,date,note', got '"
              + line
              + "'");
    }
  }

  private static Designation designation(String source, int lineNumber, String line) {
    String[] fields = line.split(",", 3);
    if (fields.length < 2) {
      throw new IllegalArgumentException(
          source + " line " + lineNumber + ": expected city_id,date[,note], got '" + line + "'");
    }
    String cityId = fields[0].strip();
    if (cityId.isEmpty()) {
      throw new IllegalArgumentException(
          source + " line " + lineNumber + ": empty city_id in '" + line + "'");
    }
    String date = fields[1].strip();
    try {
      return new Designation(cityId, LocalDate.parse(date));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          source + " line " + lineNumber + ": date '" + date + "' is not a valid yyyy-MM-dd date");
    }
  }

  /** Spreadsheets often save CSV with one. */
  private static String withoutByteOrderMark(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
