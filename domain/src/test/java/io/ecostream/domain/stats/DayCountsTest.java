package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.domain.air.AqiCategory;
import org.junit.jupiter.api.Test;

class DayCountsTest {

  @Test
  void shouldDeriveTheBulletinDayFigures() {
    DayCounts days = new DayCounts(10, 20, 5, 3, 2, 1);

    assertThat(days.validDays()).isEqualTo(41);
    assertThat(days.goodDays()).isEqualTo(30);
    assertThat(days.heavyPollutionDays()).isEqualTo(3);
    assertThat(days.severePollutionDays()).isEqualTo(1);
    assertThat(days.of(AqiCategory.EXCELLENT)).isEqualTo(10);
    assertThat(days.of(AqiCategory.GOOD)).isEqualTo(20);
    assertThat(days.of(AqiCategory.MODERATELY_POLLUTED)).isEqualTo(3);
    assertThat(days.of(AqiCategory.SEVERELY_POLLUTED)).isEqualTo(1);
    // 30/41 = 73.17 % → 73.2; 3/41 = 7.32 % → 7.3
    assertThat(BulletinRounding.ratio(days.goodDayRatio())).isEqualTo(73.2);
    assertThat(BulletinRounding.ratio(days.heavyPollutionRatio())).isEqualTo(7.3);
  }

  @Test
  void shouldReproduceTheCountyBulletin() {
    // docs/standards.md#good-days-and-heavy-pollution-days: "有效监测天数共计91天…优良天气共计86天，优良率为94.5%"
    // (86/91 = 94.505 %).
    DayCounts days = new DayCounts(40, 46, 5, 0, 0, 0);
    assertThat(BulletinRounding.ratio(days.goodDayRatio())).isEqualTo(94.5);
  }

  @Test
  void shouldKeepAnExactTieOfTheRatioATie() {
    // 1 good day of 16 = 6.25 % exactly → 6.2 (half to even); 3 of 8 = 37.5 %, already one decimal.
    assertThat(BulletinRounding.ratio(new DayCounts(1, 0, 15, 0, 0, 0).goodDayRatio()))
        .isEqualTo(6.2);
    assertThat(new DayCounts(0, 3, 5, 0, 0, 0).goodDayRatio()).isEqualTo(37.5);
  }

  @Test
  void shouldHaveNoRatioWithoutValidDays() {
    assertThat(DayCounts.NONE.goodDayRatio()).isNaN();
    assertThat(DayCounts.NONE.heavyPollutionRatio()).isNaN();
  }

  @Test
  void shouldRejectNegativeCounts() {
    assertThatThrownBy(() -> new DayCounts(0, 0, 0, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
