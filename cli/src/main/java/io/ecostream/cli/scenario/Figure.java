package io.ecostream.cli.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A period figure a scenario can target, named as in the {@code CityPeriod} record and the reports.
 */
public enum Figure {
  PM25("pm25", "PM2.5 µg/m³", 0),
  GOOD_RATIO("goodRatio", "good-day ratio %", 1),
  COMPOSITE_INDEX("compositeIndex", "composite index", 2),
  HEAVY_DAYS("heavyDays", "heavy-pollution days", 0);

  private final String key;
  private final String label;
  private final int decimals;

  Figure(String key, String label, int decimals) {
    this.key = key;
    this.label = label;
    this.decimals = decimals;
  }

  /** The name in scenario files. */
  public String key() {
    return key;
  }

  /** The name in the printed table, with the unit. */
  public String label() {
    return label;
  }

  public static Optional<Figure> byKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }

  /**
   * As published: the figure's decimals; a province's mean of day counts keeps one decimal when it
   * has one.
   */
  public String format(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    int places = this == HEAVY_DAYS && value != Math.rint(value) ? 1 : decimals;
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }
}
