package io.ecostream.cli.scenario;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.BulletinRounding;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's figures from its cities' figures: one city's as they are; several cities' as the
 * province figure of the replay report ({@code AirReport}): the mean of the cities' published
 * figures, rounded as published (day counts: the mean per city, one decimal).
 *
 * @param published what the table compares with the targets
 * @param unrounded the mean of the cities' unrounded figures, what the fitting solves on
 */
public record ScenarioFigures(Map<Figure, Double> published, Map<Figure, Double> unrounded) {

  public ScenarioFigures {
    published = Map.copyOf(published);
    unrounded = Map.copyOf(unrounded);
  }

  public static ScenarioFigures of(List<CityFigures> cities) {
    if (cities.isEmpty()) {
      throw new IllegalArgumentException("no city figures");
    }
    Map<Figure, Double> published = new EnumMap<>(Figure.class);
    Map<Figure, Double> unrounded = new EnumMap<>(Figure.class);
    for (Figure figure : Figure.values()) {
      double mean =
          cities.stream().mapToDouble(c -> c.published().get(figure)).average().orElseThrow();
      published.put(figure, cities.size() == 1 ? mean : provinceRounding(figure, mean));
      unrounded.put(
          figure,
          cities.stream().mapToDouble(c -> c.unrounded().get(figure)).average().orElseThrow());
    }
    return new ScenarioFigures(published, unrounded);
  }

  public double published(Figure figure) {
    return published.get(figure);
  }

  public double unrounded(Figure figure) {
    return unrounded.get(figure);
  }

  private static double provinceRounding(Figure figure, double mean) {
    return switch (figure) {
      case PM25 -> BulletinRounding.concentration(Pollutant.PM2_5, mean);
      case GOOD_RATIO, HEAVY_DAYS -> BulletinRounding.ratio(mean);
      case COMPOSITE_INDEX -> BulletinRounding.index(mean);
    };
  }
}
