package io.ecostream.streams.water;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.WaterRanking;
import io.ecostream.avro.WaterRankingEntry;
import io.ecostream.avro.internal.WaterRankingState;
import io.ecostream.streams.config.WaterSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaterRankingsTest {

  private static final String KEY = "Shandong@2024-01";
  private final WaterRankings rankings = new WaterRankings(WaterSettings.defaults().cwqi());

  private static CityWaterPeriod january(
      String cityId, Double cwqi, Double goodShare, int sections) {
    return CityWaterPeriod.newBuilder()
        .setCityId(cityId)
        .setPeriodType(PeriodType.MONTH_TO_DATE)
        .setPeriod("2024-01")
        .setSections(sections)
        .setGoodShare(goodShare)
        .setCwqi(cwqi)
        .setDrinkingSources(0)
        .setSeaPoints(0)
        .setWaterBodies(List.of())
        .setRevision(1)
        .build();
  }

  private static WaterRankingEntry ranked(int rank, String cityId, double value) {
    return new WaterRankingEntry(cityId, rank, value, true);
  }

  private static WaterRankingEntry unranked(String cityId) {
    return new WaterRankingEntry(cityId, null, null, false);
  }

  /** Four cities: two tie on the published CWQI, a coastal one has sea points only (no CWQI). */
  private WaterRankingState shandong() {
    WaterRankingState state = rankings.initial(KEY, january("jinan", 2.3516, 50.0, 4));
    rankings.update(state, january("jinan", 2.3516, 50.0, 4));
    rankings.update(state, january("qingdao", 1.2, 100.0, 2));
    rankings.update(state, january("zibo", 2.3516, 75.0, 4));
    rankings.update(state, january("weihai", null, null, 0));
    return state;
  }

  @Test
  void shouldRankByCwqiLowestFirst_tiesSharingARank_andListACityWithoutCwqiUnranked() {
    WaterRanking ranking = rankings.ranking(shandong());

    assertThat(ranking.getProvince()).isEqualTo("Shandong");
    assertThat(ranking.getPeriodType()).isEqualTo(PeriodType.MONTH_TO_DATE);
    assertThat(ranking.getPeriod()).isEqualTo("2024-01");
    assertThat(ranking.getCities()).isEqualTo(4);
    assertThat(ranking.getByCwqi())
        .containsExactly(
            ranked(1, "qingdao", 1.2),
            ranked(2, "jinan", 2.3516),
            ranked(2, "zibo", 2.3516),
            unranked("weihai"));
    assertThat(ranking.getByGoodShare())
        .containsExactly(
            ranked(1, "qingdao", 100.0),
            ranked(2, "zibo", 75.0),
            ranked(3, "jinan", 50.0),
            unranked("weihai"));
    assertThat(ranking.getRevision()).isEqualTo(4);
  }

  @Test
  void shouldRankByTheCwqiChangeMostImprovedFirst_andLeaveACityWithoutLastYearUnranked() {
    WaterRankingState state = shandong();
    rankings.update(state, with(january("jinan", 2.3516, 50.0, 4), -8.3));
    rankings.update(state, with(january("qingdao", 1.2, 100.0, 2), 4.0));
    WaterRanking ranking =
        rankings.update(state, with(january("zibo", 2.3516, 75.0, 4), -12.5)).orElseThrow();

    // lower is better: zibo improved most (-12.5 %), then jinan (-8.3 %), qingdao got worse (+4.0
    // %)
    assertThat(ranking.getByCwqiChange())
        .containsExactly(
            ranked(1, "zibo", -12.5),
            ranked(2, "jinan", -8.3),
            ranked(3, "qingdao", 4.0),
            unranked("weihai"));
  }

  private static CityWaterPeriod with(CityWaterPeriod period, double cwqiChange) {
    period.setCwqiChange(cwqiChange);
    return period;
  }

  @Test
  void shouldEmitNothingWhenTheRankedFiguresAreUnchanged_andANewRevisionWhenTheyChange() {
    WaterRankingState state = shandong();

    Optional<WaterRanking> sameFigures = rankings.update(state, january("zibo", 2.3516, 75.0, 5));
    WaterRanking moved = rankings.update(state, january("zibo", 1.2, 75.0, 4)).orElseThrow();

    assertThat(sameFigures).isEmpty();
    assertThat(moved.getRevision()).isEqualTo(5);
    assertThat(moved.getByCwqi())
        .containsExactly(
            ranked(1, "qingdao", 1.2),
            ranked(1, "zibo", 1.2),
            ranked(3, "jinan", 2.3516),
            unranked("weihai"));
  }
}
