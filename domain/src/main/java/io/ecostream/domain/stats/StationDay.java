package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import java.util.Arrays;

/**
 * The layout of one station's natural day: 24 hourly values for each of the six pollutants in one
 * flat array of {@value #SIZE} doubles, pollutant-major ({@link Pollutant} order), hour slots by
 * start hour (slot 0 = 00:00–01:00). NaN marks an hour without a value. A flat array, so that the
 * caller can keep and serialize it as it is.
 */
public final class StationDay {

  public static final int HOURS = 24;
  public static final int SIZE = HOURS * Pollutant.values().length;

  private StationDay() {}

  /** A day with no value yet. */
  public static double[] empty() {
    double[] day = new double[SIZE];
    Arrays.fill(day, Double.NaN);
    return day;
  }

  public static int index(Pollutant pollutant, int hour) {
    if (hour < 0 || hour >= HOURS) {
      throw new IndexOutOfBoundsException("hour " + hour);
    }
    return pollutant.ordinal() * HOURS + hour;
  }
}
