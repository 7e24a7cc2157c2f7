package io.ecostream.domain.water;

import static io.ecostream.domain.water.DrinkingWaterSource.SourceType.GROUNDWATER;
import static io.ecostream.domain.water.DrinkingWaterSource.SourceType.LAKE_RESERVOIR;
import static io.ecostream.domain.water.DrinkingWaterSource.SourceType.RIVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.water.ComplianceRates.SourcePeriod;
import io.ecostream.domain.water.DrinkingWaterSource.Assessment;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrinkingWaterSourceTest {

  /** Source A of Example 5, docs/standards.md#worked-water-examples (a reservoir). */
  private static WaterQuality sourceA() {
    return WaterQuality.empty()
        .with(WaterItem.TOTAL_PHOSPHORUS, 0.04)
        .with(WaterItem.COD_MN, 3.2)
        .with(WaterItem.AMMONIA_NITROGEN, 0.20)
        .with(WaterItem.SULFATE, 180)
        .with(WaterItem.MANGANESE, 0.05)
        .with(WaterItem.TOTAL_NITROGEN, 1.8);
  }

  /** A groundwater sample within GB/T 14848 class III on the items it carries. */
  private static WaterQuality groundwater() {
    return WaterQuality.empty()
        .with(WaterItem.PH, 7.2)
        .with(WaterItem.TOTAL_HARDNESS, 300)
        .with(WaterItem.MANGANESE, 0.05)
        .with(WaterItem.AMMONIA_NITROGEN, 0.2)
        .with(WaterItem.COD_MN, 1.5)
        .with(WaterItem.NITRATE_NITROGEN, 12);
  }

  private static Assessment assess(WaterQuality values, DrinkingWaterSource.SourceType type) {
    return DrinkingWaterSource.assess(values, type).orElseThrow();
  }

  @Test
  void shouldPassReservoirAWithoutEvaluatingTotalNitrogen() {
    // TP 0.04 (lake: 0.025 < 0.04 ≤ 0.05 → III), CODMn 3.2 → II, NH3-N 0.20 → II; sulfate 180 ≤
    // 250, Mn 0.05 ≤ 0.1;
    // TN 1.8 would be V but is not evaluated.
    Assessment a = assess(sourceA(), LAKE_RESERVOIR);

    assertThat(a.compliant()).isTrue();
    assertThat(a.basicClass()).isEqualTo(WaterClass.III);
    assertThat(a.exceeding()).isEmpty();
  }

  @Test
  void shouldFailReservoirBOnTheLakePhosphorusLimit() {
    // TP 0.06: lake III 0.05 < 0.06 ≤ 0.1 → IV, 超标; as a river source 0.02 < 0.06 ≤ 0.1 → II, 达标.
    WaterQuality b = sourceA().with(WaterItem.TOTAL_PHOSPHORUS, 0.06);

    Assessment asReservoir = assess(b, LAKE_RESERVOIR);
    assertThat(asReservoir.compliant()).isFalse();
    assertThat(asReservoir.basicClass()).isEqualTo(WaterClass.IV);
    assertThat(asReservoir.exceeding()).containsExactly(WaterItem.TOTAL_PHOSPHORUS);
    assertThat(assess(b, RIVER).compliant()).isTrue();
  }

  @Test
  void shouldFailGroundwaterCOnManganese() {
    // Mn 0.12 > 0.10 (GB/T 14848 class III); source D keeps Mn 0.05.
    Assessment c = assess(groundwater().with(WaterItem.MANGANESE, 0.12), GROUNDWATER);
    Assessment d = assess(groundwater(), GROUNDWATER);

    assertThat(c.compliant()).isFalse();
    assertThat(c.exceeding()).containsExactly(WaterItem.MANGANESE);
    assertThat(c.basicClass()).isNull();
    assertThat(d.compliant()).isTrue();
  }

  @Test
  void shouldNotEvaluateCodForSurfaceSources() {
    // COD 25 is class IV, but COD is not one of the 20 evaluated items.
    Assessment a = assess(sourceA().with(WaterItem.COD, 25), LAKE_RESERVOIR);

    assertThat(a.compliant()).isTrue();
  }

  @Test
  void shouldFailASurfaceSourceOnATable2Item() {
    assertThat(assess(sourceA().with(WaterItem.SULFATE, 250), LAKE_RESERVOIR).compliant()).isTrue();
    Assessment chloride = assess(sourceA().with(WaterItem.CHLORIDE, 260), LAKE_RESERVOIR);
    assertThat(chloride.compliant()).isFalse();
    assertThat(chloride.exceeding()).containsExactly(WaterItem.CHLORIDE);
    assertThat(chloride.basicClass()).isEqualTo(WaterClass.III);
  }

  @Test
  void shouldCheckTheGroundwaterPhRange() {
    assertThat(assess(groundwater().with(WaterItem.PH, 6.5), GROUNDWATER).compliant()).isTrue();
    assertThat(assess(groundwater().with(WaterItem.PH, 8.5), GROUNDWATER).compliant()).isTrue();
    assertThat(assess(groundwater().with(WaterItem.PH, 6.4), GROUNDWATER).exceeding())
        .containsExactly(WaterItem.PH);
    assertThat(assess(groundwater().with(WaterItem.PH, 8.6), GROUNDWATER).exceeding())
        .containsExactly(WaterItem.PH);
  }

  @Test
  void shouldEvaluateMicrobiologicalItemsByTheSetting() {
    // 总大肠菌群 5 > 3.0 MPN/100 mL.
    WaterQuality values = groundwater().with(WaterItem.TOTAL_COLIFORMS, 5);

    assertThat(assess(values, GROUNDWATER).exceeding()).containsExactly(WaterItem.TOTAL_COLIFORMS);
    assertThat(
            DrinkingWaterSource.assess(values, GROUNDWATER, new DrinkingWaterSource.Rules(false))
                .orElseThrow()
                .compliant())
        .isTrue();
  }

  @Test
  void shouldNotAssessASourceWithoutEvaluatedItems() {
    assertThat(
            DrinkingWaterSource.assess(
                WaterQuality.empty().with(WaterItem.TOTAL_NITROGEN, 1), RIVER))
        .isEmpty();
    assertThat(DrinkingWaterSource.assess(WaterQuality.empty(), GROUNDWATER)).isEmpty();
  }

  @Test
  void shouldGiveTheRateByCountAndByVolume() {
    // Example 5: A 300 达标, B 150 超标, C 50 超标, D 100 达标 (万 t): by count 2/4 = 50.0 %; by volume
    // (300 + 100) / 600 = 66.67 → 66.7 %.
    ComplianceRates rates =
        ComplianceRates.of(
            List.of(
                new SourcePeriod("A", true, 300),
                new SourcePeriod("B", false, 150),
                new SourcePeriod("C", false, 50),
                new SourcePeriod("D", true, 100)));

    assertThat(rates).isEqualTo(new ComplianceRates(4, 2, 600, 400));
    assertThat(rates.byCountPercent()).isEqualTo(50.0);
    assertThat(rates.byVolumePercent()).isEqualTo(66.7);
  }

  @Test
  void shouldCountASourceOverAYearOnlyWhenCompliantAllYear() {
    // X: 达标, 达标, 超标; Y: 达标 ×3; 100 each month. By count 1/2 = 50.0 % (X is not 全年均达标); by volume
    // (200 + 300) / 600 = 83.33 → 83.3 %.
    ComplianceRates rates =
        ComplianceRates.of(
            List.of(
                new SourcePeriod("X", true, 100),
                new SourcePeriod("X", true, 100),
                new SourcePeriod("X", false, 100),
                new SourcePeriod("Y", true, 100),
                new SourcePeriod("Y", true, 100),
                new SourcePeriod("Y", true, 100)));

    assertThat(rates.byCountPercent()).isEqualTo(50.0);
    assertThat(rates.byVolumePercent()).isEqualTo(83.3);
    assertThat(DrinkingWaterSource.compliantAllYear(List.of(true, true, false))).isFalse();
    assertThat(DrinkingWaterSource.compliantAllYear(List.of(true, true, true))).isTrue();
    assertThat(DrinkingWaterSource.compliantAllYear(List.of())).isFalse();
  }

  @Test
  void shouldSumVolumesExactly() {
    // 0.1 + 0.2 of 0.3 taken = 100 %, not 99.99999999999999 %.
    ComplianceRates rates =
        ComplianceRates.of(
            List.of(
                new SourcePeriod("A", true, 0.1),
                new SourcePeriod("B", true, 0.2),
                new SourcePeriod("C", false, 0)));

    assertThat(rates.volume()).isEqualTo(0.3);
    assertThat(rates.byVolumePercent()).isEqualTo(100.0);
    assertThat(ComplianceRates.of(List.of()).byCountPercent()).isNaN();
    assertThat(ComplianceRates.of(List.of()).byVolumePercent()).isNaN();
  }
}
