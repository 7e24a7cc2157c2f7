package io.ecostream.producer.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The header line of a CSV file: column names, looked up by name. */
final class CsvHeader {

  private final Path file;
  private final List<String> names;

  private CsvHeader(Path file, List<String> names) {
    this.file = file;
    this.names = names;
  }

  /**
   * Reads the first non-blank line of the file as its header.
   *
   * @throws ReplayFileException if there is none
   */
  static CsvHeader read(InputFile input) throws IOException {
    String line = input.readLine();
    while (line != null && line.isBlank()) {
      line = input.readLine();
    }
    if (line == null) {
      throw new ReplayFileException(input.path(), "empty file, expected a header line");
    }
    String[] cells = Csv.split(line);
    if (cells == null) {
      throw new ReplayFileException(input.path(), "unbalanced quotes in the header line");
    }
    return new CsvHeader(input.path(), Arrays.stream(cells).map(String::strip).toList());
  }

  int size() {
    return names.size();
  }

  /** The name of a column, stripped. */
  String name(int index) {
    return names.get(index);
  }

  /** Index of a column, or -1. */
  int find(String name) {
    return names.indexOf(name);
  }

  /** Indexes of the columns, in the order asked; names every missing one at once. */
  int[] require(String formatName, String... required) throws ReplayFileException {
    int[] indexes = new int[required.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < required.length; i++) {
      indexes[i] = find(required[i]);
      if (indexes[i] < 0) {
        missing.add(required[i]);
      }
    }
    if (!missing.isEmpty()) {
      throw error("not a " + formatName + " file: no column " + String.join(", ", missing));
    }
    return indexes;
  }

  /** A problem with the header, which is shown along with the message. */
  ReplayFileException error(String message) {
    return new ReplayFileException(file, message + " in the header " + names);
  }
}
