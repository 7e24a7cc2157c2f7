package io.ecostream.domain.air;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The concentrations given to an AQI builder, by indicator; NaN marks a missing one. */
final class Concentrations {

  private final double[] values = new double[Indicator.values().length];

  Concentrations() {
    Arrays.fill(values, Double.NaN);
  }

  /** Sets a concentration; {@code null} marks it missing. */
  void set(Indicator indicator, Double concentration) {
    if (concentration == null) {
      values[indicator.ordinal()] = Double.NaN;
      return;
    }
    double c = concentration;
    if (Double.isNaN(c)) {
      throw invalid(indicator, c);
    }
    setOrMissing(indicator, c);
  }

  /** Sets a concentration; NaN marks it missing. */
  void setOrMissing(Indicator indicator, double c) {
    if (Double.isNaN(c)) {
      values[indicator.ordinal()] = Double.NaN;
      return;
    }
    if (c < 0 || c == Double.POSITIVE_INFINITY) {
      throw invalid(indicator, c);
    }
    values[indicator.ordinal()] = c;
  }

  private static IllegalArgumentException invalid(Indicator indicator, double c) {
    return new IllegalArgumentException(
        "Concentration of "
            + indicator
            + " must be finite and non-negative, or null if missing, was "
            + c);
  }

  boolean has(Indicator indicator) {
    return !Double.isNaN(values[indicator.ordinal()]);
  }

  double get(Indicator indicator) {
    return values[indicator.ordinal()];
  }

  /**
   * The IAQIs of the given indicators that are present, {@link Iaqi#NONE} elsewhere; indexed by
   * ordinal.
   */
  int[] iaqis(AqiEdition edition, Indicator[] indicators) {
    int[] iaqis = new int[values.length];
    Arrays.fill(iaqis, Iaqi.NONE);
    for (Indicator indicator : indicators) {
      if (has(indicator)) {
        iaqis[indicator.ordinal()] = Iaqi.of(edition, indicator, values[indicator.ordinal()]);
      }
    }
    return iaqis;
  }

  static Set<Indicator> setOf(Indicator[] indicators) {
    EnumSet<Indicator> set = EnumSet.noneOf(Indicator.class);
    Collections.addAll(set, indicators);
    return Collections.unmodifiableSet(set);
  }
}
