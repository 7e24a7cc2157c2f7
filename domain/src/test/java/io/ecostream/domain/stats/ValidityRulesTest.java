package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidityRulesTest {

  private static final ValidityRules RULES = ValidityRules.defaults();

  @Test
  void shouldDefaultToGb3095Table4AndTheRecalledHj663Rules() {
    assertThat(RULES).isEqualTo(new ValidityRules(20, 6, 14, true, 160, 20, 27, 25, 324));
    assertThat(RULES.minHoursPerDay()).isEqualTo(DailyMean.DEFAULT_MIN_HOURS);
  }

  @ParameterizedTest(name = "{0}: {1} days → {2}")
  @CsvSource({
    "2025-01, 26, false",
    "2025-01, 27, true",
    "2025-01, 31, true",
    "2025-04, 27, true",
    "2025-04, 26, false",
    "2025-02, 24, false",
    "2025-02, 25, true",
    "2025-02, 28, true",
    // Leap-year February: still 25 (Table 4 has no 26), and all 29 days may be valid.
    "2024-02, 24, false",
    "2024-02, 25, true",
    "2024-02, 29, true"
  })
  void shouldJudgeMonthCompleteness(YearMonth month, int validDays, boolean complete) {
    assertThat(RULES.monthComplete(month, validDays)).isEqualTo(complete);
  }

  @Test
  void shouldRequireTwentyFiveDaysInFebruaryAndTwentySevenElsewhere() {
    assertThat(RULES.minDays(YearMonth.of(2024, 2))).isEqualTo(25);
    assertThat(RULES.minDays(YearMonth.of(2025, 3))).isEqualTo(27);
  }

  @Test
  void shouldRejectMoreValidDaysThanTheMonthHas() {
    assertThatThrownBy(() -> RULES.monthComplete(YearMonth.of(2025, 2), 29))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-02");
    assertThatThrownBy(() -> RULES.monthComplete(YearMonth.of(2024, 2), 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RULES.monthComplete(YearMonth.of(2025, 4), 31))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RULES.monthComplete(YearMonth.of(2025, 4), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldJudgeYearCompletenessAt324Days() {
    assertThat(RULES.yearComplete(323)).isFalse();
    assertThat(RULES.yearComplete(324)).isTrue();
    assertThat(RULES.yearComplete(366)).isTrue();
    assertThat(RULES.yearComplete(0)).isFalse();
    assertThatThrownBy(() -> RULES.yearComplete(367)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RULES.yearComplete(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldComputeTheDailyMeanWithItsMinimumHours() {
    double[] hourly = new double[24];
    Arrays.fill(hourly, Double.NaN);
    Arrays.fill(hourly, 0, 20, 42.0);
    assertThat(RULES.dailyMean(hourly)).isEqualTo(42.0);
    hourly[19] = Double.NaN;
    assertThat(RULES.dailyMean(hourly)).isNaN();
  }

  @Test
  void shouldChangeTheMda8SettingsByName() {
    ValidityRules strict = RULES.withMinWindowsPerMda8(17).withMda8ValidAboveLimit(false);
    assertThat(strict.minWindowsPerMda8()).isEqualTo(17);
    assertThat(strict.mda8ValidAboveLimit()).isFalse();
    assertThat(strict.mda8Limit()).isEqualTo(160);
  }

  @Test
  void shouldRejectMinimaTheirPeriodCannotHold() {
    assertThatThrownBy(() -> new ValidityRules(25, 6, 14, true, 160, 20, 27, 25, 324))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minHoursPerDay");
    assertThatThrownBy(() -> new ValidityRules(20, 9, 14, true, 160, 20, 27, 25, 324))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minHoursPer8h");
    assertThatThrownBy(() -> RULES.withMinWindowsPerMda8(18))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minWindowsPerMda8");
    assertThatThrownBy(() -> new ValidityRules(20, 6, 14, true, 0, 20, 27, 25, 324))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mda8Limit");
    assertThatThrownBy(() -> new ValidityRules(20, 6, 14, true, 160, 20, 27, 29, 324))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minDaysPerFebruary");
  }
}
