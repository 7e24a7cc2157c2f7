package io.ecostream.domain.air;

import static io.ecostream.domain.air.AqiEdition.HJ_633_2012;
import static io.ecostream.domain.air.AqiEdition.HJ_633_2026;
import static io.ecostream.domain.air.Indicator.CO_1H;
import static io.ecostream.domain.air.Indicator.NO2_1H;
import static io.ecostream.domain.air.Indicator.O3_1H;
import static io.ecostream.domain.air.Indicator.O3_8H;
import static io.ecostream.domain.air.Indicator.PM10_1H;
import static io.ecostream.domain.air.Indicator.PM10_24H;
import static io.ecostream.domain.air.Indicator.PM2_5_1H;
import static io.ecostream.domain.air.Indicator.PM2_5_24H;
import static io.ecostream.domain.air.Indicator.SO2_1H;
import static io.ecostream.domain.air.Indicator.SO2_24H;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HourlyAqiTest {

  /** The six 1-hour indicators, the real-time set of HJ 633-2026 §4.2.3. */
  private static final Indicator[] ONE_HOUR = {SO2_1H, NO2_1H, CO_1H, O3_1H, PM10_1H, PM2_5_1H};

  /**
   * One hour's values with SO2 1h above 800 µg/m³. The other IAQIs: NO2 50 → ⌈50·50/100⌉ = 25; CO
   * 0.5 → 50·5/50 = 5; O3 100 → ⌈50·100/160 = 31.25⌉ = 32; PM10 80 → 2012: 50 + ⌈50·30/100⌉ = 65,
   * 2026: 50 + ⌈50·30/70 = 21.43⌉ = 72; PM2.5 40 → 2012: 50 + ⌈50·5/40 = 6.25⌉ = 57, 2026: 50 +
   * 50·5/25 = 60.
   */
  private static HourlyAqi.Builder so2Episode(AqiEdition edition) {
    return HourlyAqi.builder(edition).so2(900.0).no2(50.0).co(0.5).o3(100.0).pm10(80.0).pm25(40.0);
  }

  @Test
  void shouldCountSo2Above800As200Under2026() {
    AqiResult r = so2Episode(HJ_633_2026).compute();

    assertThat(iaqis(r, ONE_HOUR)).containsExactly(200, 25, 5, 32, 72, 60);
    assertThat(r.aqi()).isEqualTo(200);
    assertThat(r.category()).isEqualTo(AqiCategory.MODERATELY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.SO2);
    assertThat(r.complete()).isTrue();
  }

  @Test
  void shouldLeaveSo2WithoutIaqiAbove800Under2012WhenNo24HourAverageIsGiven() {
    AqiResult r = so2Episode(HJ_633_2012).compute();

    assertThat(iaqis(r, ONE_HOUR)).containsExactly(Iaqi.NONE, 25, 5, 32, 65, 57);
    assertThat(r.missingPollutants()).containsExactly(Pollutant.SO2);
    // 65 ≤ 100 with a pollutant missing: not published.
    assertThat(r.aqi()).isEqualTo(Iaqi.NONE);
    assertThat(r.partialAqi()).isEqualTo(65);
  }

  @Test
  void shouldReportSo2FromIts24HourAverageAbove800Under2012() {
    // SO2 24h 200 → 100 + ⌈50·50/325 = 7.69⌉ = 108.
    AqiResult r = so2Episode(HJ_633_2012).so2Moving24h(200.0).compute();

    assertThat(iaqis(r, SO2_1H, SO2_24H)).containsExactly(Iaqi.NONE, 108);
    assertThat(r.aqi()).isEqualTo(108);
    assertThat(r.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.SO2);
    assertThat(r.complete()).isTrue();
  }

  @Test
  void shouldIgnoreTheSo224HourAverageWhenTheOneHourValueHasAnIaqi() {
    // SO2 1h 300 → 50 + ⌈50·150/350 = 21.43⌉ = 72, the maximum.
    AqiResult r2012 = so2Episode(HJ_633_2012).so2(300.0).so2Moving24h(200.0).compute();
    assertThat(iaqis(r2012, SO2_1H, SO2_24H)).containsExactly(72, Iaqi.NONE);
    assertThat(r2012.aqi()).isEqualTo(72);
    assertThat(r2012.primaryPollutants()).containsExactly(Pollutant.SO2);

    AqiResult r2026 = so2Episode(HJ_633_2026).so2Moving24h(200.0).compute();
    assertThat(iaqis(r2026, SO2_1H, SO2_24H)).containsExactly(200, Iaqi.NONE);
  }

  @Test
  void shouldNotUseTheSo224HourAverageWhenTheOneHourValueIsMissing() {
    AqiResult r = so2Episode(HJ_633_2012).so2(null).so2Moving24h(200.0).compute();

    assertThat(r.iaqi(SO2_24H)).isEqualTo(Iaqi.NONE);
    assertThat(r.missingPollutants()).containsExactly(Pollutant.SO2);
  }

  /**
   * SO2 20 → ⌈50·20/150 = 6.67⌉ = 7, and the moving averages: PM2.5 24h 80 → 2012: 107; PM10 24h
   * 120 → 2012: 85; O3 8h 130 → 50 + 50·30/60 = 75.
   */
  private static HourlyAqi.Builder withMovingAverages(AqiEdition edition) {
    return so2Episode(edition).so2(20.0).pm25Moving24h(80.0).pm10Moving24h(120.0).o3Moving8h(130.0);
  }

  @Test
  void shouldIncludeTheMovingAveragesUnder2012() {
    AqiResult r = withMovingAverages(HJ_633_2012).compute();

    assertThat(iaqis(r, ONE_HOUR)).containsExactly(7, 25, 5, 32, 65, 57);
    assertThat(iaqis(r, O3_8H, PM10_24H, PM2_5_24H)).containsExactly(75, 85, 107);
    assertThat(r.aqi()).isEqualTo(107);
    assertThat(r.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.PM2_5);
  }

  @Test
  void shouldLeaveTheMovingAveragesOutOfTheOneHourAqi() {
    // The hour above: 107 with its PM2.5 24-hour average, 65 (PM10 1h) from the 1-hour values.
    AqiResult oneHour = HourlyAqi.oneHourOnly(withMovingAverages(HJ_633_2012).compute());

    assertThat(iaqis(oneHour, ONE_HOUR)).containsExactly(7, 25, 5, 32, 65, 57);
    assertThat(iaqis(oneHour, O3_8H, PM10_24H, PM2_5_24H)).containsOnly(Iaqi.NONE);
    assertThat(oneHour.aqi()).isEqualTo(65);
    assertThat(oneHour.primaryPollutants()).containsExactly(Pollutant.PM10);
    assertThat(oneHour).isEqualTo(so2Episode(HJ_633_2012).so2(20.0).compute());
  }

  @Test
  void shouldLeaveTheSo2SubstituteOutOfTheOneHourAqi() {
    // SO2 1h 900 has no IAQI: SO2 counts from its 24-hour average (108) only with the averages.
    AqiResult oneHour =
        HourlyAqi.oneHourOnly(so2Episode(HJ_633_2012).so2Moving24h(200.0).compute());

    assertThat(iaqis(oneHour, SO2_1H, SO2_24H)).containsOnly(Iaqi.NONE);
    assertThat(oneHour.aqi()).isEqualTo(Iaqi.NONE); // SO2 missing and 65 <= 100
    assertThat(oneHour.partialAqi()).isEqualTo(65);
    assertThat(oneHour).isEqualTo(so2Episode(HJ_633_2012).compute());
  }

  @Test
  void shouldIgnoreTheMovingAveragesUnder2026() {
    AqiResult r = withMovingAverages(HJ_633_2026).compute();

    assertThat(iaqis(r, ONE_HOUR)).containsExactly(7, 25, 5, 32, 72, 60);
    assertThat(iaqis(r, O3_8H, PM10_24H, PM2_5_24H)).containsOnly(Iaqi.NONE);
    assertThat(r.aqi()).isEqualTo(72);
    assertThat(r.category()).isEqualTo(AqiCategory.GOOD);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.PM10);
  }

  @Test
  void shouldCountPm25OnceWhenItsOneHourAndMovingAverageIaqisTieUnder2012() {
    // PM2.5 1h 80 and PM2.5 24h 80 → 107 each.
    AqiResult r = withMovingAverages(HJ_633_2012).pm25(80.0).compute();

    assertThat(iaqis(r, PM2_5_1H, PM2_5_24H)).containsExactly(107, 107);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.PM2_5);
  }

  @Test
  void shouldEvaluateO3FromTheOneHourValueWhenTheEightHourAverageIsAbove800Under2012() {
    // O3 1h 900 → 300 + ⌈100·100/200⌉ = 350; O3 8h 850 has no IAQI.
    AqiResult r = withMovingAverages(HJ_633_2012).o3(900.0).o3Moving8h(850.0).compute();

    assertThat(iaqis(r, O3_1H, O3_8H)).containsExactly(350, Iaqi.NONE);
    assertThat(r.aqi()).isEqualTo(350);
    assertThat(r.category()).isEqualTo(AqiCategory.SEVERELY_POLLUTED);
    assertThat(r.primaryPollutants()).containsExactly(Pollutant.O3);
  }

  @ParameterizedTest
  @EnumSource(AqiEdition.class)
  void shouldMakeTiedOneHourPmValuesBothPrimary(AqiEdition edition) {
    // PM10 250 and PM2.5 115 are the IAQI-150 breakpoints of the daily columns in both editions.
    AqiResult r = so2Episode(edition).so2(20.0).pm10(250.0).pm25(115.0).compute();

    assertThat(iaqis(r, PM10_1H, PM2_5_1H)).containsExactly(150, 150);
    assertThat(r.aqi()).isEqualTo(150);
    assertThat(r.primaryPollutants()).containsExactlyInAnyOrder(Pollutant.PM10, Pollutant.PM2_5);
  }

  @Test
  void shouldRateACleanHourExcellentWithoutPrimaryPollutant() {
    // SO2 10 → ⌈3.33⌉ = 4; NO2 20 → 10; CO 0.3 → 3; O3 50 → ⌈15.63⌉ = 16; PM10 30 → 30; PM2.5 20 →
    // ⌈28.57⌉ = 29.
    AqiResult r =
        HourlyAqi.builder(HJ_633_2026)
            .so2(10.0)
            .no2(20.0)
            .co(0.3)
            .o3(50.0)
            .pm10(30.0)
            .pm25(20.0)
            .compute();

    assertThat(iaqis(r, ONE_HOUR)).containsExactly(4, 10, 3, 16, 30, 29);
    assertThat(r.aqi()).isEqualTo(30);
    assertThat(r.category()).isEqualTo(AqiCategory.EXCELLENT);
    assertThat(r.primaryPollutants()).isEmpty();
  }

  @Test
  void shouldPublishAPartialHourOnlyAbove100() {
    // CO missing. PM2.5 1h 75 → 2026: 100 + ⌈50·15/55 = 13.64⌉ = 114.
    HourlyAqi.Builder b =
        HourlyAqi.builder(HJ_633_2026).so2(10.0).no2(20.0).o3(50.0).pm10(30.0).pm25(20.0);

    assertThat(b.compute().aqi()).isEqualTo(Iaqi.NONE);
    assertThat(b.compute().partialAqi()).isEqualTo(30);

    AqiResult polluted = b.pm25(75.0).compute();
    assertThat(polluted.aqi()).isEqualTo(114);
    assertThat(polluted.primaryPollutants()).containsExactly(Pollutant.PM2_5);
    assertThat(polluted.missingPollutants()).containsExactly(Pollutant.CO);
  }

  @Test
  void shouldUseNineIndicatorsUnder2012AndSixUnder2026() {
    assertThat(HourlyAqi.indicators(HJ_633_2012))
        .containsExactlyInAnyOrder(
            SO2_1H, NO2_1H, CO_1H, O3_1H, PM10_1H, PM2_5_1H, O3_8H, PM10_24H, PM2_5_24H);
    assertThat(HourlyAqi.indicators(HJ_633_2026)).containsExactlyInAnyOrder(ONE_HOUR);
  }

  @Test
  void shouldRejectInvalidConcentrationsWhenTheyAreSet() {
    HourlyAqi.Builder b = HourlyAqi.builder(HJ_633_2012);

    assertThatThrownBy(() -> b.so2(-0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SO2_1H");
    assertThatThrownBy(() -> b.pm25Moving24h(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PM2_5_24H");
  }

  private static List<Integer> iaqis(AqiResult r, Indicator... indicators) {
    return Arrays.stream(indicators).map(r::iaqi).toList();
  }

  @Test
  void shouldTakePrimitiveConcentrationsWithNanForMissingAsTheNamedSettersDo() {
    // The SO2 episode of so2Episode, given by indicator, the PM2.5 1h missing as NaN, the SO2 24h
    // average 200 (IAQI 108) standing in for SO2 above 800 under 2012.
    AqiResult r =
        HourlyAqi.builder(HJ_633_2012)
            .concentration(SO2_1H, 900)
            .concentration(NO2_1H, 50)
            .concentration(CO_1H, 0.5)
            .concentration(O3_1H, 100)
            .concentration(PM10_1H, 80)
            .concentration(PM2_5_1H, Double.NaN)
            .concentration(SO2_24H, 200)
            .compute();

    assertThat(iaqis(r, ONE_HOUR)).containsExactly(Iaqi.NONE, 25, 5, 32, 65, Iaqi.NONE);
    assertThat(r.iaqi(SO2_24H)).isEqualTo(108);
    assertThat(r.missingPollutants()).containsExactly(Pollutant.PM2_5);
    assertThat(r.aqi()).isEqualTo(108);
    assertThatThrownBy(() -> HourlyAqi.builder(HJ_633_2026).concentration(PM10_1H, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> HourlyAqi.builder(HJ_633_2026).concentration(PM10_1H, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
