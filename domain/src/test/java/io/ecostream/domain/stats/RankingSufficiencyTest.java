package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingSufficiencyTest {

  private static final RankingSufficiency RULE = RankingSufficiency.defaults();

  @Test
  void shouldDefaultToNinetyPercentOfTheElapsedDays() {
    assertThat(RULE).isEqualTo(new RankingSufficiency(90));
  }

  @ParameterizedTest(name = "{0} to {1}, {2} valid days → {3}")
  @CsvSource({
    // 30 elapsed days: 90 % is exactly 27
    "2024-04-01, 2024-04-30, 27, true",
    "2024-04-01, 2024-04-30, 26, false",
    // 31 days: 90 % is 27.9, so 28 are needed
    "2024-01-01, 2024-01-31, 28, true",
    "2024-01-01, 2024-01-31, 27, false",
    // A year to date of 10 days: 9 suffice
    "2024-01-01, 2024-01-10, 9, true",
    "2024-01-01, 2024-01-10, 8, false",
    // One day: it must be valid
    "2024-01-01, 2024-01-01, 1, true",
    "2024-01-01, 2024-01-01, 0, false",
    // A whole leap year: 90 % of 366 is 329.4
    "2024-01-01, 2024-12-31, 330, true",
    "2024-01-01, 2024-12-31, 329, false"
  })
  void shouldRequireNinetyPercentOfTheDaysFromTheFirstDayToTheLastDayWithData(
      LocalDate from, LocalDate to, int validDays, boolean sufficient) {
    assertThat(RULE.sufficient(3.67, validDays, from, to)).isEqualTo(sufficient);
  }

  @Test
  void shouldNotRankACityWithoutAValueHoweverManyDaysItHas() {
    assertThat(RULE.sufficient(Double.NaN, 31, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)))
        .isFalse();
  }

  @Test
  void shouldTakeTheConfiguredShare() {
    RankingSufficiency half = new RankingSufficiency(50);
    LocalDate from = LocalDate.of(2024, 1, 1);

    assertThat(half.sufficient(40.0, 5, from, from.plusDays(9))).isTrue();
    assertThat(half.sufficient(40.0, 4, from, from.plusDays(9))).isFalse();
  }

  @Test
  void shouldRejectImpossibleInputs() {
    LocalDate day = LocalDate.of(2024, 1, 10);
    assertThatThrownBy(() -> RULE.sufficient(1.0, 1, day, day.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before");
    assertThatThrownBy(() -> RULE.sufficient(1.0, 2, day, day))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot have 2 valid days");
    assertThatThrownBy(() -> new RankingSufficiency(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RankingSufficiency(101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
