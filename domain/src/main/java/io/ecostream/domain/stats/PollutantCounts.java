package io.ecostream.domain.stats;

import io.ecostream.domain.air.Pollutant;
import java.util.Objects;

/**
 * A count per pollutant, e.g. the valid daily values a period statistic was computed from (to judge
 * it against {@link ValidityRules#monthComplete} and {@link ValidityRules#yearComplete}). For O3 it
 * counts valid MDA8 values.
 */
public record PollutantCounts(int so2, int no2, int pm10, int pm25, int co, int o3) {

  /** The count of one pollutant. */
  public int get(Pollutant pollutant) {
    Objects.requireNonNull(pollutant, "pollutant");
    return switch (pollutant) {
      case SO2 -> so2;
      case NO2 -> no2;
      case PM10 -> pm10;
      case PM2_5 -> pm25;
      case CO -> co;
      case O3 -> o3;
    };
  }
}
