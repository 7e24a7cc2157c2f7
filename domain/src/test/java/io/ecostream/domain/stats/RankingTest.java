package io.ecostream.domain.stats;

import static io.ecostream.domain.stats.Ranking.Order.HIGHER_IS_BETTER;
import static io.ecostream.domain.stats.Ranking.Order.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.domain.stats.Ranking.Entry;
import io.ecostream.domain.stats.Ranking.Ranked;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

  private static Entry city(String id, double value) {
    return new Entry(id, value, true);
  }

  @Test
  void shouldRankTheLowestIndexFirstWithSharedRanksForTies() {
    Ranking ranking =
        Ranking.of(
            List.of(
                city("a", 3.67),
                city("b", 4.79),
                city("c", 3.67),
                city("d", 5.20),
                city("e", 2.10)),
            LOWER_IS_BETTER);

    assertThat(ranking.ranked())
        .containsExactly(
            new Ranked(1, "e", 2.10),
            new Ranked(2, "a", 3.67),
            new Ranked(2, "c", 3.67),
            new Ranked(4, "b", 4.79),
            new Ranked(5, "d", 5.20));
    assertThat(ranking.insufficient()).isEmpty();
  }

  @Test
  void shouldRankTheHighestGoodDayRatioFirst() {
    Ranking ranking =
        Ranking.of(
            List.of(city("a", 77.8), city("b", 80.1), city("c", 77.8), city("d", 90.0)),
            HIGHER_IS_BETTER);

    assertThat(ranking.ranked())
        .containsExactly(
            new Ranked(1, "d", 90.0),
            new Ranked(2, "b", 80.1),
            new Ranked(3, "a", 77.8),
            new Ranked(3, "c", 77.8));
  }

  @Test
  void shouldListCitiesWithInsufficientDataSeparately() {
    Entry fewDays = new Entry("few-days", 1.00, false);
    Entry noValue = city("no-value", Double.NaN);

    Ranking ranking =
        Ranking.of(List.of(noValue, city("b", 4.0), fewDays, city("a", 5.0)), LOWER_IS_BETTER);

    assertThat(ranking.ranked()).containsExactly(new Ranked(1, "b", 4.0), new Ranked(2, "a", 5.0));
    assertThat(ranking.insufficient()).containsExactly(fewDays, noValue);
  }

  @Test
  void shouldTieMinusZeroWithZero() {
    // A published change rate of −0.04 % rounds to −0.0; it is the same figure as 0.0.
    Ranking ranking =
        Ranking.of(List.of(city("a", 0.0), city("b", -0.0), city("c", -1.2)), LOWER_IS_BETTER);

    assertThat(ranking.ranked()).extracting(Ranked::cityId).containsExactly("c", "a", "b");
    assertThat(ranking.ranked()).extracting(Ranked::rank).containsExactly(1, 2, 2);
  }

  @Test
  void shouldGiveEveryoneRankOneWhenAllAreTied() {
    Ranking ranking =
        Ranking.of(List.of(city("b", 3.0), city("a", 3.0), city("c", 3.0)), LOWER_IS_BETTER);

    assertThat(ranking.ranked()).extracting(Ranked::rank).containsExactly(1, 1, 1);
    assertThat(ranking.ranked()).extracting(Ranked::cityId).containsExactly("a", "b", "c");
  }

  @Test
  void shouldRankNothing() {
    Ranking ranking = Ranking.of(List.of(), LOWER_IS_BETTER);
    assertThat(ranking.ranked()).isEmpty();
    assertThat(ranking.insufficient()).isEmpty();
  }

  @Test
  void shouldRejectACityListedTwice() {
    assertThatThrownBy(() -> Ranking.of(List.of(city("a", 1), city("a", 2)), LOWER_IS_BETTER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a");
  }

  @Test
  void shouldListTheRankedBestFirstThenTheUnrankedByIdWithoutARank() {
    Entry noValue = new Entry("c", Double.NaN, true);
    Ranking ranking =
        Ranking.of(
            List.of(noValue, city("b", 4.0), new Entry("a", 1.0, false), city("d", 4.0)),
            LOWER_IS_BETTER);

    assertThat(ranking.listed())
        .containsExactly(
            new Ranking.Listed("b", 1, 4.0, true),
            new Ranking.Listed("d", 1, 4.0, true),
            new Ranking.Listed("a", null, 1.0, false),
            new Ranking.Listed("c", null, Double.NaN, false));
  }
}
