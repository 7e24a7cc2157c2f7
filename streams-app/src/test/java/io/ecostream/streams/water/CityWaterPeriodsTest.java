package io.ecostream.streams.water;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.WaterBodyFigures;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.internal.CityWaterYearState;
import io.ecostream.domain.water.Gb3097Rules;
import io.ecostream.domain.water.RiverGradingRules;
import io.ecostream.streams.config.WaterSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class CityWaterPeriodsTest {

  private final CityWaterPeriods periods =
      new CityWaterPeriods(
          new SectionAssessor(Gb3097Rules.defaults()),
          WaterSettings.defaults().cwqi(),
          RiverGradingRules.defaults());

  /** A river section's January 2024 with only ammonia nitrogen measured. */
  private static SectionMonth january(String stationId, String river, double ammoniaNitrogen) {
    return SectionMonth.newBuilder()
        .setStationId(stationId)
        .setCityId("binzhou")
        .setMonth("2024-01")
        .setWaterBody(WaterBodyType.RIVER)
        .setWaterBodyName(river)
        .setDrinkingSource(false)
        .setSamples(1)
        .setAmmoniaNitrogen(ammoniaNitrogen)
        .setRevision(1)
        .build();
  }

  /**
   * NH3-N class limits (GB 3838 Table 1, mg/L): I 0.15, II 0.5, III 1.0, IV 1.5, V 2.0; a value on
   * a limit is the better class.
   *
   * <ul>
   *   <li>小清河, 5 sections: 0.4 II, 0.5 II, 0.8 III, 1.0 III, 1.2 IV → I–III 4/5 = 80 %, so by the
   *       shares 75 % ≤ 80 % &lt; 90 %: 良好;
   *   <li>徒骇河, 2 sections: 0.4 II, 2.4 劣V → fewer than 5, so by the mean concentration (0.4 + 2.4)
   *       / 2 = 1.4, class IV: 轻度污染 (by the shares, 50 % I–III and 50 % 劣V, it would be 重度污染);
   *   <li>a section without a river name: counted for the city, not listed.
   * </ul>
   */
  @Test
  void shouldGradeEachNamedRiverBySharesFromFiveSectionsAndByMeanConcentrationsBelow() {
    CityWaterYearState year = CityWaterPeriods.emptyYear("binzhou", 2024);
    for (SectionMonth month :
        List.of(
            january("X1", "小清河", 0.4),
            january("X2", "小清河", 0.5),
            january("X3", "小清河", 0.8),
            january("X4", "小清河", 1.0),
            january("X5", "小清河", 1.2),
            january("T1", "徒骇河", 0.4),
            january("T2", "徒骇河", 2.4),
            january("U1", null, 0.3))) {
      CityWaterPeriods.put(year, month);
    }

    List<CityWaterPeriod> figures = periods.figures(year, null, 1);

    assertThat(figures).hasSize(2);
    for (CityWaterPeriod figure : figures) {
      assertThat(figure.getSections()).isEqualTo(8);
      assertThat(figure.getWaterBodies())
          .containsExactly(
              new WaterBodyFigures("小清河", 5, 80.0, 0.0, null, null, "良好"),
              new WaterBodyFigures("徒骇河", 2, 50.0, 50.0, null, null, "轻度污染"));
    }
  }

  /**
   * 徒骇河 in January 2023: T1 0.4 and T2 0.5, both II, so 100 % good and 0 % 劣V. In January 2024 (as
   * above) 50 % and 50 %: −50.0 and +50.0 points. 小清河 had no section last year: no change.
   */
  @Test
  void shouldCompareEachNamedRiverWithItsSamePeriodLastYear() {
    CityWaterYearState lastYear = CityWaterPeriods.emptyYear("binzhou", 2023);
    CityWaterPeriods.put(lastYear, inMonth(january("T1", "徒骇河", 0.4), "2023-01"));
    CityWaterPeriods.put(lastYear, inMonth(january("T2", "徒骇河", 0.5), "2023-01"));
    CityWaterYearState year = CityWaterPeriods.emptyYear("binzhou", 2024);
    for (SectionMonth month :
        List.of(january("X1", "小清河", 0.4), january("T1", "徒骇河", 0.4), january("T2", "徒骇河", 2.4))) {
      CityWaterPeriods.put(year, month);
    }

    CityWaterPeriod january = periods.figures(year, lastYear, 1).get(0);

    assertThat(january.getWaterBodies())
        .containsExactly(
            new WaterBodyFigures("小清河", 1, 100.0, 0.0, null, null, "优"),
            new WaterBodyFigures("徒骇河", 2, 50.0, 50.0, -50.0, 50.0, "轻度污染"));
  }

  private static SectionMonth inMonth(SectionMonth figure, String month) {
    figure.setMonth(month);
    return figure;
  }

  @Test
  void shouldListNoWaterBodyWhenNoSectionIsNamed() {
    CityWaterYearState year = CityWaterPeriods.emptyYear("binzhou", 2024);
    CityWaterPeriods.put(year, january("U1", null, 0.3));

    assertThat(periods.figures(year, null, 1).get(0).getWaterBodies()).isEmpty();
  }

  @Test
  void shouldTakeANewNameOfASectionAsAChangeOfItsMonth() {
    CityWaterYearState year = CityWaterPeriods.emptyYear("binzhou", 2024);
    CityWaterPeriods.put(year, january("U1", null, 0.3));

    assertThat(CityWaterPeriods.put(year, january("U1", null, 0.3))).isFalse();
    assertThat(CityWaterPeriods.put(year, january("U1", "黄河", 0.3))).isTrue();
    assertThat(periods.figures(year, null, 1).get(0).getWaterBodies())
        .containsExactly(
            new WaterBodyFigures("黄河", 1, 100.0, 0.0, null, null, "优")); // 0.3: class II
  }
}
