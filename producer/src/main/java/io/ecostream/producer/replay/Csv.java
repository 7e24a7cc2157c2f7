package io.ecostream.producer.replay;

import java.util.ArrayList;
import java.util.List;

/** The small part of RFC 4180 that the replay formats need: one record per line. */
final class Csv {

  private Csv() {}

  /**
   * Splits a line into its cells, unquoting {@code "…"} cells ({@code ""} inside is one quote).
   *
   * @return null if a quote is not closed on the line
   */
  static String[] split(String line) {
    if (line.indexOf('"') < 0) {
      return splitPlain(line);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
      i++;
    }
    if (quoted) {
      return null;
    }
    cells.add(cell.toString());
    return cells.toArray(String[]::new);
  }

  private static String[] splitPlain(String line) {
    int count = 1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') {
        count++;
      }
    }
    String[] cells = new String[count];
    int start = 0;
    for (int k = 0; k < count - 1; k++) {
      int comma = line.indexOf(',', start);
      cells[k] = line.substring(start, comma);
      start = comma + 1;
    }
    cells[count - 1] = line.substring(start);
    return cells;
  }

  /**
   * A decimal number as data files write it: optional sign, digits with an optional fraction, an
   * optional exponent. Stricter than {@link Double#parseDouble}, which also takes {@code NaN},
   * {@code Infinity}, hexadecimal and a trailing {@code d} or {@code f}.
   *
   * @throws NumberFormatException if the text is not such a number
   */
  static double number(String text) {
    if (!isDecimal(text)) {
      throw new NumberFormatException(text);
    }
    return Double.parseDouble(text);
  }

  private static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
