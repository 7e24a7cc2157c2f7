package io.ecostream.producer.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bundled data tables: UTF-8, comma-separated, '#' comment lines, one header line. No quoting:
 * no value in them holds a comma.
 */
public final class CsvResource {

  private final String name;
  private final List<String> header;
  private final List<String[]> rows;

  private CsvResource(String name, List<String> header, List<String[]> rows) {
    this.name = name;
    this.header = header;
    this.rows = rows;
  }

  /** Reads a resource relative to {@code anchor}'s package. */
  public static CsvResource load(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = null;
      List<String[]> rows = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (header == null) {
          header = List.of(cells);
        } else if (cells.length != header.size()) {
          throw new IllegalStateException(
              resource
                  + ": expected "
                  + header.size()
                  + " columns, got "
                  + cells.length
                  + ": "
                  + line);
        } else {
          rows.add(cells);
        }
      }
      if (header == null) {
        throw new IllegalStateException(resource + " has no header line");
      }
      return new CsvResource(resource, header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled resource " + resource, e);
    }
  }

  public int size() {
    return rows.size();
  }

  public Row row(int index) {
    return new Row(rows.get(index));
  }

  public List<Row> rows() {
    return rows.stream().map(Row::new).toList();
  }

  /** One line of the table, read by column name. */
  public final class Row {
    private final String[] cells;

    private Row(String[] cells) {
      this.cells = cells;
    }

    public String text(String column) {
      int index = header.indexOf(column);
      if (index < 0) {
        throw new IllegalStateException(name + " has no column " + column + " " + header);
      }
      return cells[index];
    }

    public double number(String column) {
      String value = text(column);
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            name + ": column " + column + " is not a number: '" + value + "' in " + this, e);
      }
    }

    public boolean flag(String column) {
      return Boolean.parseBoolean(text(column));
    }

    @Override
    public String toString() {
      return Arrays.toString(cells);
    }
  }
}
