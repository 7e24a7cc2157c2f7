package io.ecostream.domain.air;

import static io.ecostream.domain.air.AqiEdition.HJ_633_2012;
import static io.ecostream.domain.air.AqiEdition.HJ_633_2026;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IaqiTest {

  static Stream<Arguments> everyBreakpointOfEveryColumn() {
    List<Arguments> cases = new ArrayList<>();
    for (AqiEdition edition : Hj633Table.editions()) {
      for (Indicator indicator : Indicator.values()) {
        for (Hj633Table.Breakpoint bp : Hj633Table.column(edition, indicator)) {
          cases.add(Arguments.of(edition, indicator, bp.concentration().doubleValue(), bp.iaqi()));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} at {2} → {3}")
  @MethodSource("everyBreakpointOfEveryColumn")
  void shouldGiveTheRowIaqiAtEveryBreakpoint(
      AqiEdition edition, Indicator indicator, double c, int expected) {
    assertThat(Iaqi.of(edition, indicator, c)).isEqualTo(expected);
  }

  // One unit (CO: 0.1 mg/m³) above and below every breakpoint. Above BP_Lo: IAQI_Lo + ⌈ΔI/ΔBP⌉;
  // below BP_Hi:
  // IAQI_Lo + ⌈ΔI·(ΔBP − 1)/ΔBP⌉. Each comment gives the segment "BP_Lo–BP_Hi → IAQI_Lo–IAQI_Hi".
  @ParameterizedTest(name = "{0} {1} at {2} → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # SO2 24h. 0–50 → 0–50
          both | SO2_24H   | 1    | 1
          both | SO2_24H   | 49   | 49
          # 50–150 → 50–100: ⌈50·1/100⌉ = 1; 50 + ⌈50·99/100 = 49.5⌉
          both | SO2_24H   | 51   | 51
          both | SO2_24H   | 149  | 100
          # 150–475 → 100–150: ⌈50/325⌉ = 1; 100 + ⌈50·324/325 = 49.85⌉
          both | SO2_24H   | 151  | 101
          both | SO2_24H   | 474  | 150
          # 475–800 → 150–200, same slope
          both | SO2_24H   | 476  | 151
          both | SO2_24H   | 799  | 200
          # 800–1600 → 200–300: 200 + ⌈100·799/800 = 99.875⌉
          both | SO2_24H   | 801  | 201
          both | SO2_24H   | 1599 | 300
          # 1600–2100 → 300–400: 300 + ⌈100·499/500 = 99.8⌉
          both | SO2_24H   | 1601 | 301
          both | SO2_24H   | 2099 | 400
          # 2100–2620 → 400–500: 400 + ⌈100·519/520 = 99.81⌉
          both | SO2_24H   | 2101 | 401
          both | SO2_24H   | 2619 | 500

          # SO2 1h. 0–150 → 0–50: ⌈50/150⌉ = 1; ⌈50·149/150 = 49.67⌉
          both | SO2_1H    | 1    | 1
          both | SO2_1H    | 149  | 50
          # 150–500 → 50–100: 50 + ⌈50·349/350 = 49.86⌉
          both | SO2_1H    | 151  | 51
          both | SO2_1H    | 499  | 100
          # 500–650 → 100–150: 100 + ⌈50·149/150⌉
          both | SO2_1H    | 501  | 101
          both | SO2_1H    | 649  | 150
          # 650–800 → 150–200
          both | SO2_1H    | 651  | 151
          both | SO2_1H    | 799  | 200

          # NO2 24h. 0–40 → 0–50: ⌈50/40 = 1.25⌉ = 2; ⌈50·39/40 = 48.75⌉ = 49
          both | NO2_24H   | 1    | 2
          both | NO2_24H   | 39   | 49
          # 40–80 → 50–100, same slope
          both | NO2_24H   | 41   | 52
          both | NO2_24H   | 79   | 99
          # 80–180 → 100–150: 100 + ⌈49.5⌉
          both | NO2_24H   | 81   | 101
          both | NO2_24H   | 179  | 150
          # 180–280 → 150–200
          both | NO2_24H   | 181  | 151
          both | NO2_24H   | 279  | 200
          # 280–565 → 200–300: 200 + ⌈100·284/285 = 99.65⌉
          both | NO2_24H   | 281  | 201
          both | NO2_24H   | 564  | 300
          # 565–750 → 300–400: ⌈100/185 = 0.54⌉ = 1; 300 + ⌈100·184/185 = 99.46⌉
          both | NO2_24H   | 566  | 301
          both | NO2_24H   | 749  | 400
          # 750–940 → 400–500: 400 + ⌈100·189/190 = 99.47⌉
          both | NO2_24H   | 751  | 401
          both | NO2_24H   | 939  | 500

          # NO2 1h. 0–100 → 0–50: ⌈0.5⌉ = 1; ⌈49.5⌉ = 50
          both | NO2_1H    | 1    | 1
          both | NO2_1H    | 99   | 50
          # 100–200 → 50–100
          both | NO2_1H    | 101  | 51
          both | NO2_1H    | 199  | 100
          # 200–700 → 100–150: 100 + ⌈50·499/500 = 49.9⌉
          both | NO2_1H    | 201  | 101
          both | NO2_1H    | 699  | 150
          # 700–1200 → 150–200
          both | NO2_1H    | 701  | 151
          both | NO2_1H    | 1199 | 200
          # 1200–2340 → 200–300: 200 + ⌈100·1139/1140 = 99.91⌉
          both | NO2_1H    | 1201 | 201
          both | NO2_1H    | 2339 | 300
          # 2340–3090 → 300–400: 300 + ⌈100·749/750 = 99.87⌉
          both | NO2_1H    | 2341 | 301
          both | NO2_1H    | 3089 | 400
          # 3090–3840 → 400–500
          both | NO2_1H    | 3091 | 401
          both | NO2_1H    | 3839 | 500

          # PM10 24h. 0–50 → 0–50
          both | PM10_24H  | 1    | 1
          both | PM10_24H  | 49   | 49
          # 2012: 50–150 → 50–100: 50 + ⌈49.5⌉
          2012 | PM10_24H  | 51   | 51
          2012 | PM10_24H  | 149  | 100
          # 2012: 150–250 → 100–150
          2012 | PM10_24H  | 151  | 101
          2012 | PM10_24H  | 249  | 150
          # 2026: 50–120 → 50–100: ⌈50/70 = 0.71⌉ = 1; 50 + ⌈50·69/70 = 49.29⌉
          2026 | PM10_24H  | 51   | 51
          2026 | PM10_24H  | 119  | 100
          # 2026: 120–250 → 100–150: ⌈50/130⌉ = 1; 100 + ⌈50·129/130 = 49.62⌉
          2026 | PM10_24H  | 121  | 101
          2026 | PM10_24H  | 249  | 150
          # the other edition's IAQI-100 breakpoint. 2012 at 120: 50 + ⌈50·70/100⌉ = 85; 2026 at 150: 100 + ⌈50·30/130 = 11.54⌉
          2012 | PM10_24H  | 120  | 85
          2026 | PM10_24H  | 150  | 112
          # 250–350 → 150–200
          both | PM10_24H  | 251  | 151
          both | PM10_24H  | 349  | 200
          # 350–420 → 200–300: ⌈100/70 = 1.43⌉ = 2; 200 + ⌈100·69/70 = 98.57⌉
          both | PM10_24H  | 351  | 202
          both | PM10_24H  | 419  | 299
          # 420–500 → 300–400: ⌈100/80 = 1.25⌉ = 2; 300 + ⌈100·79/80 = 98.75⌉
          both | PM10_24H  | 421  | 302
          both | PM10_24H  | 499  | 399
          # 500–600 → 400–500
          both | PM10_24H  | 501  | 401
          both | PM10_24H  | 599  | 499

          # CO 24h, 0.1 mg/m³ steps. 0–2 → 0–50: ⌈50·0.1/2 = 2.5⌉ = 3; ⌈50·1.9/2 = 47.5⌉ = 48
          both | CO_24H    | 0.1  | 3
          both | CO_24H    | 1.9  | 48
          # 2–4 → 50–100, same slope
          both | CO_24H    | 2.1  | 53
          both | CO_24H    | 3.9  | 98
          # 4–14 → 100–150: ⌈50·0.1/10 = 0.5⌉ = 1; 100 + ⌈50·9.9/10 = 49.5⌉
          both | CO_24H    | 4.1  | 101
          both | CO_24H    | 13.9 | 150
          # 14–24 → 150–200
          both | CO_24H    | 14.1 | 151
          both | CO_24H    | 23.9 | 200
          # 24–36 → 200–300: ⌈100·0.1/12 = 0.83⌉ = 1; 200 + ⌈100·11.9/12 = 99.17⌉
          both | CO_24H    | 24.1 | 201
          both | CO_24H    | 35.9 | 300
          # 36–48 → 300–400, same slope
          both | CO_24H    | 36.1 | 301
          both | CO_24H    | 47.9 | 400
          # 48–60 → 400–500, same slope
          both | CO_24H    | 48.1 | 401
          both | CO_24H    | 59.9 | 500

          # CO 1h. 0–5 → 0–50: 50·0.1/5 = 1 exactly; 50·4.9/5 = 49 exactly
          both | CO_1H     | 0.1  | 1
          both | CO_1H     | 4.9  | 49
          # 5–10 → 50–100, same slope
          both | CO_1H     | 5.1  | 51
          both | CO_1H     | 9.9  | 99
          # 10–35 → 100–150: ⌈50·0.1/25 = 0.2⌉ = 1; 100 + ⌈50·24.9/25 = 49.8⌉
          both | CO_1H     | 10.1 | 101
          both | CO_1H     | 34.9 | 150
          # 35–60 → 150–200
          both | CO_1H     | 35.1 | 151
          both | CO_1H     | 59.9 | 200
          # 60–90 → 200–300: ⌈100·0.1/30⌉ = 1; 200 + ⌈100·29.9/30 = 99.67⌉
          both | CO_1H     | 60.1 | 201
          both | CO_1H     | 89.9 | 300
          # 90–120 → 300–400
          both | CO_1H     | 90.1 | 301
          both | CO_1H     | 119.9 | 400
          # 120–150 → 400–500
          both | CO_1H     | 120.1 | 401
          both | CO_1H     | 149.9 | 500

          # O3 1h. 0–160 → 0–50: ⌈50/160⌉ = 1; ⌈50·159/160 = 49.69⌉ = 50
          both | O3_1H     | 1    | 1
          both | O3_1H     | 159  | 50
          # 160–200 → 50–100: ⌈50/40 = 1.25⌉ = 2; 50 + ⌈50·39/40 = 48.75⌉
          both | O3_1H     | 161  | 52
          both | O3_1H     | 199  | 99
          # 200–300 → 100–150
          both | O3_1H     | 201  | 101
          both | O3_1H     | 299  | 150
          # 300–400 → 150–200
          both | O3_1H     | 301  | 151
          both | O3_1H     | 399  | 200
          # 400–800 → 200–300: 200 + ⌈100·399/400 = 99.75⌉
          both | O3_1H     | 401  | 201
          both | O3_1H     | 799  | 300
          # 800–1000 → 300–400: 300 + ⌈100·199/200 = 99.5⌉
          both | O3_1H     | 801  | 301
          both | O3_1H     | 999  | 400
          # 1000–1200 → 400–500
          both | O3_1H     | 1001 | 401
          both | O3_1H     | 1199 | 500

          # O3 8h. 0–100 → 0–50: ⌈0.5⌉ = 1; ⌈49.5⌉ = 50
          both | O3_8H     | 1    | 1
          both | O3_8H     | 99   | 50
          # 100–160 → 50–100: ⌈50/60⌉ = 1; 50 + ⌈50·59/60 = 49.17⌉
          both | O3_8H     | 101  | 51
          both | O3_8H     | 159  | 100
          # 160–215 → 100–150: ⌈50/55⌉ = 1; 100 + ⌈50·54/55 = 49.09⌉
          both | O3_8H     | 161  | 101
          both | O3_8H     | 214  | 150
          # 215–265 → 150–200: slope 1, so 264 → 150 + 49 exactly
          both | O3_8H     | 216  | 151
          both | O3_8H     | 264  | 199
          # 265–800 → 200–300: ⌈100/535⌉ = 1; 200 + ⌈100·534/535 = 99.81⌉
          both | O3_8H     | 266  | 201
          both | O3_8H     | 799  | 300

          # PM2.5 24h. 0–35 → 0–50: ⌈50/35 = 1.43⌉ = 2; ⌈50·34/35 = 48.57⌉ = 49
          both | PM2_5_24H | 1    | 2
          both | PM2_5_24H | 34   | 49
          # 2012: 35–75 → 50–100: ⌈50/40 = 1.25⌉ = 2; 50 + ⌈50·39/40 = 48.75⌉
          2012 | PM2_5_24H | 36   | 52
          2012 | PM2_5_24H | 74   | 99
          # 2012: 75–115 → 100–150, same slope
          2012 | PM2_5_24H | 76   | 102
          2012 | PM2_5_24H | 114  | 149
          # 2026: 35–60 → 50–100: 50·1/25 = 2 exactly; 50 + 50·24/25 = 98 exactly
          2026 | PM2_5_24H | 36   | 52
          2026 | PM2_5_24H | 59   | 98
          # 2026: 60–115 → 100–150: ⌈50/55⌉ = 1; 100 + ⌈50·54/55 = 49.09⌉
          2026 | PM2_5_24H | 61   | 101
          2026 | PM2_5_24H | 114  | 150
          # the other edition's IAQI-100 breakpoint. 2012 at 60: 50 + ⌈50·25/40 = 31.25⌉; 2026 at 75: 100 + ⌈50·15/55 = 13.64⌉
          2012 | PM2_5_24H | 60   | 82
          2026 | PM2_5_24H | 75   | 114
          # 115–150 → 150–200: ⌈50/35⌉ = 2; 150 + ⌈50·34/35 = 48.57⌉
          both | PM2_5_24H | 116  | 152
          both | PM2_5_24H | 149  | 199
          # 150–250 → 200–300: slope 1
          both | PM2_5_24H | 151  | 201
          both | PM2_5_24H | 249  | 299
          # 250–350 → 300–400: slope 1
          both | PM2_5_24H | 251  | 301
          both | PM2_5_24H | 349  | 399
          # 350–500 → 400–500: ⌈100/150⌉ = 1; 400 + ⌈100·149/150 = 99.33⌉
          both | PM2_5_24H | 351  | 401
          both | PM2_5_24H | 499  | 500
          """)
  void shouldGiveTheHandComputedIaqiNextToEveryBreakpoint(
      String editions, Indicator indicator, double c, int expected) {
    for (AqiEdition edition : editions(editions)) {
      assertThat(Iaqi.of(edition, indicator, c))
          .as("%s %s at %s", edition, indicator, c)
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {0, 1, 34, 35, 36, 59, 60, 61, 75, 80, 120, 149, 150, 151, 499, 500, 501, 1000})
  void shouldEvaluatePmOneHourValuesOnTheDailyBreakpoints(double c) {
    for (AqiEdition edition : Hj633Table.editions()) {
      assertThat(Iaqi.of(edition, Indicator.PM10_1H, c))
          .isEqualTo(Iaqi.of(edition, Indicator.PM10_24H, c));
      assertThat(Iaqi.of(edition, Indicator.PM2_5_1H, c))
          .isEqualTo(Iaqi.of(edition, Indicator.PM2_5_24H, c));
    }
  }

  @Test
  void shouldComputeNoSo2OneHourIaqiAbove800Under2012() {
    // HJ 633-2012 Table 1 note 2: report SO2 from its 24-hour average instead.
    assertThat(Iaqi.of(HJ_633_2012, Indicator.SO2_1H, 801)).isEqualTo(Iaqi.NONE);
    assertThat(Iaqi.of(HJ_633_2012, Indicator.SO2_1H, 800.6)).isEqualTo(Iaqi.NONE);
    assertThat(Iaqi.of(HJ_633_2012, Indicator.SO2_1H, 5000)).isEqualTo(Iaqi.NONE);
    assertThat(Iaqi.of(HJ_633_2012, Indicator.SO2_1H, 1e300)).isEqualTo(Iaqi.NONE);
  }

  @Test
  void shouldCountSo2OneHourAbove800As200Under2026() {
    // HJ 633-2026 Table 3 note: "IAQI 按照 200 计".
    assertThat(Iaqi.of(HJ_633_2026, Indicator.SO2_1H, 801)).isEqualTo(200);
    assertThat(Iaqi.of(HJ_633_2026, Indicator.SO2_1H, 5000)).isEqualTo(200);
    assertThat(Iaqi.of(HJ_633_2026, Indicator.SO2_1H, 1e300)).isEqualTo(200);
  }

  @Test
  void shouldComputeNoO3EightHourIaqiAbove800Under2012() {
    // HJ 633-2012 Table 1 note 3: report O3 from the 1-hour value instead.
    assertThat(Iaqi.of(HJ_633_2012, Indicator.O3_8H, 801)).isEqualTo(Iaqi.NONE);
    assertThat(Iaqi.of(HJ_633_2012, Indicator.O3_8H, 1500)).isEqualTo(Iaqi.NONE);
  }

  @Test
  void shouldCountO3EightHourAbove800As300Under2026() {
    // HJ 633-2026 Table 3 note: "IAQI 按照 300 计".
    assertThat(Iaqi.of(HJ_633_2026, Indicator.O3_8H, 801)).isEqualTo(300);
    assertThat(Iaqi.of(HJ_633_2026, Indicator.O3_8H, 1500)).isEqualTo(300);
  }

  @ParameterizedTest
  @ValueSource(doubles = {800.4, 800.5})
  void shouldRoundBeforeApplyingThe800Notes(double c) {
    // 800.4 and 800.5 (half to even) both round to 800, which is on the breakpoint, not above it.
    for (AqiEdition edition : Hj633Table.editions()) {
      assertThat(Iaqi.of(edition, Indicator.SO2_1H, c)).isEqualTo(200);
      assertThat(Iaqi.of(edition, Indicator.O3_8H, c)).isEqualTo(300);
    }
  }

  @ParameterizedTest(name = "{0} at {1} → 500")
  @CsvSource({
    "SO2_24H, 2621",
    "NO2_24H, 941",
    "NO2_1H, 3841",
    "PM10_24H, 601",
    "PM10_1H, 601",
    "CO_24H, 60.1",
    "CO_1H, 150.1",
    "O3_1H, 1201",
    "PM2_5_24H, 501",
    "PM2_5_24H, 10000",
    "PM2_5_1H, 501",
    "PM2_5_24H, 1e300",
    "PM2_5_24H, 1.7976931348623157e308"
  })
  void shouldCapAtFiveHundredAboveTheLastBreakpoint(Indicator indicator, double c) {
    // Both editions are silent here; the AQI scale ends at 500 (HJ 633-2026 §4.1.1).
    for (AqiEdition edition : Hj633Table.editions()) {
      assertThat(Iaqi.of(edition, indicator, c)).isEqualTo(500);
    }
  }

  @ParameterizedTest(name = "{0} at {1} → {2}")
  @CsvSource({
    // docs/standards.md#iaqi-formula-and-rounding: double evaluation gives 56 and 219 here.
    "CO_24H, 2.2, 55", // 50 + 50·(22 − 20)/(40 − 20) = 55 exactly
    "CO_1H, 65.4, 218", // 200 + 100·(654 − 600)/(900 − 600) = 218 exactly
    "CO_24H, 4.4, 102", // 100 + 50·(44 − 40)/100 = 102 exactly
    "CO_24H, 1.1, 28", // ⌈50·11/20 = 27.5⌉
    "CO_24H, 4.9, 105", // 100 + ⌈50·9/100 = 4.5⌉
    "CO_1H, 1.1, 11", // 50·11/50 = 11 exactly
    "CO_1H, 2.2, 22",
    "CO_1H, 4.4, 44",
    "CO_1H, 4.9, 49"
  })
  void shouldComputeExactIntegerResultsWithoutFloatingPointCeilErrors(
      Indicator indicator, double c, int expected) {
    for (AqiEdition edition : Hj633Table.editions()) {
      assertThat(Iaqi.of(edition, indicator, c)).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} {1} at {2} → {3}")
  @CsvSource({
    // GB/T 8170 half to even on the decimal value, then Eq. (1).
    "both, PM2_5_24H, 35.5, 52", // → 36 (half to even); 50 + ⌈50·1/40⌉ (2012) = 50 + 50·1/25 (2026)
    // = 52
    "both, PM2_5_24H, 36.5, 52", // → 36
    "both, PM2_5_24H, 34.5, 49", // → 34; ⌈50·34/35 = 48.57⌉
    "both, PM2_5_24H, 35.4, 50", // → 35, on the breakpoint
    "both, PM2_5_24H, 0.4, 0", // → 0
    "both, PM2_5_24H, 0.5, 0", // → 0 (half to even)
    "both, PM2_5_24H, 1.5, 3", // → 2; ⌈50·2/35 = 2.86⌉
    "2012, PM2_5_24H, 74.5, 99", // → 74 (half to even)
    "2012, PM2_5_24H, 75.5, 102", // → 76
    "2026, PM2_5_24H, 60.5, 100", // → 60 (half to even), on the breakpoint
    "both, CO_24H, 1.05, 25", // → 1.0; 50·10/20
    "both, CO_24H, 1.15, 30", // → 1.2; 50·12/20
    "both, CO_24H, 2.15, 55", // → 2.2
    "both, CO_24H, 2.25, 55", // → 2.2 (half to even)
    "both, CO_24H, 2.35, 60", // → 2.4; 50 + 50·4/20
    "both, CO_24H, 0.05, 0", // → 0.0
    "both, CO_24H, 0.15, 5", // → 0.2; 50·2/20
    "both, CO_24H, 1.04, 25", // → 1.0
    "both, CO_24H, 1.06, 28" // → 1.1; ⌈50·11/20 = 27.5⌉
  })
  void shouldRoundTheConcentrationAsGbt8170Requires(
      String editions, Indicator indicator, double c, int expected) {
    for (AqiEdition edition : editions(editions)) {
      assertThat(Iaqi.of(edition, indicator, c)).as("%s", edition).isEqualTo(expected);
    }
  }

  @Test
  void shouldTreatNegativeZeroAsZero() {
    assertThat(Iaqi.of(HJ_633_2026, Indicator.PM2_5_24H, -0.0)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {
        -1,
        -0.1,
        -4.9e-324,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
      })
  void shouldRejectNegativeNanAndInfiniteConcentrations(double c) {
    for (AqiEdition edition : Hj633Table.editions()) {
      assertThatThrownBy(() -> Iaqi.of(edition, Indicator.PM2_5_24H, c))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PM2_5_24H");
    }
  }

  @ParameterizedTest
  @EnumSource(Indicator.class)
  void shouldGiveZeroForZeroConcentration(Indicator indicator) {
    for (AqiEdition edition : Hj633Table.editions()) {
      assertThat(Iaqi.of(edition, indicator, 0)).isZero();
    }
  }

  private static AqiEdition[] editions(String editions) {
    return switch (editions) {
      case "both" -> Hj633Table.editions();
      case "2012" -> new AqiEdition[] {HJ_633_2012};
      case "2026" -> new AqiEdition[] {HJ_633_2026};
      default -> throw new IllegalArgumentException(editions);
    };
  }
}
