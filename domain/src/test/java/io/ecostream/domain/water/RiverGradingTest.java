package io.ecostream.domain.water;

import static io.ecostream.domain.water.WaterClass.I;
import static io.ecostream.domain.water.WaterClass.II;
import static io.ecostream.domain.water.WaterClass.III;
import static io.ecostream.domain.water.WaterClass.IV;
import static io.ecostream.domain.water.WaterClass.V;
import static io.ecostream.domain.water.WaterClass.WORSE_THAN_V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiverGradingTest {

  private static final RiverGradingRules DEFAULTS = RiverGradingRules.defaults();

  /** good sections of class II, then fourth of class IV, then worst of 劣V. */
  private static SectionShares sections(int good, int fourth, int worst) {
    List<WaterClass> classes = new ArrayList<>();
    for (int i = 0; i < good; i++) {
      classes.add(II);
    }
    for (int i = 0; i < fourth; i++) {
      classes.add(IV);
    }
    for (int i = 0; i < worst; i++) {
      classes.add(WORSE_THAN_V);
    }
    return SectionShares.of(classes);
  }

  private static WaterGrade grade(int good, int fourth, int worst) {
    return RiverGrading.byShares(sections(good, fourth, worst), DEFAULTS);
  }

  @Test
  void shouldGiveEveryShareOfTheSections() {
    // 8 sections: I–III 5 (I, II, III, III, II) = 62.5 %; IV 1 = 12.5 %; V 1 = 12.5 %; 劣V 1 = 12.5
    // %; V+劣V 25.0 %.
    SectionShares shares = SectionShares.of(List.of(I, II, III, IV, V, WORSE_THAN_V, III, II));

    assertThat(shares.total()).isEqualTo(8);
    assertThat(shares.goodCount()).isEqualTo(5);
    assertThat(shares.goodPercent()).isEqualTo(62.5);
    assertThat(shares.classIvPercent()).isEqualTo(12.5);
    assertThat(shares.classVPercent()).isEqualTo(12.5);
    assertThat(shares.worseThanVPercent()).isEqualTo(12.5);
    assertThat(shares.vAndWorseThanVPercent()).isEqualTo(25.0);
    assertThat(shares.percent(III)).isEqualTo(25.0);
  }

  @Test
  void shouldRoundSharesToOneDecimalByGbt8170() {
    // 1/3 = 33.33… → 33.3; 2/3 = 66.66… → 66.7; 1/16 = 6.25, a tie, half to even → 6.2; 3/16 =
    // 18.75 → 18.8.
    assertThat(sections(1, 2, 0).goodPercent()).isEqualTo(33.3);
    assertThat(sections(2, 1, 0).goodPercent()).isEqualTo(66.7);
    assertThat(sections(1, 15, 0).goodPercent()).isEqualTo(6.2);
    assertThat(sections(3, 13, 0).goodPercent()).isEqualTo(18.8);
    assertThat(SectionShares.of(List.of()).goodPercent()).isNaN();
  }

  @Test
  void shouldGradeExcellentFrom90PercentGood() {
    assertThat(grade(9, 1, 0)).isEqualTo(WaterGrade.EXCELLENT); // 90 %
    assertThat(grade(17, 2, 0)).isEqualTo(WaterGrade.GOOD); // 17/19 = 89.5 %
  }

  @Test
  void shouldGradeGoodFrom75PercentGood() {
    assertThat(grade(15, 5, 0)).isEqualTo(WaterGrade.GOOD); // 75 %
    assertThat(grade(14, 6, 0)).isEqualTo(WaterGrade.LIGHTLY_POLLUTED); // 70 %, 劣V 0
  }

  @Test
  void shouldGradeModeratelyPollutedFrom20PercentWorseThanV() {
    assertThat(grade(5, 4, 1)).isEqualTo(WaterGrade.LIGHTLY_POLLUTED); // 劣V 10 %
    assertThat(grade(50, 31, 19)).isEqualTo(WaterGrade.LIGHTLY_POLLUTED); // 劣V 19 %
    assertThat(grade(5, 3, 2)).isEqualTo(WaterGrade.MODERATELY_POLLUTED); // 劣V 20 %
    assertThat(grade(5, 2, 3)).isEqualTo(WaterGrade.MODERATELY_POLLUTED); // 劣V 30 %
  }

  @Test
  void shouldGradeHeavilyPollutedFrom40PercentWorseThanV() {
    assertThat(grade(5, 1, 4)).isEqualTo(WaterGrade.HEAVILY_POLLUTED); // I–III 50 %, 劣V 40 %
    assertThat(grade(50, 11, 39)).isEqualTo(WaterGrade.MODERATELY_POLLUTED); // 劣V 39 %
  }

  @Test
  void shouldGradeTheSixtyFortyCaseByTheSetting() {
    // 3 of 5 sections I–III (60 %) and 2 劣V (40 %): < 75 % → 重度污染 by default; with the "< 60 %"
    // reading no line
    // holds and it is 中度污染.
    RiverGradingRules sixty = new RiverGradingRules(5, 60);

    assertThat(grade(3, 0, 2)).isEqualTo(WaterGrade.HEAVILY_POLLUTED);
    assertThat(RiverGrading.byShares(sections(3, 0, 2), sixty))
        .isEqualTo(WaterGrade.MODERATELY_POLLUTED);
    assertThat(RiverGrading.byShares(sections(5, 0, 5), sixty))
        .isEqualTo(WaterGrade.HEAVILY_POLLUTED); // 50 %
  }

  @Test
  void shouldGradeFewerThanFiveSectionsByTheirMeanConcentrations() {
    // NH3-N 0.4 (II), 1.2 (IV), 0.5 (II): mean 2.1 / 3 = 0.7 → III → 良好, although one section is
    // IV.
    List<WaterQuality> sections =
        List.of(
            WaterQuality.empty().with(WaterItem.AMMONIA_NITROGEN, 0.4),
            WaterQuality.empty().with(WaterItem.AMMONIA_NITROGEN, 1.2),
            WaterQuality.empty().with(WaterItem.AMMONIA_NITROGEN, 0.5));

    assertThat(RiverGrading.of(sections, WaterBody.RIVER, DEFAULTS)).hasValue(WaterGrade.GOOD);
  }

  @Test
  void shouldGradeFiveSectionsByTheirShares() {
    // NH3-N 0.4, 0.4, 0.4, 2.5, 2.5 → II, II, II, 劣V, 劣V: 60 % / 40 % → 重度污染 (default);
    // by the mean (6.2 / 5 = 1.24 → IV) it would have been 轻度污染.
    List<WaterQuality> sections = new ArrayList<>();
    for (double nh3 : new double[] {0.4, 0.4, 0.4, 2.5, 2.5}) {
      sections.add(WaterQuality.empty().with(WaterItem.AMMONIA_NITROGEN, nh3));
    }
    sections.add(WaterQuality.empty()); // not evaluated

    assertThat(RiverGrading.of(sections, WaterBody.RIVER, DEFAULTS))
        .hasValue(WaterGrade.HEAVILY_POLLUTED);
    assertThat(RiverGrading.byMeanConcentrations(sections, WaterBody.RIVER))
        .hasValue(WaterGrade.LIGHTLY_POLLUTED);
  }

  @Test
  void shouldNotGradeWithoutSections() {
    assertThat(RiverGrading.of(List.of(WaterQuality.empty()), WaterBody.RIVER, DEFAULTS)).isEmpty();
    assertThatThrownBy(() -> RiverGrading.byShares(SectionShares.of(List.of()), DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectImpossibleSettings() {
    assertThatThrownBy(() -> new RiverGradingRules(0, 75))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RiverGradingRules(5, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
