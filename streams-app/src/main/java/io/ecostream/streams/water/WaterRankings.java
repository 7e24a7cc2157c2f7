package io.ecostream.streams.water;

import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.WaterRanking;
import io.ecostream.avro.WaterRankingEntry;
import io.ecostream.avro.internal.RankedCityWater;
import io.ecostream.avro.internal.WaterRankingState;
import io.ecostream.domain.stats.Ranking;
import io.ecostream.domain.water.Cwqi;
import io.ecostream.domain.water.CwqiRules;
import io.ecostream.streams.ranking.ByProvince;
import io.ecostream.streams.ranking.RankingBook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The water rankings of a province's cities for one period to date, from each city's latest {@link
 * CityWaterPeriod}: by CWQI ({@link Cwqi#rankCities}, lower is better), by good share (higher is
 * better) and by the CWQI's year-on-year change (lower is better). The figures are ranked as
 * CityWaterPeriod publishes them, so equal published figures tie. A city is ranked in a list when
 * it has the figure: there is no data-sufficiency rule for water (the sections are assessed from
 * monthly samples, not counted days).
 */
final class WaterRankings implements RankingBook<CityWaterPeriod, WaterRankingState, WaterRanking> {

  private final CwqiRules cwqiRules;

  WaterRankings(CwqiRules cwqiRules) {
    this.cwqiRules = cwqiRules;
  }

  @Override
  public WaterRankingState initial(String key, CityWaterPeriod figure) {
    return WaterRankingState.newBuilder()
        .setProvince(ByProvince.province(key))
        .setPeriodType(figure.getPeriodType())
        .setPeriod(figure.getPeriod())
        .setCities(new HashMap<>())
        .setRevision(0)
        .build();
  }

  /** Empty when the city's ranked figures are as they were (a change of other fields only). */
  @Override
  public Optional<WaterRanking> update(WaterRankingState state, CityWaterPeriod figure) {
    RankedCityWater figures =
        new RankedCityWater(figure.getCwqi(), figure.getGoodShare(), figure.getCwqiChange());
    if (figures.equals(state.getCities().put(figure.getCityId(), figures))) {
      return Optional.empty();
    }
    state.setRevision(state.getRevision() + 1);
    return Optional.of(ranking(state));
  }

  WaterRanking ranking(WaterRankingState state) {
    Map<String, RankedCityWater> cities = state.getCities();
    return WaterRanking.newBuilder()
        .setProvince(state.getProvince())
        .setPeriodType(state.getPeriodType())
        .setPeriod(state.getPeriod())
        .setCities(cities.size())
        .setByCwqi(list(Cwqi.rankCities(entries(cities, RankedCityWater::getCwqi), cwqiRules)))
        .setByGoodShare(
            list(
                Ranking.of(
                    entries(cities, RankedCityWater::getGoodShare),
                    Ranking.Order.HIGHER_IS_BETTER)))
        .setByCwqiChange(
            list(
                Ranking.of(
                    entries(cities, RankedCityWater::getCwqiChange),
                    Ranking.Order.LOWER_IS_BETTER)))
        .setRevision(state.getRevision())
        .build();
  }

  private static List<Ranking.Entry> entries(
      Map<String, RankedCityWater> cities, Function<RankedCityWater, Double> value) {
    List<Ranking.Entry> entries = new ArrayList<>(cities.size());
    cities.forEach(
        (city, figures) -> {
          Double v = value.apply(figures);
          entries.add(new Ranking.Entry(city, v == null ? Double.NaN : v, v != null));
        });
    return entries;
  }

  private static List<WaterRankingEntry> list(Ranking ranking) {
    List<WaterRankingEntry> list = new ArrayList<>();
    for (Ranking.Listed city : ranking.listed()) {
      list.add(
          new WaterRankingEntry(
              city.cityId(),
              city.rank(),
              Double.isNaN(city.value()) ? null : city.value(),
              city.sufficient()));
    }
    return list;
  }
}
