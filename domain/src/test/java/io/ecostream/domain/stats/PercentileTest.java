package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ecostream.domain.air.Gbt8170;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentileTest {

  private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  /** docs/standards.md#percentiles: 31 daily CO means, mg/m³. */
  private static final double[] CO_31 = {
    1.0, 0.6, 1.7, 0.5, 1.4, 1.1, 0.4, 1.4, 0.4, 1.2, 0.4, 0.5, 1.2, 2.0, 0.6, 0.8, 1.6, 2.3, 1.5,
    1.1, 2.4, 0.4, 2.1, 0.9, 0.6, 0.5, 0.9, 2.0, 0.7, 1.5, 1.6
  };

  /** docs/standards.md#percentiles: 31 MDA8 values, µg/m³. */
  private static final double[] MDA8_31 = {
    135, 64, 180, 222, 56, 184, 55, 198, 92, 167, 214, 176, 149, 120, 159, 189, 156, 132, 116, 103,
    86, 218, 102, 60, 187, 116, 174, 166, 127, 226, 154
  };

  @Test
  void shouldInterpolateTheNinetiethPercentileOfOneToTen() {
    // k = 1 + 9 × 0.9 = 9.1 → X(9) + 0.1 × (X(10) − X(9)) = 9.1
    double p90 = Percentile.of(ONE_TO_TEN, 90);
    assertThat(p90).isCloseTo(9.1, within(1e-9));
    assertThat(p90).isEqualTo(9.1);
  }

  @Test
  void shouldInterpolateTheNinetyFifthPercentileOfOneToTen() {
    // k = 1 + 9 × 0.95 = 9.55 → 9 + 0.55 × 1 = 9.55
    double p95 = Percentile.of(ONE_TO_TEN, 95);
    assertThat(p95).isCloseTo(9.55, within(1e-9));
    assertThat(p95).isEqualTo(9.55);
  }

  @Test
  void shouldReproduceThePublishedWorkedExample() {
    // {3,4,8,2,5,4} sorted 2,3,4,4,5,8; k = 1 + 5 × 0.9 = 5.5 → 5 + 0.5 × (8 − 5) = 6.5
    assertThat(Percentile.of(new double[] {3, 4, 8, 2, 5, 4}, 90)).isEqualTo(6.5);
  }

  @Test
  void shouldGiveTheCoNinetyFifthPercentileOfAMonth() {
    // k = 1 + 30 × 0.95 = 29.5; X(29) = 2.1, X(30) = 2.3 → 2.2, published as 2.2
    double p95 = Percentile.of(CO_31, 95);
    assertThat(p95).isCloseTo(2.2, within(1e-9));
    assertThat(Gbt8170.roundedTenths(p95)).isEqualTo(22);
  }

  @Test
  void shouldGiveTheO3NinetiethPercentileOfAMonth() {
    // k = 1 + 30 × 0.9 = 28, an integer: X(28) = 214 (above it only 218, 222, 226)
    double p90 = Percentile.of(MDA8_31, 90);
    assertThat(p90).isEqualTo(214.0);
    assertThat(Gbt8170.roundedUnits(p90)).isEqualTo(214);
  }

  @ParameterizedTest(name = "{0}, {1} p50 = {2}")
  @CsvSource({
    // Interpolated halfway to a CO rounding tie: the result must be the tie itself so that GB/T
    // 8170 rounds it to
    // even (1.25 → 1.2, 1.35 → 1.4, 0.15 → 0.2, 2.05 → 2.0), not a double a hair either side of it.
    "1.2, 1.3, 1.25, 12",
    "1.3, 1.4, 1.35, 14",
    "0.1, 0.2, 0.15, 2",
    "2.0, 2.1, 2.05, 20"
  })
  void shouldLandExactlyOnADecimalTie(double low, double high, double expected, long tenths) {
    double p50 = Percentile.of(new double[] {high, low}, 50);
    assertThat(p50).isEqualTo(expected);
    assertThat(Gbt8170.roundedTenths(p50)).isEqualTo(tenths);
  }

  @Test
  void shouldGiveTheExtremesAtZeroAndHundred() {
    assertThat(Percentile.of(ONE_TO_TEN, 0)).isEqualTo(1.0);
    assertThat(Percentile.of(ONE_TO_TEN, 100)).isEqualTo(10.0);
  }

  @Test
  void shouldGiveTheOnlyValueOfOne() {
    assertThat(Percentile.of(new double[] {42}, 95)).isEqualTo(42.0);
  }

  @Test
  void shouldIgnoreMissingValuesAndLeaveTheInputAlone() {
    double[] values = {10, Double.NaN, 1, 9, 2, 8, 3, Double.NaN, 7, 4, 6, 5};
    double[] before = values.clone();

    assertThat(Percentile.of(values, 90)).isEqualTo(9.1);
    assertThat(values).isEqualTo(before);
  }

  @Test
  void shouldHaveNoPercentileOfNothing() {
    assertThat(Percentile.of(new double[] {Double.NaN}, 90)).isNaN();
    assertThat(Percentile.of(new double[0], 90)).isNaN();
  }

  @Test
  void shouldUseOnlyTheFirstCountSortedValues() {
    double[] buffer = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 0};
    assertThat(Percentile.ofSorted(buffer, 10, 95)).isEqualTo(9.55);
  }

  @Test
  void shouldRejectPercentsOutsideZeroToHundred() {
    assertThatThrownBy(() -> Percentile.of(ONE_TO_TEN, 101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentile.of(ONE_TO_TEN, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentile.ofSorted(ONE_TO_TEN, 11, 90))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
