package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OzoneTest {

  private static final ValidityRules RULES = ValidityRules.defaults();

  /**
   * A hand-made summer day, slots by start hour: 00–07 h 40, 08–11 h 80, 12–15 h 160, 16–19 h 120,
   * 20–23 h 60 µg/m³. Its 17 windows (ending 08:00 … 24:00) average 40, 45, 50, 55, 60, 75, 90,
   * 105, 120, 125, 130, 135, 140, 127.5, 115, 102.5, 90: the maximum is 140, slots 12–19 (the
   * window ending 20:00).
   */
  private static double[] summerDay() {
    double[] day = new double[24];
    Arrays.fill(day, 0, 8, 40);
    Arrays.fill(day, 8, 12, 80);
    Arrays.fill(day, 12, 16, 160);
    Arrays.fill(day, 16, 20, 120);
    Arrays.fill(day, 20, 24, 60);
    return day;
  }

  private static double[] withMissing(double[] day, int... slots) {
    double[] copy = day.clone();
    for (int slot : slots) {
      copy[slot] = Double.NaN;
    }
    return copy;
  }

  private static double[] scaled(double[] day, double factor) {
    double[] copy = day.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] *= factor;
    }
    return copy;
  }

  /** {@code present} hours of the given value from 00:00, the rest of the day missing. */
  private static double[] presentFromMidnight(int present, double value) {
    double[] day = new double[24];
    Arrays.fill(day, Double.NaN);
    Arrays.fill(day, 0, present, value);
    return day;
  }

  @Test
  void shouldAverageAWindowWithSixValidHours() {
    double[] day = presentFromMidnight(24, 0);
    System.arraycopy(new double[] {10, 20, 30, 40, 50, 60, Double.NaN, Double.NaN}, 0, day, 0, 8);
    // Window ending 08:00 = slots 0–7: six values, (10 + … + 60) / 6.
    assertThat(Ozone.movingAverage8h(day, 7, RULES)).isEqualTo(35.0);
  }

  @Test
  void shouldRejectAWindowWithFiveValidHours() {
    double[] day = presentFromMidnight(24, 0);
    System.arraycopy(
        new double[] {10, 20, 30, 40, 50, Double.NaN, Double.NaN, Double.NaN}, 0, day, 0, 8);
    assertThat(Ozone.movingAverage8h(day, 7, RULES)).isNaN();
  }

  @Test
  void shouldAverageAWindowAcrossMidnightInALongerSeries() {
    double[] twoDays = new double[48];
    Arrays.fill(twoDays, 0, 24, 100);
    Arrays.fill(twoDays, 24, 48, 60);
    // Slot 25 is 01:00–02:00 of the second day; its window covers 18:00 of the first day to 02:00:
    // 6 × 100 + 2 × 60.
    assertThat(Ozone.movingAverage8h(twoDays, 25, RULES)).isEqualTo(90.0);
  }

  @Test
  void shouldTreatSlotsBeforeTheSeriesAsMissing() {
    double[] day = presentFromMidnight(24, 50);
    assertThat(Ozone.movingAverage8h(day, 4, RULES)).isNaN(); // slots 0–4: five values
    assertThat(Ozone.movingAverage8h(day, 5, RULES)).isEqualTo(50.0); // slots 0–5: six values
    assertThatThrownBy(() -> Ozone.movingAverage8h(day, 24, RULES))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void shouldTakeTheMaximumOfTheSeventeenWindowsOfTheDay() {
    assertThat(Ozone.dailyMax8h(summerDay(), RULES)).isEqualTo(new Mda8(140, 17, true));
  }

  @Test
  void shouldStartTheFirstWindowAtMidnight() {
    double[] day = presentFromMidnight(24, 0);
    Arrays.fill(day, 0, 8, 200);
    // The window ending 08:00 is slots 0–7, all 200; no window reaches into the previous day.
    assertThat(Ozone.dailyMax8h(day, RULES)).isEqualTo(new Mda8(200, 17, true));
  }

  @Test
  void shouldInvalidateWindowsWithTooManyMissingHours() {
    // Slots 12, 13, 14 missing: the windows ending at slots 14…19 hold all three (5 values) and are
    // invalid; those
    // ending at 13 and 20 hold two (6 values) and stay valid. 11 valid windows < 14; the largest is
    // slot 20's,
    // slots 15–20 = (160 + 4 × 120 + 60) / 6 = 700 / 6, not above 160.
    Mda8 mda8 = Ozone.dailyMax8h(withMissing(summerDay(), 12, 13, 14), RULES);

    assertThat(mda8.validWindows()).isEqualTo(11);
    assertThat(mda8.valid()).isFalse();
    assertThat(mda8.max()).isCloseTo(700.0 / 6, within(1e-9));
    assertThat(mda8.valueOrNaN()).isNaN();
  }

  @Test
  void shouldAcceptFourteenValidWindows() {
    // Slots 19–23 missing: the windows ending at 21, 22, 23 hold 5, 4, 3 values; 14 windows remain.
    Mda8 mda8 = Ozone.dailyMax8h(presentFromMidnight(19, 100), RULES);

    assertThat(mda8).isEqualTo(new Mda8(100, 14, true));
    assertThat(mda8.valueOrNaN()).isEqualTo(100.0);
  }

  @Test
  void shouldRejectThirteenValidWindowsBelowTheLimit() {
    // Slots 18–23 missing: the windows ending at 20 … 23 are invalid; 13 remain.
    assertThat(Ozone.dailyMax8h(presentFromMidnight(18, 100), RULES))
        .isEqualTo(new Mda8(100, 13, false));
  }

  @Test
  void shouldAcceptFewerWindowsWhenTheMaximumExceedsTheLimit() {
    assertThat(Ozone.dailyMax8h(presentFromMidnight(18, 200), RULES))
        .isEqualTo(new Mda8(200, 13, true));

    // The summer day doubled, slots 12–14 missing: 11 windows, maximum 1400 / 6 ≈ 233.3 > 160.
    Mda8 mda8 = Ozone.dailyMax8h(withMissing(scaled(summerDay(), 2), 12, 13, 14), RULES);
    assertThat(mda8.validWindows()).isEqualTo(11);
    assertThat(mda8.valid()).isTrue();
    assertThat(mda8.valueOrNaN()).isCloseTo(1400.0 / 6, within(1e-9));
  }

  @Test
  void shouldNotApplyTheExceedanceExceptionWhenItIsSwitchedOff() {
    ValidityRules withoutException = RULES.withMda8ValidAboveLimit(false);
    assertThat(Ozone.dailyMax8h(presentFromMidnight(18, 200), withoutException))
        .isEqualTo(new Mda8(200, 13, false));
  }

  @Test
  void shouldJudgeTheExceedanceOnTheRoundedMaximum() {
    // 10 hours from midnight: the windows ending at slots 7 … 11 hold 8, 8, 8, 7, 6 values; 5 valid
    // windows.
    // 160.5 rounds half to even to 160, which does not exceed 160; 160.6 rounds to 161, which does.
    assertThat(Ozone.dailyMax8h(presentFromMidnight(10, 160.5), RULES))
        .isEqualTo(new Mda8(160.5, 5, false));
    assertThat(Ozone.dailyMax8h(presentFromMidnight(10, 160.6), RULES).valid()).isTrue();
    assertThat(Ozone.dailyMax8h(presentFromMidnight(10, 161), RULES).valid()).isTrue();
  }

  @Test
  void shouldHaveNoMda8WithoutAnyValidWindow() {
    Mda8 mda8 = Ozone.dailyMax8h(presentFromMidnight(5, 300), RULES);
    assertThat(mda8.max()).isNaN();
    assertThat(mda8.validWindows()).isZero();
    assertThat(mda8.valid()).isFalse();
  }

  @Test
  void shouldUseTheConfiguredWindowMinimum() {
    assertThat(
            Ozone.dailyMax8h(presentFromMidnight(18, 100), RULES.withMinWindowsPerMda8(13)).valid())
        .isTrue();
    assertThat(
            Ozone.dailyMax8h(presentFromMidnight(19, 100), RULES.withMinWindowsPerMda8(15)).valid())
        .isFalse();
  }

  @Test
  void shouldTakeTheDailyMaximumHourWithTwentyHours() {
    double[] day = presentFromMidnight(20, 100);
    day[13] = 180;
    assertThat(Ozone.dailyMax1h(day, RULES)).isEqualTo(180.0);
    day[0] = Double.NaN;
    assertThat(Ozone.dailyMax1h(day, RULES)).isNaN();
  }

  @Test
  void shouldRejectADayThatIsNotTwentyFourHours() {
    assertThatThrownBy(() -> Ozone.dailyMax8h(new double[23], RULES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ozone.dailyMax1h(new double[25], RULES))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
