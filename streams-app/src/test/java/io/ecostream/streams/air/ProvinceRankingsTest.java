package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.ProvinceRanking;
import io.ecostream.avro.RankingEntry;
import io.ecostream.avro.internal.ProvinceRankingState;
import io.ecostream.domain.stats.RankingSufficiency;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvinceRankingsTest {

  private static final LocalDate AUG_1 = LocalDate.of(2024, 8, 1);
  private static final LocalDate AUG_9 = LocalDate.of(2024, 8, 9);
  private static final LocalDate AUG_10 = LocalDate.of(2024, 8, 10);

  private final ProvinceRankings rankings = new ProvinceRankings(RankingSufficiency.defaults());
  private ProvinceRankingState state;

  /** August 2024 to date of one city: 1 August to {@code to}. */
  private static CityPeriod.Builder august(String cityId, LocalDate to, int validDays) {
    return CityPeriod.newBuilder()
        .setCityId(cityId)
        .setPeriodType(PeriodType.MONTH_TO_DATE)
        .setPeriod("2024-08")
        .setFrom(AUG_1)
        .setTo(to)
        .setValidDays(validDays)
        .setGoodDays(0)
        .setHeavyDays(0)
        .setSevereDays(0)
        .setDaysByCategory(List.of(0, 0, 0, 0, 0, 0))
        .setDustDays(0)
        .setRevision(1);
  }

  private static CityPeriod august(
      String cityId,
      LocalDate to,
      int validDays,
      Double index,
      Double pm25,
      Double goodRatio,
      Double change) {
    return august(cityId, to, validDays)
        .setCompositeIndex(index)
        .setPm25(pm25)
        .setGoodRatio(goodRatio)
        .setCompositeIndexChange(change)
        .build();
  }

  private static RankingEntry ranked(
      int rank, String cityId, double value, LocalDate to, int validDays) {
    return new RankingEntry(cityId, rank, value, to, validDays, true);
  }

  private static RankingEntry unranked(String cityId, Double value, LocalDate to, int validDays) {
    return new RankingEntry(cityId, null, value, to, validDays, false);
  }

  @BeforeEach
  void emptyShandongAugust() {
    state = ProvinceRankings.empty("Shandong@2024-08", august("jinan", AUG_10, 10).build());
  }

  /**
   * The four Shandong cities of the worked example; binzhou has no composite index (a statistic
   * missing).
   */
  private ProvinceRanking fourCities() {
    rankings.update(state, august("jinan", AUG_10, 10, 4.60, 45.0, 80.0, -5.2));
    rankings.update(state, august("qingdao", AUG_10, 10, 3.67, 38.0, 75.0, null));
    rankings.update(state, august("zibo", AUG_9, 9, 4.60, 45.0, 90.0, 1.3));
    return rankings
        .update(state, august("binzhou", AUG_10, 10, null, 50.0, 60.0, -8.0))
        .orElseThrow();
  }

  @Test
  void shouldRankByCompositeIndexLowestFirstWithTiesAndTheCityWithoutAnIndexLast() {
    ProvinceRanking ranking = fourCities();

    // 3.67 < 4.60 = 4.60: ranks 1, 2, 2 (jinan before zibo by id); binzhou has no index.
    assertThat(ranking.getByCompositeIndex())
        .containsExactly(
            ranked(1, "qingdao", 3.67, AUG_10, 10),
            ranked(2, "jinan", 4.60, AUG_10, 10),
            ranked(2, "zibo", 4.60, AUG_9, 9),
            unranked("binzhou", null, AUG_10, 10));
  }

  @Test
  void shouldRankPm25LowestFirstAndGoodRatioHighestFirst() {
    ProvinceRanking ranking = fourCities();

    // PM2.5 38 < 45 = 45 < 50: 1, 2, 2, 4; binzhou is ranked here, it has a PM2.5.
    assertThat(ranking.getByPm25())
        .containsExactly(
            ranked(1, "qingdao", 38, AUG_10, 10),
            ranked(2, "jinan", 45, AUG_10, 10),
            ranked(2, "zibo", 45, AUG_9, 9),
            ranked(4, "binzhou", 50, AUG_10, 10));
    // Good-day ratio 90.0 > 80.0 > 75.0 > 60.0.
    assertThat(ranking.getByGoodRatio())
        .containsExactly(
            ranked(1, "zibo", 90.0, AUG_9, 9),
            ranked(2, "jinan", 80.0, AUG_10, 10),
            ranked(3, "qingdao", 75.0, AUG_10, 10),
            ranked(4, "binzhou", 60.0, AUG_10, 10));
  }

  @Test
  void shouldRankTheLargestImprovementOfTheIndexFirst() {
    ProvinceRanking ranking = fourCities();

    // −8.0 % < −5.2 % < +1.3 %; qingdao has no figure of last year.
    assertThat(ranking.getByCompositeIndexChange())
        .containsExactly(
            ranked(1, "binzhou", -8.0, AUG_10, 10),
            ranked(2, "jinan", -5.2, AUG_10, 10),
            ranked(3, "zibo", 1.3, AUG_9, 9),
            unranked("qingdao", null, AUG_10, 10));
  }

  @Test
  void shouldDescribeTheProvincePeriodAsOfTheEarliestDayOfTheRankedCities() {
    ProvinceRanking ranking = fourCities();

    assertThat(ranking.getProvince()).isEqualTo("Shandong");
    assertThat(ranking.getPeriodType()).isEqualTo(PeriodType.MONTH_TO_DATE);
    assertThat(ranking.getPeriod()).isEqualTo("2024-08");
    assertThat(ranking.getCities()).isEqualTo(4);
    assertThat(ranking.getAsOf()).isEqualTo(AUG_9); // zibo's last day; the others reached 10 August
    assertThat(ranking.getRevision()).isEqualTo(4);
  }

  @Test
  void shouldListACityWithTooFewValidDaysAsInsufficientEverywhereAndLeaveItOutOfAsOf() {
    rankings.update(state, august("jinan", AUG_10, 10, 4.60, 45.0, 80.0, -5.2));
    // 4 valid days of the 5 elapsed: 80 % < 90 %.
    ProvinceRanking ranking =
        rankings
            .update(state, august("weifang", LocalDate.of(2024, 8, 5), 4, 3.10, 30.0, 95.0, -9.9))
            .orElseThrow();

    assertThat(ranking.getByCompositeIndex())
        .containsExactly(
            ranked(1, "jinan", 4.60, AUG_10, 10),
            unranked("weifang", 3.10, LocalDate.of(2024, 8, 5), 4));
    assertThat(ranking.getByGoodRatio())
        .extracting(RankingEntry::getCityId)
        .containsExactly("jinan", "weifang");
    assertThat(ranking.getByGoodRatio())
        .extracting(RankingEntry::getSufficient)
        .containsExactly(true, false);
    assertThat(ranking.getAsOf()).isEqualTo(AUG_10);
  }

  @Test
  void shouldHaveNoAsOfWhileNoCityIsRanked() {
    ProvinceRanking ranking =
        rankings.update(state, august("binzhou", AUG_10, 10).build()).orElseThrow();

    assertThat(ranking.getAsOf()).isNull();
    assertThat(ranking.getByPm25()).containsExactly(unranked("binzhou", null, AUG_10, 10));
  }

  @Test
  void shouldEmitNothingWhenTheCitysRankedFiguresDidNotChange() {
    fourCities();
    CityPeriod sameFiguresOtherFields =
        august("jinan", AUG_10, 10)
            .setCompositeIndex(4.60)
            .setPm25(45.0)
            .setGoodRatio(80.0)
            .setCompositeIndexChange(-5.2)
            .setSo2(12.0)
            .setRevision(7)
            .build();

    Optional<ProvinceRanking> update = rankings.update(state, sameFiguresOtherFields);

    assertThat(update).isEmpty();
    assertThat(state.getRevision()).isEqualTo(4);
  }

  @Test
  void shouldReplaceTheCitysFiguresAndRaiseTheRevision() {
    fourCities();

    ProvinceRanking ranking =
        rankings.update(state, august("zibo", AUG_10, 10, 4.61, 45.0, 90.0, 1.3)).orElseThrow();

    assertThat(ranking.getRevision()).isEqualTo(5);
    assertThat(ranking.getCities()).isEqualTo(4);
    assertThat(ranking.getAsOf()).isEqualTo(AUG_10);
    assertThat(ranking.getByCompositeIndex())
        .extracting(RankingEntry::getCityId, RankingEntry::getRank)
        .containsExactly(
            tuple("qingdao", 1), tuple("jinan", 2), tuple("zibo", 3), tuple("binzhou", null));
  }

  @Test
  void shouldKeyByProvinceAndPeriodAndKeepAnAtInTheProvinceName() {
    assertThat(ProvinceRankings.key("Shandong", "2023")).isEqualTo("Shandong@2023");
    assertThat(
            ProvinceRankings.empty("odd@name@2023-08", august("jinan", AUG_10, 10).build())
                .getProvince())
        .isEqualTo("odd@name");
  }
}
