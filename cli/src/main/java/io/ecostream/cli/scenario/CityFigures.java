package io.ecostream.cli.scenario;

import io.ecostream.avro.CityPeriod;
import io.ecostream.domain.stats.BulletinRounding;
import io.ecostream.domain.stats.PeriodStatistics;
import java.util.EnumMap;
import java.util.Map;

/**
 * One city's scenario figures as {@code air.city-period} publishes them (rounded), and unrounded
 * for the fitting, which needs a figure that moves smoothly with the knobs.
 */
public record CityFigures(
    String cityId, Map<Figure, Double> published, Map<Figure, Double> unrounded) {

  public CityFigures {
    published = Map.copyOf(published);
    unrounded = Map.copyOf(unrounded);
  }

  /** From the domain statistics, rounded as {@code CityPeriods} rounds them for the topic. */
  public static CityFigures of(String cityId, PeriodStatistics stats) {
    Map<Figure, Double> published = new EnumMap<>(Figure.class);
    published.put(Figure.PM25, stats.published().pm25());
    published.put(Figure.GOOD_RATIO, BulletinRounding.ratio(stats.goodDayRatio()));
    published.put(
        Figure.COMPOSITE_INDEX,
        stats.compositeIndex().defined() ? stats.compositeIndex().rounded() : Double.NaN);
    published.put(Figure.HEAVY_DAYS, (double) stats.days().heavyPollutionDays());
    Map<Figure, Double> unrounded = new EnumMap<>(Figure.class);
    unrounded.put(Figure.PM25, stats.concentrations().pm25());
    unrounded.put(Figure.GOOD_RATIO, stats.goodDayRatio());
    unrounded.put(Figure.COMPOSITE_INDEX, stats.compositeIndex().value());
    unrounded.put(Figure.HEAVY_DAYS, (double) stats.days().heavyPollutionDays());
    return new CityFigures(cityId, published, unrounded);
  }

  /** From the pipeline's record, which carries the published figures only. */
  public static CityFigures of(CityPeriod period) {
    Map<Figure, Double> published = new EnumMap<>(Figure.class);
    published.put(Figure.PM25, orNaN(period.getPm25()));
    published.put(Figure.GOOD_RATIO, orNaN(period.getGoodRatio()));
    published.put(Figure.COMPOSITE_INDEX, orNaN(period.getCompositeIndex()));
    published.put(Figure.HEAVY_DAYS, (double) period.getHeavyDays());
    return new CityFigures(period.getCityId(), published, published);
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
