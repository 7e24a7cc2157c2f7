package io.ecostream.domain.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterQualityTest {

  private static WaterQuality ph(double ph) {
    return WaterQuality.empty().with(WaterItem.PH, ph);
  }

  @Test
  void shouldAveragePhByHydrogenIon() {
    // −log10((10^−6 + 10^−8) / 2) = −log10(5.05 · 10^−7) = 7 − log10 5.05 = 7 − 0.7032914 =
    // 6.2967086.
    double mean = WaterQuality.mean(List.of(ph(6), ph(8))).get(WaterItem.PH).getAsDouble();

    assertThat(mean).isCloseTo(6.2967086, within(1e-7));
  }

  @Test
  void shouldKeepEqualPhValuesExactly() {
    assertThat(WaterQuality.mean(List.of(ph(9), ph(9), ph(9))).get(WaterItem.PH)).hasValue(9.0);
    assertThat(WaterQuality.mean(List.of(ph(6))).get(WaterItem.PH)).hasValue(6.0);
  }

  @Test
  void shouldAveragePhArithmeticallyWhenChosen() {
    var mean = WaterQuality.mean(List.of(ph(6), ph(8)), WaterQuality.PhAveraging.ARITHMETIC);

    assertThat(mean.get(WaterItem.PH)).hasValue(7.0);
  }

  @Test
  void shouldAverageInDecimalSoThatTheMeanOfALimitStaysOnIt() {
    // (0.1 + 0.2 + 0.3) / 3 = 0.2 exactly, TP class III in a river; in double it is
    // 0.20000000000000004, class IV.
    WaterQuality tp1 = WaterQuality.empty().with(WaterItem.TOTAL_PHOSPHORUS, 0.1);
    WaterQuality tp2 = WaterQuality.empty().with(WaterItem.TOTAL_PHOSPHORUS, 0.2);
    WaterQuality tp3 = WaterQuality.empty().with(WaterItem.TOTAL_PHOSPHORUS, 0.3);

    WaterQuality mean = WaterQuality.mean(List.of(tp1, tp2, tp3));

    assertThat(mean.get(WaterItem.TOTAL_PHOSPHORUS)).hasValue(0.2);
    assertThat(Gb3838.classify(mean, WaterBody.RIVER).orElseThrow().worstClass())
        .isEqualTo(WaterClass.III);
  }

  @Test
  void shouldAverageEachItemOverTheSamplesThatMeasuredIt() {
    // NH3-N in both: (0.4 + 0.7) / 2 = 0.55; CODMn only in the first: 3.
    WaterQuality first =
        WaterQuality.empty().with(WaterItem.AMMONIA_NITROGEN, 0.4).with(WaterItem.COD_MN, 3);
    WaterQuality second = WaterQuality.empty().with(WaterItem.AMMONIA_NITROGEN, 0.7);

    WaterQuality mean = WaterQuality.mean(List.of(first, second));

    assertThat(mean.values())
        .containsExactly(
            Map.entry(WaterItem.COD_MN, 3.0), Map.entry(WaterItem.AMMONIA_NITROGEN, 0.55));
    assertThat(mean.has(WaterItem.PH)).isFalse();
    assertThat(mean.get(WaterItem.PH)).isEmpty();
  }

  @Test
  void shouldGiveNoValuesForNoSamples() {
    assertThat(WaterQuality.mean(List.of())).isEqualTo(WaterQuality.empty());
  }

  @Test
  void shouldRejectNegativeAndNonFiniteValues() {
    assertThatThrownBy(() -> WaterQuality.empty().with(WaterItem.COD, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COD");
    assertThatThrownBy(() -> WaterQuality.empty().with(WaterItem.PH, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WaterQuality.empty().with(WaterItem.PH, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
