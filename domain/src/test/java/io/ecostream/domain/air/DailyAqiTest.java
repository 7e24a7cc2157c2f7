package io.ecostream.domain.air;

import static io.ecostream.domain.air.AqiEdition.HJ_633_2012;
import static io.ecostream.domain.air.AqiEdition.HJ_633_2026;
import static io.ecostream.domain.air.Indicator.CO_24H;
import static io.ecostream.domain.air.Indicator.NO2_24H;
import static io.ecostream.domain.air.Indicator.O3_1H;
import static io.ecostream.domain.air.Indicator.O3_8H;
import static io.ecostream.domain.air.Indicator.PM10_24H;
import static io.ecostream.domain.air.Indicator.PM2_5_24H;
import static io.ecostream.domain.air.Indicator.SO2_24H;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DailyAqiTest {

  /**
   * The indicators of a 2012 daily AQI, in the column order of
   * docs/standards.md#worked-aqi-examples.
   */
  private static final Indicator[] DAILY_2012 = {
    SO2_24H, NO2_24H, PM10_24H, PM2_5_24H, CO_24H, O3_1H, O3_8H
  };

  /**
   * The indicators of a 2026 daily AQI, in the column order of
   * docs/standards.md#worked-aqi-examples.
   */
  private static final Indicator[] DAILY_2026 = {
    SO2_24H, NO2_24H, PM10_24H, PM2_5_24H, CO_24H, O3_8H
  };

  /**
   * docs/standards.md#worked-aqi-examples rows 1 and 2: SO2 10, NO2 45, PM10 120, PM2.5 80, CO 1.2,
   * O3 1h max 150, O3 8h max 130.
   */
  private static DailyAqi.Builder example1(AqiEdition edition) {
    return DailyAqi.builder(edition)
        .so2(10.0)
        .no2(45.0)
        .pm10(120.0)
        .pm25(80.0)
        .co(1.2)
        .o3Max1h(150.0)
        .o3Max8h(130.0);
  }

  /**
   * docs/standards.md#worked-aqi-examples rows 3 and 4: SO2 8, NO2 30, PM10 60, PM2.5 30, CO 0.8,
   * O3 1h max 230, O3 8h max 150.
   */
  private static DailyAqi.Builder example2(AqiEdition edition) {
    return DailyAqi.builder(edition)
        .so2(8.0)
        .no2(30.0)
        .pm10(60.0)
        .pm25(30.0)
        .co(0.8)
        .o3Max1h(230.0)
        .o3Max8h(150.0);
  }

  @Test
  void shouldComputeWorkedExample1Under2012() {
    AqiResult r = example1(HJ_633_2012).compute();

    assertThat(iaqis(r, DAILY_2012)).containsExactly(10, 57, 85, 107, 30, 47, 75);
    assertThat(r.aqi()).isEqualTo(107);
    assertThat(r.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.PM2_5);
    assertThat(r.complete()).isTrue();
    assertThat(r.available()).isTrue();
    assertThat(r.edition()).isEqualTo(HJ_633_2012);
  }

  @Test
  void shouldComputeWorkedExample1Under2026WithoutTheO3OneHourMaximum() {
    AqiResult r = example1(HJ_633_2026).compute();

    assertThat(iaqis(r, DAILY_2026)).containsExactly(10, 57, 100, 119, 30, 75);
    assertThat(r.iaqi(O3_1H)).isEqualTo(Iaqi.NONE);
    assertThat(r.aqi()).isEqualTo(119);
    assertThat(r.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.PM2_5);
    assertThat(r.complete()).isTrue();
  }

  @Test
  void shouldMakeTheO3OneHourMaximumPrimaryUnder2012() {
    AqiResult r = example2(HJ_633_2012).compute();

    assertThat(iaqis(r, DAILY_2012)).containsExactly(8, 38, 55, 43, 20, 115, 92);
    assertThat(r.aqi()).isEqualTo(115);
    assertThat(r.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.O3);
  }

  @Test
  void shouldMakeTheO3EightHourMaximumPrimaryUnder2026() {
    AqiResult r = example2(HJ_633_2026).compute();

    assertThat(iaqis(r, DAILY_2026)).containsExactly(8, 38, 58, 43, 20, 92);
    assertThat(r.aqi()).isEqualTo(92);
    assertThat(r.category()).isEqualTo(AqiCategory.GOOD);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.O3);
  }

  @ParameterizedTest
  @EnumSource(AqiEdition.class)
  void shouldMakeAllTiedPollutantsPrimary(AqiEdition edition) {
    // docs/standards.md#worked-aqi-examples row 5: PM10 250 and PM2.5 115 are both on their
    // IAQI-150 breakpoint.
    AqiResult r =
        DailyAqi.builder(edition)
            .so2(8.0)
            .no2(30.0)
            .pm10(250.0)
            .pm25(115.0)
            .co(0.8)
            .o3Max8h(90.0)
            .compute();

    assertThat(iaqis(r, DAILY_2026)).containsExactly(8, 38, 150, 150, 20, 45);
    assertThat(r.aqi()).isEqualTo(150);
    assertThat(r.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactlyInAnyOrder(Pollutant.PM10, Pollutant.PM2_5);
    assertThat(r.isPrimary(Pollutant.PM10)).isTrue();
    assertThat(r.isPrimary(Pollutant.O3)).isFalse();
    assertThat(r.complete()).isTrue();
  }

  @Test
  void shouldPickTheEditionFromTheDate() {
    assertThat(example1(AqiEdition.forDate(LocalDate.of(2026, 2, 28))).compute().aqi())
        .isEqualTo(107);
    assertThat(example1(AqiEdition.forDate(LocalDate.of(2026, 3, 1))).compute().aqi())
        .isEqualTo(119);
  }

  @Test
  void shouldEvaluateO3FromTheOneHourMaximumWhenTheEightHourMaximumIsAbove800Under2012() {
    // O3 1h 1000 is the IAQI-400 breakpoint; O3 8h 801 has no IAQI (HJ 633-2012 Table 1 note 3).
    AqiResult r = example1(HJ_633_2012).o3Max1h(1000.0).o3Max8h(801.0).compute();

    assertThat(iaqis(r, DAILY_2012)).containsExactly(10, 57, 85, 107, 30, 400, Iaqi.NONE);
    assertThat(r.aqi()).isEqualTo(400);
    assertThat(r.category()).isEqualTo(AqiCategory.SEVERELY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.O3);
    assertThat(r.complete()).isTrue();
  }

  @Test
  void shouldCountO3EightHourAbove800As300Under2026() {
    AqiResult r = example1(HJ_633_2026).o3Max1h(1000.0).o3Max8h(801.0).compute();

    assertThat(iaqis(r, DAILY_2026)).containsExactly(10, 57, 100, 119, 30, 300);
    assertThat(r.aqi()).isEqualTo(300);
    assertThat(r.category()).isEqualTo(AqiCategory.HEAVILY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.O3);
  }

  @Test
  void shouldTreatO3AsMissingWhenOnlyAnEightHourMaximumAbove800IsGivenUnder2012() {
    AqiResult r = example1(HJ_633_2012).o3Max1h(null).o3Max8h(801.0).compute();

    assertThat(r.missingPollutants()).containsExactly(Pollutant.O3);
    // PM2.5 107 > 100, so the AQI is published despite the gap (HJ 633-2026 §5.3.1, applied to 2012
    // too).
    assertThat(r.aqi()).isEqualTo(107);
    assertThat(r.complete()).isFalse();
  }

  @Test
  void shouldCountO3OnceWhenItsOneHourAndEightHourIaqisTie() {
    // O3 1h 200 and O3 8h 160 are both IAQI-100 breakpoints; the rest stay below 100.
    AqiResult r =
        DailyAqi.builder(HJ_633_2012)
            .so2(10.0)
            .no2(45.0)
            .pm10(60.0)
            .pm25(30.0)
            .co(1.2)
            .o3Max1h(200.0)
            .o3Max8h(160.0)
            .compute();

    assertThat(iaqis(r, DAILY_2012)).containsExactly(10, 57, 55, 43, 30, 100, 100);
    assertThat(r.aqi()).isEqualTo(100);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.O3);
  }

  @Test
  void shouldNameNoPrimaryPollutantAtFiftyOrBelow() {
    // PM10 50 is the IAQI-50 breakpoint; NO2 30 → ⌈37.5⌉ = 38, PM2.5 30 → ⌈42.86⌉ = 43, O3 8h 90 →
    // 45.
    DailyAqi.Builder b =
        DailyAqi.builder(HJ_633_2026)
            .so2(8.0)
            .no2(30.0)
            .pm10(50.0)
            .pm25(30.0)
            .co(0.8)
            .o3Max8h(90.0);

    AqiResult at50 = b.compute();
    assertThat(at50.aqi()).isEqualTo(50);
    assertThat(at50.category()).isEqualTo(AqiCategory.EXCELLENT);
    assertThat(at50.primaryPollutants()).isEmpty();

    // PM10 51 → 50 + ⌈50·1/70⌉ = 51.
    AqiResult at51 = b.pm10(51.0).compute();
    assertThat(at51.aqi()).isEqualTo(51);
    assertThat(at51.category()).isEqualTo(AqiCategory.GOOD);
    assertThat(at51.primaryPollutants()).containsExactly(Pollutant.PM10);
  }

  @Test
  void shouldNotPublishAnAqiOf100OrLessWhenAPollutantIsMissing() {
    // Row 4 of docs/standards.md#worked-aqi-examples without SO2: the others give 38, 58, 43, 20,
    // 92.
    AqiResult r = example2(HJ_633_2026).so2(null).compute();

    assertThat(r.aqi()).isEqualTo(Iaqi.NONE);
    assertThat(r.available()).isFalse();
    assertThat(r.partialAqi()).isEqualTo(92);
    assertThat(r.category()).isNull();
    assertThat(r.primaryPollutants()).isEmpty();
    assertThat(r.complete()).isFalse();
    assertThat(r.missingPollutants()).containsExactly(Pollutant.SO2);
    assertThat(r.iaqi(O3_8H)).isEqualTo(92);
  }

  @Test
  void shouldPublishAnAqiAbove100WhenAPollutantIsMissing() {
    // Row 2 of docs/standards.md#worked-aqi-examples without CO: 10, 57, 100, 119, 75.
    AqiResult r = example1(HJ_633_2026).co(null).compute();

    assertThat(r.aqi()).isEqualTo(119);
    assertThat(r.partialAqi()).isEqualTo(119);
    assertThat(r.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.PM2_5);
    assertThat(r.complete()).isFalse();
    assertThat(r.missingPollutants()).containsExactly(Pollutant.CO);
  }

  @Test
  void shouldApplyTheMissingDataRuleAtExactly100And101() {
    // SO2 missing; PM2.5 60 is the 2026 IAQI-100 breakpoint, PM2.5 61 → 100 + ⌈50/55⌉ = 101.
    DailyAqi.Builder b = example1(HJ_633_2026).so2(null).pm10(60.0).pm25(60.0);

    AqiResult at100 = b.compute();
    assertThat(at100.aqi()).isEqualTo(Iaqi.NONE);
    assertThat(at100.partialAqi()).isEqualTo(100);

    AqiResult at101 = b.pm25(61.0).compute();
    assertThat(at101.aqi()).isEqualTo(101);
    assertThat(at101.primaryPollutants()).containsExactly(Pollutant.PM2_5);
  }

  @Test
  void shouldApplyTheMissingDataRuleTo2012Data() {
    // Row 3 of docs/standards.md#worked-aqi-examples without PM10: O3 1h 115 > 100 is published.
    AqiResult published = example2(HJ_633_2012).pm10(null).compute();
    assertThat(published.aqi()).isEqualTo(115);
    assertThat(published.primaryPollutants()).containsExactly(Pollutant.O3);
    assertThat(published.missingPollutants()).containsExactly(Pollutant.PM10);

    // Row 1 without PM2.5: the others give 10, 57, 85, 30, 47, 75.
    AqiResult withheld = example1(HJ_633_2012).pm25(null).compute();
    assertThat(withheld.aqi()).isEqualTo(Iaqi.NONE);
    assertThat(withheld.partialAqi()).isEqualTo(85);
  }

  @Test
  void shouldGiveNoAqiWithoutAnyConcentration() {
    AqiResult r = DailyAqi.builder(HJ_633_2026).compute();

    assertThat(r.aqi()).isEqualTo(Iaqi.NONE);
    assertThat(r.partialAqi()).isEqualTo(Iaqi.NONE);
    assertThat(r.category()).isNull();
    assertThat(r.missingPollutants()).containsExactly(Pollutant.values());
  }

  @Test
  void shouldUseSevenIndicatorsUnder2012AndSixUnder2026() {
    assertThat(DailyAqi.indicators(HJ_633_2012)).containsExactlyInAnyOrder(DAILY_2012);
    assertThat(DailyAqi.indicators(HJ_633_2026)).containsExactlyInAnyOrder(DAILY_2026);
  }

  @Test
  void shouldRejectInvalidConcentrationsWhenTheyAreSet() {
    DailyAqi.Builder b = DailyAqi.builder(HJ_633_2026);

    assertThatThrownBy(() -> b.pm25(-1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PM2_5");
    assertThatThrownBy(() -> b.co(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CO");
    assertThatThrownBy(() -> b.o3Max8h(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldBeEqualForEqualInputs() {
    AqiResult a = example1(HJ_633_2012).compute();
    AqiResult b = example1(HJ_633_2012).compute();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(example1(HJ_633_2026).compute());
  }

  private static List<Integer> iaqis(AqiResult r, Indicator... indicators) {
    return Arrays.stream(indicators).map(r::iaqi).toList();
  }
}
