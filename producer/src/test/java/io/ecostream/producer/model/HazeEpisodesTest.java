package io.ecostream.producer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HazeEpisodesTest {

  private static final int THREE_DAYS = 72;

  @Test
  void shouldBuildUpToThePeakThenClearWithinHours() {
    double peakLog = Math.log(4);

    assertThat(HazeEpisodes.envelope(0, THREE_DAYS, peakLog)).isCloseTo(peakLog / 72, within(1e-9));
    assertThat(HazeEpisodes.envelope(35, THREE_DAYS, peakLog)).isCloseTo(peakLog / 2, within(1e-9));
    assertThat(HazeEpisodes.envelope(THREE_DAYS - 1, THREE_DAYS, peakLog)).isEqualTo(peakLog);
    assertThat(
            HazeEpisodes.envelope(
                THREE_DAYS + HazeEpisodes.CLEAN_OUT_HOURS - 1, THREE_DAYS, peakLog))
        .isEqualTo(HazeEpisodes.CLEAN_LOG);
    int lastHour = THREE_DAYS + HazeEpisodes.CLEAN_OUT_HOURS + HazeEpisodes.RECOVERY_HOURS - 1;
    assertThat(HazeEpisodes.envelope(lastHour, THREE_DAYS, peakLog)).isCloseTo(0, within(1e-9));
  }

  @Test
  void shouldRiseFromTheUsualLevelToTheCitysShareOfThePeak() {
    // 240 µg/m³ in a fully exposed city whose usual level is 60: four times the usual level.
    assertThat(HazeEpisodes.peakLog(240, 1.0, 60)).isCloseTo(Math.log(4), within(1e-9));
    // A city that usually sees more than the peak still gets a visible rise.
    assertThat(HazeEpisodes.peakLog(150, 0.6, 120)).isEqualTo(HazeEpisodes.MIN_RISE_LOG);
  }

  @Test
  void shouldHappenFromOctoberToMarchOnly() {
    for (int month = 1; month <= 12; month++) {
      boolean winterHalf = month <= 3 || month >= 10;
      assertThat(HazeEpisodes.hazard(month) > 0).as("month %d", month).isEqualTo(winterHalf);
    }
    assertThat(HazeEpisodes.timeShare(1)).isBetween(0.2, 0.5);
  }
}
