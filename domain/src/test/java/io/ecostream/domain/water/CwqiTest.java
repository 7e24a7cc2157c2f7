package io.ecostream.domain.water;

import static io.ecostream.domain.water.WaterBody.LAKE_RESERVOIR;
import static io.ecostream.domain.water.WaterBody.RIVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ecostream.domain.stats.Ranking;
import io.ecostream.domain.stats.Ranking.Ranked;
import io.ecostream.domain.water.Cwqi.SectionIndex;
import io.ecostream.domain.water.Gb3838.Indicator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CwqiTest {

  private static final CwqiRules DEFAULTS = CwqiRules.defaults();

  @Test
  void shouldSumTheItemIndicesOfTheRiverExample() {
    // docs/standards.md#cwqi: pH (7.8 − 7)/2 = 0.4; DO 5/6.2 = 0.8064516129; CODMn 4.5/6 = 0.75;
    // COD 18/20 = 0.9;
    // BOD5 3.2/4 = 0.8; NH3-N 0.6/1.0 = 0.6; TP 0.15/0.2 = 0.75 → 5.0064516129 (5.0065 to four
    // places).
    double cwqi = Cwqi.section(Gb3838Test.riverExample(), RIVER).getAsDouble();

    assertThat(cwqi).isCloseTo(5.0064516129, within(1e-10));
    assertThat(Cwqi.published(cwqi, DEFAULTS)).isEqualTo(5.01);
  }

  @ParameterizedTest(name = "{0} {1} in {2} → {3}")
  @CsvSource({
    "PH, 6, RIVER, 1",
    "PH, 6.5, RIVER, 0.5",
    "PH, 7, RIVER, 0",
    "PH, 8, RIVER, 0.5",
    "PH, 9, RIVER, 1",
    "DISSOLVED_OXYGEN, 5, RIVER, 1",
    "DISSOLVED_OXYGEN, 10, RIVER, 0.5",
    "TOTAL_PHOSPHORUS, 0.08, RIVER, 0.4",
    "TOTAL_PHOSPHORUS, 0.08, LAKE_RESERVOIR, 1.6",
    "MERCURY, 0.00005, RIVER, 0.5",
    "COD, 30, RIVER, 1.5",
  })
  void shouldDivideByTheClassIiiLimit(
      Indicator indicator, double value, WaterBody body, double expected) {
    assertThat(Cwqi.item(indicator, value, body)).isEqualTo(expected);
  }

  @Test
  void shouldSumExactly() {
    // NH3-N 0.1/1.0 + TP 0.04/0.2 = 0.1 + 0.2 = 0.3 exactly; double addition gives
    // 0.30000000000000004.
    WaterQuality values =
        WaterQuality.empty()
            .with(WaterItem.AMMONIA_NITROGEN, 0.1)
            .with(WaterItem.TOTAL_PHOSPHORUS, 0.04);

    assertThat(Cwqi.section(values, RIVER)).hasValue(0.3);
  }

  @Test
  void shouldLeaveOutTotalNitrogenAndUnmeasuredItems() {
    assertThat(Cwqi.section(WaterQuality.empty().with(WaterItem.TOTAL_NITROGEN, 2), LAKE_RESERVOIR))
        .isEmpty();
    assertThat(Cwqi.section(WaterQuality.empty().with(WaterItem.DISSOLVED_OXYGEN, 0), RIVER))
        .isEmpty();
  }

  @Test
  void shouldAverageACitysSections() {
    List<SectionIndex> sections =
        List.of(
            new SectionIndex(3, RIVER),
            new SectionIndex(5, RIVER),
            new SectionIndex(7, LAKE_RESERVOIR));

    // Each section once: (3 + 5 + 7) / 3 = 5. By water body: rivers 4, lakes 7 → 5.5.
    assertThat(Cwqi.city(sections, DEFAULTS)).hasValue(5.0);
    assertThat(
            Cwqi.city(
                sections,
                DEFAULTS.withCityAggregation(CwqiRules.CityAggregation.MEAN_OF_WATER_BODIES)))
        .hasValue(5.5);
    assertThat(Cwqi.city(List.of(), DEFAULTS)).isEmpty();
  }

  @Test
  void shouldPublishTwoDecimalsHalfToEven() {
    assertThat(Cwqi.published(3.675, DEFAULTS)).isEqualTo(3.68);
    assertThat(Cwqi.published(3.665, DEFAULTS)).isEqualTo(3.66);
    assertThat(Cwqi.published(Double.NaN, DEFAULTS)).isNaN();
  }

  @Test
  void shouldEnterHalfTheDetectionLimit() {
    assertThat(DEFAULTS.belowDetectionLimit(0.01)).isEqualTo(0.005);
    assertThat(DEFAULTS.belowDetectionLimit(0.00004)).isEqualTo(0.00002);
  }

  @Test
  void shouldRankCitiesByPublishedCwqiLowestFirst() {
    // a 3.456 → 3.46; b 3.455 → 3.46 (tie, 5 is odd → up): a and b share rank 2.
    Ranking ranking =
        Cwqi.rankCities(
            List.of(
                new Ranking.Entry("a", 3.456, true),
                new Ranking.Entry("b", 3.455, true),
                new Ranking.Entry("c", 2.1, true),
                new Ranking.Entry("d", 4.0, true),
                new Ranking.Entry("e", 1.0, false)),
            DEFAULTS);

    assertThat(ranking.ranked())
        .containsExactly(
            new Ranked(1, "c", 2.1),
            new Ranked(2, "a", 3.46),
            new Ranked(2, "b", 3.46),
            new Ranked(4, "d", 4.0));
    assertThat(ranking.insufficient()).extracting(Ranking.Entry::cityId).containsExactly("e");
  }

  @Test
  void shouldGiveTheChangeRateAndSharePoints() {
    // ΔCWQI (3.67 − 4.00) / 4.00 = −8.25 % exactly; shares 62.5 − 50.0 = 12.5 points; 74.6 − 77.4 =
    // −2.8 points.
    assertThat(WaterYearOnYear.cwqiChangeRate(3.67, 4.0)).hasValue(-8.25);
    assertThat(WaterYearOnYear.cwqiChangeRate(3.67, 0)).isEmpty();
    assertThat(WaterYearOnYear.sharePoints(62.5, 50.0)).hasValue(12.5);
    assertThat(WaterYearOnYear.sharePoints(74.6, 77.4)).hasValue(-2.8);
  }
}
