package io.ecostream.cli;

import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Indicator;
import io.ecostream.domain.air.Pollutant;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One line of the {@code ecostream aqi} CSV, {@code pollutant,period,concentration}: the value of
 * the {@code iaqi} column appended to it.
 */
final class AqiCsv {

  static final String HEADER = "pollutant,period,concentration";
  static final String IAQI_HEADER = "iaqi";

  /** Where HJ 633 computes no IAQI ({@link Iaqi#NONE}): a valid reading, unlike {@link #ERROR}. */
  static final String NA = "NA";

  /** The column of a line that is not a valid reading. */
  static final String ERROR = "ERROR";

  private static final String[] HEADER_FIELDS = HEADER.split(",");

  /**
   * A plain decimal, optionally with an exponent; no sign, no NaN/Infinity, no Java suffixes like
   * {@code 1d}.
   */
  private static final Pattern DECIMAL =
      Pattern.compile("(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

  /** The averaging periods of the HJ 633 indicators. */
  private enum Period {
    H1("1h"),
    H8("8h"),
    H24("24h");

    final String label;

    Period(String label) {
      this.label = label;
    }

    static Period of(String label) {
      for (Period period : values()) {
        if (period.label.equalsIgnoreCase(label)) {
          return period;
        }
      }
      return null;
    }
  }

  /**
   * The indicators of HJ 633-2012 Table 1 / HJ 633-2026 Table 3 by pollutant and period. PM 1 h
   * values have no column of their own: {@link Indicator#PM10_1H} and {@link Indicator#PM2_5_1H}
   * rate them on the 24 h breakpoints (HJ 633-2026 §4.2.4). There is no O3 24 h and no 8 h for
   * anything but O3.
   */
  private static final Map<Pollutant, Map<Period, Indicator>> INDICATORS =
      Map.of(
          Pollutant.SO2, Map.of(Period.H1, Indicator.SO2_1H, Period.H24, Indicator.SO2_24H),
          Pollutant.NO2, Map.of(Period.H1, Indicator.NO2_1H, Period.H24, Indicator.NO2_24H),
          Pollutant.PM10, Map.of(Period.H1, Indicator.PM10_1H, Period.H24, Indicator.PM10_24H),
          Pollutant.PM2_5, Map.of(Period.H1, Indicator.PM2_5_1H, Period.H24, Indicator.PM2_5_24H),
          Pollutant.CO, Map.of(Period.H1, Indicator.CO_1H, Period.H24, Indicator.CO_24H),
          Pollutant.O3, Map.of(Period.H1, Indicator.O3_1H, Period.H8, Indicator.O3_8H));

  private static final String POLLUTANTS =
      Arrays.stream(Pollutant.values()).map(Pollutant::label).collect(Collectors.joining(", "));

  private AqiCsv() {}

  /** A line that is not a valid reading; the message is the reason shown to the user. */
  static final class InvalidLineException extends Exception {
    InvalidLineException(String reason) {
      // Expected on bad input, possibly on many lines: no stack trace.
      super(reason, null, false, false);
    }
  }

  /**
   * The {@code iaqi} column for a trimmed, non-blank line: {@value #IAQI_HEADER} for the header,
   * the IAQI or {@value #NA} for a reading.
   *
   * @throws InvalidLineException if the line is neither the header nor a valid reading
   */
  static String column(String line, AqiEdition edition) throws InvalidLineException {
    int first = line.indexOf(',');
    int second = first < 0 ? -1 : line.indexOf(',', first + 1);
    if (second < 0 || line.indexOf(',', second + 1) >= 0) {
      throw new InvalidLineException("expected 3 fields " + HEADER + ", got " + fieldCount(line));
    }
    String pollutantField = line.substring(0, first).trim();
    String periodField = line.substring(first + 1, second).trim();
    String concentrationField = line.substring(second + 1).trim();
    if (isHeader(pollutantField, periodField, concentrationField)) {
      return IAQI_HEADER;
    }
    Indicator indicator = indicator(pollutantField, periodField);
    int iaqi = Iaqi.of(edition, indicator, concentration(concentrationField));
    return iaqi == Iaqi.NONE ? NA : Integer.toString(iaqi);
  }

  private static boolean isHeader(String pollutant, String period, String concentration) {
    return HEADER_FIELDS[0].equalsIgnoreCase(pollutant)
        && HEADER_FIELDS[1].equalsIgnoreCase(period)
        && HEADER_FIELDS[2].equalsIgnoreCase(concentration);
  }

  private static Indicator indicator(String pollutantField, String periodField)
      throws InvalidLineException {
    Pollutant pollutant;
    try {
      pollutant = Pollutant.fromLabel(pollutantField);
    } catch (IllegalArgumentException e) {
      throw new InvalidLineException(
          "unknown pollutant '" + pollutantField + "' (expected one of " + POLLUTANTS + ")");
    }
    Period period = Period.of(periodField);
    if (period == null) {
      throw new InvalidLineException(
          "unknown period '" + periodField + "' (expected 1h, 8h or 24h)");
    }
    Map<Period, Indicator> byPeriod = INDICATORS.get(pollutant);
    Indicator indicator = byPeriod.get(period);
    if (indicator == null) {
      String defined =
          Arrays.stream(Period.values())
              .filter(byPeriod::containsKey)
              .map(p -> p.label)
              .collect(Collectors.joining(" and "));
      throw new InvalidLineException(
          "HJ 633 has no "
              + pollutant.label()
              + " "
              + period.label
              + " IAQI (only "
              + defined
              + ")");
    }
    return indicator;
  }

  private static double concentration(String field) throws InvalidLineException {
    if (field.isEmpty()) {
      throw new InvalidLineException("concentration is missing");
    }
    if (field.startsWith("-")) {
      throw new InvalidLineException("concentration must not be negative, got " + field);
    }
    if (!DECIMAL.matcher(field).matches()) {
      throw new InvalidLineException("concentration '" + field + "' is not a decimal number");
    }
    double value = Double.parseDouble(field);
    if (Double.isInfinite(value)) {
      throw new InvalidLineException("concentration " + field + " is out of range");
    }
    return value;
  }

  private static int fieldCount(String line) {
    int commas = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') {
        commas++;
      }
    }
    return commas + 1;
  }
}
