package io.ecostream.domain.stats;

import static io.ecostream.domain.stats.CompositeIndexDefinition.HJ663_2013;
import static io.ecostream.domain.stats.CompositeIndexDefinition.THIRD_PARTY_2026_CLAIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ecostream.domain.air.Pollutant;
import org.junit.jupiter.api.Test;

class CompositeIndexTest {

  /**
   * docs/standards.md#composite-index: SO2 12, NO2 30, PM10 80, PM2.5 45, CO-p95 1.4, O3-p90 170.
   */
  private static final PollutantValues EXAMPLE = new PollutantValues(12, 30, 80, 45, 1.4, 170);

  @Test
  void shouldComputeTheWorkedExampleUnderHj663() {
    // 0.2 + 0.75 + 1.1429 + 1.2857 + 0.35 + 1.0625 = 16098 / 3360 = 4.7911 → 4.79
    CompositeIndex index = CompositeIndex.of(EXAMPLE, HJ663_2013, true);

    assertThat(index.rounded()).isEqualTo(4.79);
    assertThat(index.value()).isCloseTo(16098.0 / 3360, within(1e-12));
    assertThat(index.defined()).isTrue();
  }

  @Test
  void shouldReportEachSubIndex() {
    CompositeIndex index = CompositeIndex.of(EXAMPLE, HJ663_2013, true);

    assertThat(index.subIndex(Pollutant.SO2)).isCloseTo(0.2, within(1e-12));
    assertThat(index.subIndex(Pollutant.NO2)).isCloseTo(0.75, within(1e-12));
    assertThat(index.subIndex(Pollutant.PM10)).isCloseTo(80.0 / 70, within(1e-12));
    assertThat(index.subIndex(Pollutant.PM2_5)).isCloseTo(45.0 / 35, within(1e-12));
    assertThat(index.subIndex(Pollutant.CO)).isCloseTo(0.35, within(1e-12));
    assertThat(index.subIndex(Pollutant.O3)).isCloseTo(1.0625, within(1e-12));
  }

  @Test
  void shouldComputeTheExampleWithTheNewLimitsUnweighted() {
    // docs/standards.md#composite-index-from-2026-unverified: 0.2 + 0.75 + 1.3333 + 1.5 + 0.35 +
    // 1.0625 = 5.1958 → 5.20
    CompositeIndexDefinition newLimitsUnweighted =
        new CompositeIndexDefinition(
            "unweighted, 2026 transitional limits",
            new PollutantValues(1, 1, 1, 1, 1, 1),
            THIRD_PARTY_2026_CLAIM.limits(),
            false);

    assertThat(CompositeIndex.of(EXAMPLE, newLimitsUnweighted, true).rounded()).isEqualTo(5.2);
  }

  @Test
  void shouldComputeTheExampleUnderTheUnverifiedWeightedClaim() {
    // docs/standards.md#composite-index-from-2026-unverified:
    // 0.2 + 2 × 0.75 + 1.3333 + 3 × 1.5 + 0.35 + 2 × 1.0625 = 10.0083 → 10.01
    CompositeIndex index = CompositeIndex.of(EXAMPLE, THIRD_PARTY_2026_CLAIM, true);

    assertThat(index.rounded()).isEqualTo(10.01);
    assertThat(index.subIndex(Pollutant.PM2_5)).isCloseTo(4.5, within(1e-12));
    assertThat(THIRD_PARTY_2026_CLAIM.verified()).isFalse();
    assertThat(THIRD_PARTY_2026_CLAIM.name()).contains("UNVERIFIED");
    assertThat(HJ663_2013.verified()).isTrue();
  }

  @Test
  void shouldRoundTheStatisticsBeforeDividingByDefault() {
    // Rounded: 12, 30, 80, 45, 1.4, 170 (169.5 → 170, half to even) → 4.79, as in the worked
    // example.
    // Unrounded: 12.4/60 + 29.6/40 + 80.4/70 + 44.6/35 + 1.36/4 + 169.5/160 = 4.7689 → 4.77.
    PollutantValues unrounded = new PollutantValues(12.4, 29.6, 80.4, 44.6, 1.36, 169.5);

    assertThat(CompositeIndex.of(unrounded, HJ663_2013, true).rounded()).isEqualTo(4.79);
    assertThat(CompositeIndex.of(unrounded, HJ663_2013, false).rounded()).isEqualTo(4.77);
  }

  @Test
  void shouldRoundAnExactTieOfTheSumHalfToEven() {
    // 60/60 + 40/40 + 70/70 + 0 + 2.7/4 + 0 = 3.675 exactly → 3.68 (7 is odd); with CO 2.5: 3.625 →
    // 3.62.
    assertThat(
            CompositeIndex.of(new PollutantValues(60, 40, 70, 0, 2.7, 0), HJ663_2013, true)
                .rounded())
        .isEqualTo(3.68);
    assertThat(
            CompositeIndex.of(new PollutantValues(60, 40, 70, 0, 2.5, 0), HJ663_2013, true)
                .rounded())
        .isEqualTo(3.62);
  }

  @Test
  void shouldBeUndefinedWithoutAllSixStatistics() {
    PollutantValues noOzone = new PollutantValues(12, 30, 80, 45, 1.4, Double.NaN);

    CompositeIndex index = CompositeIndex.of(noOzone, HJ663_2013, true);

    assertThat(index).isEqualTo(CompositeIndex.UNDEFINED);
    assertThat(index.defined()).isFalse();
    assertThat(index.value()).isNaN();
    assertThat(index.rounded()).isNaN();
  }

  @Test
  void shouldRejectNegativeStatistics() {
    assertThatThrownBy(
            () ->
                CompositeIndex.of(
                    new PollutantValues(-12, 30, 80, 45, 1.4, 170), HJ663_2013, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SO2");
  }

  @Test
  void shouldRejectDefinitionsWithBadWeightsOrLimits() {
    PollutantValues ones = new PollutantValues(1, 1, 1, 1, 1, 1);
    assertThatThrownBy(
            () ->
                new CompositeIndexDefinition(
                    "x", new PollutantValues(1, 1, 1, -1, 1, 1), ones, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PM2.5");
    assertThatThrownBy(
            () ->
                new CompositeIndexDefinition(
                    "x", ones, new PollutantValues(60, 40, 70, 35, 0, 160), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CO");
  }

  @Test
  void shouldCarryTheGb3095GradeTwoLimitsOfEachEdition() {
    assertThat(HJ663_2013.limits()).isEqualTo(new PollutantValues(60, 40, 70, 35, 4, 160));
    assertThat(HJ663_2013.weights()).isEqualTo(new PollutantValues(1, 1, 1, 1, 1, 1));
    assertThat(THIRD_PARTY_2026_CLAIM.limits())
        .isEqualTo(new PollutantValues(60, 40, 60, 30, 4, 160));
    assertThat(THIRD_PARTY_2026_CLAIM.weights()).isEqualTo(new PollutantValues(1, 2, 1, 3, 1, 2));
  }
}
