package io.ecostream.streams.air;

import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.ProvinceRanking;
import io.ecostream.avro.RankingEntry;
import io.ecostream.avro.internal.ProvinceRankingState;
import io.ecostream.avro.internal.RankedCityFigures;
import io.ecostream.domain.stats.Ranking;
import io.ecostream.domain.stats.Ranking.Order;
import io.ecostream.domain.stats.RankingSufficiency;
import io.ecostream.streams.ranking.ByProvince;
import io.ecostream.streams.ranking.RankingBook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rankings of a province's cities for one period to date, from each city's latest {@link
 * CityPeriod}. The figures are ranked as CityPeriod publishes them (rounded), so equal published
 * figures tie ({@link Ranking}).
 */
public final class ProvinceRankings
    implements RankingBook<CityPeriod, ProvinceRankingState, ProvinceRanking> {

  private final RankingSufficiency sufficiency;

  public ProvinceRankings(RankingSufficiency sufficiency) {
    this.sufficiency = sufficiency;
  }

  /** {@code province@period}; a period (yyyy, yyyy-MM) never holds an '@', a province might. */
  public static String key(String province, String period) {
    return ByProvince.key(province, period);
  }

  @Override
  public ProvinceRankingState initial(String key, CityPeriod figure) {
    return empty(key, figure);
  }

  public static ProvinceRankingState empty(String key, CityPeriod figure) {
    return ProvinceRankingState.newBuilder()
        .setProvince(ByProvince.province(key))
        .setPeriodType(figure.getPeriodType())
        .setPeriod(figure.getPeriod())
        .setCities(new HashMap<>())
        .setRevision(0)
        .build();
  }

  /**
   * Puts the city's figure into the state; the ranking to emit, with the next revision, when that
   * changes the city's ranked figures; empty when it does not (a CityPeriod whose other fields
   * changed). The ranking shows all of them (to, valid days, the four values), so a change of any
   * is a change of the ranking.
   */
  @Override
  public Optional<ProvinceRanking> update(ProvinceRankingState state, CityPeriod figure) {
    RankedCityFigures figures = figures(figure);
    if (figures.equals(state.getCities().put(figure.getCityId(), figures))) {
      return Optional.empty();
    }
    state.setRevision(state.getRevision() + 1);
    return Optional.of(ranking(state));
  }

  /** The rankings of the state's cities, with the state's revision. */
  public ProvinceRanking ranking(ProvinceRankingState state) {
    Map<String, RankedCityFigures> cities = state.getCities();
    List<RankingEntry> byIndex =
        list(cities, RankedCityFigures::getCompositeIndex, Order.LOWER_IS_BETTER);
    List<RankingEntry> byPm25 = list(cities, RankedCityFigures::getPm25, Order.LOWER_IS_BETTER);
    List<RankingEntry> byGoodRatio =
        list(cities, RankedCityFigures::getGoodRatio, Order.HIGHER_IS_BETTER);
    // A negative change rate is an improvement (docs/standards.md#year-on-year), so the lowest
    // comes first.
    List<RankingEntry> byChange =
        list(cities, RankedCityFigures::getCompositeIndexChange, Order.LOWER_IS_BETTER);
    LocalDate asOf =
        Stream.of(byIndex, byPm25, byGoodRatio, byChange)
            .flatMap(List::stream)
            .filter(RankingEntry::getSufficient)
            .map(RankingEntry::getTo)
            .min(LocalDate::compareTo)
            .orElse(null);
    return ProvinceRanking.newBuilder()
        .setProvince(state.getProvince())
        .setPeriodType(state.getPeriodType())
        .setPeriod(state.getPeriod())
        .setAsOf(asOf)
        .setCities(cities.size())
        .setByCompositeIndex(byIndex)
        .setByPm25(byPm25)
        .setByGoodRatio(byGoodRatio)
        .setByCompositeIndexChange(byChange)
        .setRevision(state.getRevision())
        .build();
  }

  private List<RankingEntry> list(
      Map<String, RankedCityFigures> cities,
      Function<RankedCityFigures, Double> value,
      Order order) {
    List<Ranking.Entry> entries = new ArrayList<>(cities.size());
    cities.forEach(
        (city, figures) -> {
          double v = CityPeriods.orNaN(value.apply(figures));
          entries.add(
              new Ranking.Entry(
                  city,
                  v,
                  sufficiency.sufficient(
                      v, figures.getValidDays(), figures.getFrom(), figures.getTo())));
        });
    List<RankingEntry> list = new ArrayList<>(cities.size());
    for (Ranking.Listed city : Ranking.of(entries, order).listed()) {
      list.add(entry(city, cities.get(city.cityId())));
    }
    return list;
  }

  private static RankingEntry entry(Ranking.Listed city, RankedCityFigures figures) {
    return RankingEntry.newBuilder()
        .setCityId(city.cityId())
        .setRank(city.rank())
        .setValue(CityPeriods.present(city.value()))
        .setTo(figures.getTo())
        .setValidDays(figures.getValidDays())
        .setSufficient(city.sufficient())
        .build();
  }

  private static RankedCityFigures figures(CityPeriod figure) {
    return RankedCityFigures.newBuilder()
        .setFrom(figure.getFrom())
        .setTo(figure.getTo())
        .setValidDays(figure.getValidDays())
        .setCompositeIndex(figure.getCompositeIndex())
        .setPm25(figure.getPm25())
        .setGoodRatio(figure.getGoodRatio())
        .setCompositeIndexChange(figure.getCompositeIndexChange())
        .build();
  }
}
