package io.ecostream.domain.water;

import static io.ecostream.domain.water.WaterBody.LAKE_RESERVOIR;
import static io.ecostream.domain.water.WaterBody.RIVER;
import static io.ecostream.domain.water.WaterClass.I;
import static io.ecostream.domain.water.WaterClass.II;
import static io.ecostream.domain.water.WaterClass.III;
import static io.ecostream.domain.water.WaterClass.IV;
import static io.ecostream.domain.water.WaterClass.V;
import static io.ecostream.domain.water.WaterClass.WORSE_THAN_V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.domain.water.Gb3838.Indicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gb3838Test {

  /** The river section of docs/standards.md#section-class-and-shares. */
  static WaterQuality riverExample() {
    return WaterQuality.empty()
        .with(WaterItem.PH, 7.8)
        .with(WaterItem.DISSOLVED_OXYGEN, 6.2)
        .with(WaterItem.COD_MN, 4.5)
        .with(WaterItem.COD, 18)
        .with(WaterItem.BOD5, 3.2)
        .with(WaterItem.AMMONIA_NITROGEN, 0.6)
        .with(WaterItem.TOTAL_PHOSPHORUS, 0.15);
  }

  /**
   * Every limit of GB 3838-2002 Table 1 (docs/standards.md#surface-water-classes): a value equal to
   * the limit is in the first class having that limit; the next double above it is in the first
   * class with a higher limit, or 劣V. Rows written from the table, e.g. COD 15 / 15 / 20 / 30 / 40:
   * 15 → I (shared with II), just above 15 → III.
   */
  @ParameterizedTest(name = "{0} {1} = {2} → {3}, just above → {4}")
  @CsvSource({
    "COD_MN, RIVER, 2, I, II",
    "COD_MN, RIVER, 4, II, III",
    "COD_MN, RIVER, 6, III, IV",
    "COD_MN, RIVER, 10, IV, V",
    "COD_MN, RIVER, 15, V, WORSE_THAN_V",
    "COD, RIVER, 15, I, III",
    "COD, RIVER, 20, III, IV",
    "COD, RIVER, 30, IV, V",
    "COD, RIVER, 40, V, WORSE_THAN_V",
    "BOD5, RIVER, 3, I, III",
    "BOD5, RIVER, 4, III, IV",
    "BOD5, RIVER, 6, IV, V",
    "BOD5, RIVER, 10, V, WORSE_THAN_V",
    "AMMONIA_NITROGEN, RIVER, 0.15, I, II",
    "AMMONIA_NITROGEN, RIVER, 0.5, II, III",
    "AMMONIA_NITROGEN, RIVER, 1.0, III, IV",
    "AMMONIA_NITROGEN, RIVER, 1.5, IV, V",
    "AMMONIA_NITROGEN, RIVER, 2.0, V, WORSE_THAN_V",
    "TOTAL_PHOSPHORUS, RIVER, 0.02, I, II",
    "TOTAL_PHOSPHORUS, RIVER, 0.1, II, III",
    "TOTAL_PHOSPHORUS, RIVER, 0.2, III, IV",
    "TOTAL_PHOSPHORUS, RIVER, 0.3, IV, V",
    "TOTAL_PHOSPHORUS, RIVER, 0.4, V, WORSE_THAN_V",
    "TOTAL_PHOSPHORUS, LAKE_RESERVOIR, 0.01, I, II",
    "TOTAL_PHOSPHORUS, LAKE_RESERVOIR, 0.025, II, III",
    "TOTAL_PHOSPHORUS, LAKE_RESERVOIR, 0.05, III, IV",
    "TOTAL_PHOSPHORUS, LAKE_RESERVOIR, 0.1, IV, V",
    "TOTAL_PHOSPHORUS, LAKE_RESERVOIR, 0.2, V, WORSE_THAN_V",
    "TOTAL_NITROGEN, LAKE_RESERVOIR, 0.2, I, II",
    "TOTAL_NITROGEN, LAKE_RESERVOIR, 0.5, II, III",
    "TOTAL_NITROGEN, LAKE_RESERVOIR, 1.0, III, IV",
    "TOTAL_NITROGEN, LAKE_RESERVOIR, 1.5, IV, V",
    "TOTAL_NITROGEN, LAKE_RESERVOIR, 2.0, V, WORSE_THAN_V",
    "COPPER, RIVER, 0.01, I, II",
    "COPPER, RIVER, 1.0, II, WORSE_THAN_V",
    "ZINC, RIVER, 0.05, I, II",
    "ZINC, RIVER, 1.0, II, IV",
    "ZINC, RIVER, 2.0, IV, WORSE_THAN_V",
    "FLUORIDE, RIVER, 1.0, I, IV",
    "FLUORIDE, RIVER, 1.5, IV, WORSE_THAN_V",
    "SELENIUM, RIVER, 0.01, I, IV",
    "SELENIUM, RIVER, 0.02, IV, WORSE_THAN_V",
    "ARSENIC, RIVER, 0.05, I, IV",
    "ARSENIC, RIVER, 0.1, IV, WORSE_THAN_V",
    "MERCURY, RIVER, 0.00005, I, III",
    "MERCURY, RIVER, 0.0001, III, IV",
    "MERCURY, RIVER, 0.001, IV, WORSE_THAN_V",
    "CADMIUM, RIVER, 0.001, I, II",
    "CADMIUM, RIVER, 0.005, II, V",
    "CADMIUM, RIVER, 0.01, V, WORSE_THAN_V",
    "CHROMIUM_VI, RIVER, 0.01, I, II",
    "CHROMIUM_VI, RIVER, 0.05, II, V",
    "CHROMIUM_VI, RIVER, 0.1, V, WORSE_THAN_V",
    "LEAD, RIVER, 0.01, I, III",
    "LEAD, RIVER, 0.05, III, V",
    "LEAD, RIVER, 0.1, V, WORSE_THAN_V",
    "CYANIDE, RIVER, 0.005, I, II",
    "CYANIDE, RIVER, 0.05, II, III",
    "CYANIDE, RIVER, 0.2, III, WORSE_THAN_V",
    "VOLATILE_PHENOL, RIVER, 0.002, I, III",
    "VOLATILE_PHENOL, RIVER, 0.005, III, IV",
    "VOLATILE_PHENOL, RIVER, 0.01, IV, V",
    "VOLATILE_PHENOL, RIVER, 0.1, V, WORSE_THAN_V",
    "PETROLEUM, RIVER, 0.05, I, IV",
    "PETROLEUM, RIVER, 0.5, IV, V",
    "PETROLEUM, RIVER, 1.0, V, WORSE_THAN_V",
    "LAS, RIVER, 0.2, I, IV",
    "LAS, RIVER, 0.3, IV, WORSE_THAN_V",
    "SULFIDE, RIVER, 0.05, I, II",
    "SULFIDE, RIVER, 0.1, II, III",
    "SULFIDE, RIVER, 0.2, III, IV",
    "SULFIDE, RIVER, 0.5, IV, V",
    "SULFIDE, RIVER, 1.0, V, WORSE_THAN_V",
  })
  void shouldPutALimitInItsClassAndTheSmallestStepAboveInTheNext(
      Indicator indicator, WaterBody body, double limit, WaterClass atLimit, WaterClass above) {
    assertThat(Gb3838.classOf(indicator, limit, body)).isEqualTo(atLimit);
    assertThat(Gb3838.classOf(indicator, Math.nextUp(limit), body)).isEqualTo(above);
  }

  /**
   * DO is "greater is better", ≥ 7.5 / 6 / 5 / 3 / 2: the limit is in its class, just below it the
   * next worse.
   */
  @ParameterizedTest(name = "DO {0} → {1}, just below → {2}")
  @CsvSource({
    "7.5, I, II",
    "6, II, III",
    "5, III, IV",
    "3, IV, V",
    "2, V, WORSE_THAN_V",
  })
  void shouldClassifyDissolvedOxygenGreaterIsBetter(
      double limit, WaterClass atLimit, WaterClass below) {
    assertThat(Gb3838.classOf(Indicator.DISSOLVED_OXYGEN, limit, RIVER)).isEqualTo(atLimit);
    assertThat(Gb3838.classOf(Indicator.DISSOLVED_OXYGEN, Math.nextDown(limit), RIVER))
        .isEqualTo(below);
  }

  @ParameterizedTest(name = "pH {0} → {1}")
  @CsvSource({
    "6, I",
    "9, I",
    "7.5, I",
    "5.99, WORSE_THAN_V",
    "9.01, WORSE_THAN_V",
    "0, WORSE_THAN_V"
  })
  void shouldClassifyPhInsideSixToNineAsClassIAndOutsideAsWorseThanV(
      double ph, WaterClass expected) {
    assertThat(Gb3838.classOf(Indicator.PH, ph, RIVER)).isEqualTo(expected);
  }

  @Test
  void shouldClassifyPhJustOutsideTheRangeAsWorseThanV() {
    assertThat(Gb3838.classOf(Indicator.PH, Math.nextDown(6.0), RIVER)).isEqualTo(WORSE_THAN_V);
    assertThat(Gb3838.classOf(Indicator.PH, Math.nextUp(9.0), RIVER)).isEqualTo(WORSE_THAN_V);
  }

  @Test
  void shouldCompareAsExactDecimals() {
    // 0.2 is the river class III limit of TP; 0.20000000001 is above it.
    assertThat(Gb3838.classOf(Indicator.TOTAL_PHOSPHORUS, 0.2, RIVER)).isEqualTo(III);
    assertThat(Gb3838.classOf(Indicator.TOTAL_PHOSPHORUS, 0.20000000001, RIVER)).isEqualTo(IV);
    // 0.1 + 0.2 is the double 0.30000000000000004, above the class IV limit 0.3: what was sent is
    // what is judged.
    assertThat(Gb3838.classOf(Indicator.TOTAL_PHOSPHORUS, 0.1 + 0.2, RIVER)).isEqualTo(V);
    assertThat(Gb3838.classOf(Indicator.TOTAL_PHOSPHORUS, 0.3, RIVER)).isEqualTo(IV);
  }

  @Test
  void shouldClassifyTheRiverExampleAsIiiWithItsDeterminingIndicators() {
    // pH 7.8 I; DO 6.2 ≥ 6 II; CODMn 4.5 ≤ 6 III; COD 18 ≤ 20 III; BOD5 3.2 ≤ 4 III; NH3-N 0.6 ≤
    // 1.0 III;
    // TP 0.15 ≤ 0.2 III (docs/standards.md#section-class-and-shares).
    var result = Gb3838.classify(riverExample(), RIVER).orElseThrow();

    assertThat(result.worstClass()).isEqualTo(III);
    assertThat(result.worstClass().grade()).isEqualTo(WaterGrade.GOOD);
    assertThat(result.classes())
        .containsExactly(
            java.util.Map.entry(Indicator.PH, I),
            java.util.Map.entry(Indicator.DISSOLVED_OXYGEN, II),
            java.util.Map.entry(Indicator.COD_MN, III),
            java.util.Map.entry(Indicator.COD, III),
            java.util.Map.entry(Indicator.BOD5, III),
            java.util.Map.entry(Indicator.AMMONIA_NITROGEN, III),
            java.util.Map.entry(Indicator.TOTAL_PHOSPHORUS, III));
    assertThat(result.determining())
        .containsExactly(
            Indicator.COD_MN,
            Indicator.COD,
            Indicator.BOD5,
            Indicator.AMMONIA_NITROGEN,
            Indicator.TOTAL_PHOSPHORUS);
    assertThat(result.exceeding(III)).isEmpty();
    assertThat(result.exceeding(II)).hasSize(5);
    assertThat(result.meets(III)).isTrue();
    assertThat(result.meets(II)).isFalse();
  }

  @Test
  void shouldUseTheLakeLimitsForTotalPhosphorus() {
    // TP 0.08: lake 0.05 < 0.08 ≤ 0.1 → IV; river 0.02 < 0.08 ≤ 0.1 → II.
    WaterQuality point = WaterQuality.empty().with(WaterItem.TOTAL_PHOSPHORUS, 0.08);

    assertThat(Gb3838.classify(point, LAKE_RESERVOIR).orElseThrow().worstClass()).isEqualTo(IV);
    assertThat(Gb3838.classify(point, RIVER).orElseThrow().worstClass()).isEqualTo(II);
  }

  @Test
  void shouldMakeAnySectionWithAmmoniaAbove2WorseThanV() {
    WaterQuality section = riverExample().with(WaterItem.AMMONIA_NITROGEN, 2.3);

    var result = Gb3838.classify(section, RIVER).orElseThrow();

    assertThat(result.worstClass()).isEqualTo(WORSE_THAN_V);
    assertThat(result.worstClass().grade()).isEqualTo(WaterGrade.HEAVILY_POLLUTED);
    assertThat(result.determining()).containsExactly(Indicator.AMMONIA_NITROGEN);
    assertThat(result.exceeding(III)).containsExactly(Indicator.AMMONIA_NITROGEN);
  }

  @Test
  void shouldEvaluateTotalNitrogenApartFromTheSectionClass() {
    // TN 1.8 in a lake: 1.5 < 1.8 ≤ 2.0 → V, but TN is not one of the 21 items.
    WaterQuality lake =
        WaterQuality.empty().with(WaterItem.COD_MN, 3).with(WaterItem.TOTAL_NITROGEN, 1.8);

    assertThat(Gb3838.classify(lake, LAKE_RESERVOIR).orElseThrow().worstClass()).isEqualTo(II);
    assertThat(Gb3838.classOf(Indicator.TOTAL_NITROGEN, 1.8, LAKE_RESERVOIR)).isEqualTo(V);
    assertThat(Gb3838.ROUTINE).hasSize(21).doesNotContain(Indicator.TOTAL_NITROGEN);
    assertThat(Gb3838.DRINKING_SOURCE)
        .hasSize(20)
        .doesNotContain(Indicator.TOTAL_NITROGEN, Indicator.COD);
  }

  @Test
  void shouldNotClassifyASectionWithoutRoutineItems() {
    assertThat(Gb3838.classify(WaterQuality.empty(), RIVER)).isEmpty();
    assertThat(
            Gb3838.classify(WaterQuality.empty().with(WaterItem.TOTAL_NITROGEN, 1), LAKE_RESERVOIR))
        .isEmpty();
  }

  @Test
  void shouldRejectANegativeValue() {
    assertThatThrownBy(() -> Gb3838.classOf(Indicator.COD, -1, RIVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COD");
  }

  @Test
  void shouldCheckTheSupplementaryLimitsOfTable2() {
    assertThat(Gb3838.SupplementaryItem.SULFATE.exceeds(250)).isFalse();
    assertThat(Gb3838.SupplementaryItem.SULFATE.exceeds(Math.nextUp(250.0))).isTrue();
    assertThat(Gb3838.SupplementaryItem.CHLORIDE.exceeds(250)).isFalse();
    assertThat(Gb3838.SupplementaryItem.NITRATE.exceeds(10)).isFalse();
    assertThat(Gb3838.SupplementaryItem.NITRATE.exceeds(10.01)).isTrue();
    assertThat(Gb3838.SupplementaryItem.IRON.exceeds(0.3)).isFalse();
    assertThat(Gb3838.SupplementaryItem.IRON.exceeds(0.31)).isTrue();
    assertThat(Gb3838.SupplementaryItem.MANGANESE.exceeds(0.1)).isFalse();
    assertThat(Gb3838.SupplementaryItem.MANGANESE.exceeds(0.12)).isTrue();
  }
}
