package io.ecostream.domain.water;

import static io.ecostream.domain.water.SeaClass.FOUR;
import static io.ecostream.domain.water.SeaClass.ONE;
import static io.ecostream.domain.water.SeaClass.THREE;
import static io.ecostream.domain.water.SeaClass.TWO;
import static io.ecostream.domain.water.SeaClass.WORSE_THAN_FOUR;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.water.Gb3097.Indicator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gb3097Test {

  private static final Gb3097Rules DEFAULTS = Gb3097Rules.defaults();

  private static WaterQuality point(
      double ph, double dissolvedOxygen, double cod, double din, double dip, double oil) {
    return WaterQuality.empty()
        .with(WaterItem.PH, ph)
        .with(WaterItem.DISSOLVED_OXYGEN, dissolvedOxygen)
        .with(WaterItem.SEA_COD, cod)
        .with(WaterItem.INORGANIC_NITROGEN, din)
        .with(WaterItem.ACTIVE_PHOSPHATE, dip)
        .with(WaterItem.PETROLEUM, oil);
  }

  @Test
  void shouldClassifyExample1AsClassOneFromTheThreeNitrogenForms() {
    // docs/standards.md#worked-water-examples, Example 1:
    // DIN = 0.150 + 0.010 + 0.030 = 0.190 ≤ 0.20; all items class 1.
    WaterQuality values =
        WaterQuality.empty()
            .with(WaterItem.PH, 8.10)
            .with(WaterItem.DISSOLVED_OXYGEN, 6.5)
            .with(WaterItem.SEA_COD, 1.8)
            .with(WaterItem.NITRATE_NITROGEN, 0.150)
            .with(WaterItem.NITRITE_NITROGEN, 0.010)
            .with(WaterItem.AMMONIA_NITROGEN, 0.030)
            .with(WaterItem.ACTIVE_PHOSPHATE, 0.012)
            .with(WaterItem.PETROLEUM, 0.02);

    var result = Gb3097.classify(values, DEFAULTS).orElseThrow();

    assertThat(Gb3097.inorganicNitrogen(values)).hasValue(0.19);
    assertThat(result.worstClass()).isEqualTo(ONE);
    assertThat(result.classes()).hasSize(6).containsOnlyKeys(Gb3097Rules.CORE);
    assertThat(result.worstClass().isGood()).isTrue();
  }

  @Test
  void shouldJumpToClassFourJustAboveTheSharedPhosphateLimit() {
    // Example 2: pH 8.20 → 1; DO 5.8 → 2 (> 5, not > 6); COD 2.5 → 2; DIN 0.28 → 2; DIP 0.032 → 4;
    // oil 0.04 → 1.
    var result = Gb3097.classify(point(8.20, 5.8, 2.5, 0.28, 0.032, 0.04), DEFAULTS).orElseThrow();

    assertThat(result.classes())
        .containsExactly(
            Map.entry(Indicator.PH, ONE),
            Map.entry(Indicator.DISSOLVED_OXYGEN, TWO),
            Map.entry(Indicator.COD, TWO),
            Map.entry(Indicator.INORGANIC_NITROGEN, TWO),
            Map.entry(Indicator.ACTIVE_PHOSPHATE, FOUR),
            Map.entry(Indicator.PETROLEUM, ONE));
    assertThat(result.worstClass()).isEqualTo(FOUR);
    assertThat(result.determining()).containsExactly(Indicator.ACTIVE_PHOSPHATE);
    assertThat(result.worstClass().isGood()).isFalse();
  }

  @Test
  void shouldPutDissolvedOxygen5InClassThreeAndFindWorseThanFour() {
    // Example 3: pH 8.60 → 3; DO 5.0 → 3 (not > 5); COD 3.2 → 3; DIN 0.55 → 劣四; DIP 0.020 → 2; oil
    // 0.04 → 1.
    var result = Gb3097.classify(point(8.60, 5.0, 3.2, 0.55, 0.020, 0.04), DEFAULTS).orElseThrow();

    assertThat(result.classes())
        .containsExactly(
            Map.entry(Indicator.PH, THREE),
            Map.entry(Indicator.DISSOLVED_OXYGEN, THREE),
            Map.entry(Indicator.COD, THREE),
            Map.entry(Indicator.INORGANIC_NITROGEN, WORSE_THAN_FOUR),
            Map.entry(Indicator.ACTIVE_PHOSPHATE, TWO),
            Map.entry(Indicator.PETROLEUM, ONE));
    assertThat(result.worstClass()).isEqualTo(WORSE_THAN_FOUR);
    assertThat(result.worstClass().code()).isEqualTo(5);
    assertThat(result.determining()).containsExactly(Indicator.INORGANIC_NITROGEN);
    assertThat(result.exceeding(TWO))
        .containsExactly(
            Indicator.PH, Indicator.DISSOLVED_OXYGEN, Indicator.COD, Indicator.INORGANIC_NITROGEN);
  }

  @Test
  void shouldUseGreaterOrEqualForDissolvedOxygenWhenSet() {
    Gb3097Rules inclusive = new Gb3097Rules(Gb3097Rules.CORE, false);

    assertThat(Gb3097.classOf(Indicator.DISSOLVED_OXYGEN, 5.0, inclusive)).isEqualTo(TWO);
    assertThat(Gb3097.classOf(Indicator.DISSOLVED_OXYGEN, 5.0, DEFAULTS)).isEqualTo(THREE);
  }

  /**
   * Table 1 boundaries (docs/standards.md#sea-water-classes), "just above/below" being the next
   * double.
   */
  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "PH, 7.8, ONE",
    "PH, 8.5, ONE",
    "PH, 7.79, THREE",
    "PH, 8.51, THREE",
    "PH, 6.8, THREE",
    "PH, 8.8, THREE",
    "PH, 6.79, WORSE_THAN_FOUR",
    "PH, 8.81, WORSE_THAN_FOUR",
    "DISSOLVED_OXYGEN, 6.01, ONE",
    "DISSOLVED_OXYGEN, 6, TWO",
    "DISSOLVED_OXYGEN, 4, FOUR",
    "DISSOLVED_OXYGEN, 3.01, FOUR",
    "DISSOLVED_OXYGEN, 3, WORSE_THAN_FOUR",
    "COD, 2, ONE",
    "COD, 3, TWO",
    "COD, 4, THREE",
    "COD, 5, FOUR",
    "COD, 5.01, WORSE_THAN_FOUR",
    "BOD5, 1, ONE",
    "BOD5, 5, FOUR",
    "INORGANIC_NITROGEN, 0.20, ONE",
    "INORGANIC_NITROGEN, 0.30, TWO",
    "INORGANIC_NITROGEN, 0.40, THREE",
    "INORGANIC_NITROGEN, 0.50, FOUR",
    "ACTIVE_PHOSPHATE, 0.015, ONE",
    "ACTIVE_PHOSPHATE, 0.016, TWO",
    "ACTIVE_PHOSPHATE, 0.030, TWO",
    "ACTIVE_PHOSPHATE, 0.031, FOUR",
    "ACTIVE_PHOSPHATE, 0.045, FOUR",
    "ACTIVE_PHOSPHATE, 0.046, WORSE_THAN_FOUR",
    "PETROLEUM, 0.05, ONE",
    "PETROLEUM, 0.06, THREE",
    "PETROLEUM, 0.30, THREE",
    "PETROLEUM, 0.50, FOUR",
    "PETROLEUM, 0.51, WORSE_THAN_FOUR",
    "MERCURY, 0.0002, TWO",
    "ZINC, 0.10, THREE",
  })
  void shouldClassifyTheTableBoundaries(Indicator indicator, double value, SeaClass expected) {
    assertThat(Gb3097.classOf(indicator, value, DEFAULTS)).isEqualTo(expected);
  }

  @Test
  void shouldMoveToTheNextClassOneStepAboveALimit() {
    assertThat(Gb3097.classOf(Indicator.ACTIVE_PHOSPHATE, Math.nextUp(0.030), DEFAULTS))
        .isEqualTo(FOUR);
    assertThat(Gb3097.classOf(Indicator.PETROLEUM, Math.nextUp(0.05), DEFAULTS)).isEqualTo(THREE);
    assertThat(Gb3097.classOf(Indicator.INORGANIC_NITROGEN, Math.nextUp(0.5), DEFAULTS))
        .isEqualTo(WORSE_THAN_FOUR);
    assertThat(Gb3097.classOf(Indicator.DISSOLVED_OXYGEN, Math.nextUp(6.0), DEFAULTS))
        .isEqualTo(ONE);
    assertThat(Gb3097.classOf(Indicator.PH, Math.nextUp(8.5), DEFAULTS)).isEqualTo(THREE);
  }

  @Test
  void shouldEvaluateMetalsOnlyWhenTheRulesSaySo() {
    WaterQuality values = point(8.1, 6.5, 1.8, 0.19, 0.012, 0.02).with(WaterItem.MERCURY, 0.001);
    EnumSet<Indicator> withMercury = EnumSet.copyOf(Gb3097Rules.CORE);
    withMercury.add(Indicator.MERCURY);

    assertThat(Gb3097.classify(values, DEFAULTS).orElseThrow().worstClass()).isEqualTo(ONE);
    assertThat(
            Gb3097.classify(values, new Gb3097Rules(withMercury, true)).orElseThrow().determining())
        .containsExactly(Indicator.MERCURY);
  }

  @Test
  void shouldNotEvaluateInorganicNitrogenFromTwoOfItsThreeForms() {
    WaterQuality values =
        WaterQuality.empty()
            .with(WaterItem.NITRATE_NITROGEN, 0.15)
            .with(WaterItem.AMMONIA_NITROGEN, 0.03);

    assertThat(Gb3097.inorganicNitrogen(values)).isEmpty();
    assertThat(Gb3097.classify(values, DEFAULTS)).isEmpty();
  }

  @Test
  void shouldNotReadSurfaceCodAsSeaCod() {
    assertThat(Gb3097.classify(WaterQuality.empty().with(WaterItem.COD, 30), DEFAULTS)).isEmpty();
  }

  @Test
  void shouldGiveTheCitysPointShares() {
    // Example 4: classes [1, 2, 2, 1, 3, 4, 2, 劣四]: 优良 5/8 = 62.5 %, 劣四类 1/8 = 12.5 %.
    SeaPointShares shares =
        SeaPointShares.of(List.of(ONE, TWO, TWO, ONE, THREE, FOUR, TWO, WORSE_THAN_FOUR));

    assertThat(shares.total()).isEqualTo(8);
    assertThat(shares.goodPointPercent()).isEqualTo(62.5);
    assertThat(shares.pointPercent(WORSE_THAN_FOUR)).isEqualTo(12.5);
    assertThat(shares.pointPercent(TWO)).isEqualTo(37.5);
    assertThat(SeaPointShares.of(List.of()).goodPointPercent()).isNaN();
  }
}
