package io.ecostream.domain.air;

import java.util.Objects;

/**
 * The six pollutants of the AQI (HJ 633-2012 §5, HJ 633-2026 Eq. (2): "P 包括 6 项污染物").
 *
 * <p>Units are those of the breakpoint tables (HJ 633-2012 Table 1, HJ 633-2026 Table 3): µg/m³,
 * except CO in mg/m³.
 */
public enum Pollutant {
  SO2("SO2", "µg/m³"),
  NO2("NO2", "µg/m³"),
  PM10("PM10", "µg/m³"),
  PM2_5("PM2.5", "µg/m³"),
  CO("CO", "mg/m³"),
  O3("O3", "µg/m³");

  private final String label;
  private final String unit;

  Pollutant(String label, String unit) {
    this.label = label;
    this.unit = unit;
  }

  /** The name as the standards and bulletins print it, e.g. {@code "PM2.5"}. */
  public String label() {
    return label;
  }

  /**
   * The unit concentrations of this pollutant are given in: {@code "µg/m³"}, or {@code "mg/m³"} for
   * CO.
   */
  public String unit() {
    return unit;
  }

  /**
   * The pollutant with this {@link #label() label} or enum name, ignoring case: {@code "PM2.5"},
   * {@code "pm2_5"} and {@code "PM2_5"} all give {@link #PM2_5}.
   *
   * @throws IllegalArgumentException if no pollutant has that name
   */
  public static Pollutant fromLabel(String label) {
    Objects.requireNonNull(label, "label");
    for (Pollutant p : values()) {
      if (p.label.equalsIgnoreCase(label) || p.name().equalsIgnoreCase(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown pollutant '" + label + "'");
  }

  /** This pollutant's bit in the pollutant bit sets of {@link AqiResult}. */
  int bit() {
    return 1 << ordinal();
  }
}
