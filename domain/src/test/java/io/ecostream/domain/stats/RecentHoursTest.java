package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityFlag;
import io.ecostream.domain.quality.QualityRules;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecentHoursTest {

  /** An arbitrary hour since the epoch: 2024-01-15 00:00 UTC. */
  private static final long H0 = 473_352L;

  private final RecentHours ring = RecentHours.empty(QualityRules.defaults());

  private static double[] pm25(double value) {
    double[] values = new double[RecentHours.POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    values[Pollutant.PM2_5.ordinal()] = value;
    return values;
  }

  private static double[] o3(double value) {
    double[] values = new double[RecentHours.POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    values[Pollutant.O3.ordinal()] = value;
    return values;
  }

  @Test
  void shouldTellANewHourACorrectionAndADuplicateApart() {
    assertThat(ring.put(H0, pm25(80))).isEqualTo(RecentHours.Put.NEW);
    assertThat(ring.put(H0, pm25(80))).isEqualTo(RecentHours.Put.UNCHANGED);
    assertThat(ring.put(H0, pm25(95))).isEqualTo(RecentHours.Put.CHANGED);
    assertThat(ring.value(H0, Pollutant.PM2_5)).isEqualTo(95.0);
  }

  @Test
  void shouldKeepAnEarlierValueWhenACorrectionLacksThatPollutant() {
    ring.put(H0, pm25(80));

    assertThat(ring.put(H0, o3(120))).isEqualTo(RecentHours.Put.CHANGED);

    assertThat(ring.value(H0, Pollutant.PM2_5)).isEqualTo(80.0);
    assertThat(ring.value(H0, Pollutant.O3)).isEqualTo(120.0);
  }

  @Test
  void shouldGiveEachHoursChangesPlusOneWhereHeldAndZeroElsewhere() {
    ring.put(H0, pm25(80)); // new: 1 change
    ring.put(H0, pm25(95)); // corrected: 2
    ring.put(H0 + 2, pm25(40)); // 1; H0 + 1 is missing
    ring.put(H0 + 120, pm25(10)); // the ring moves on: H0 … H0 + 24 leave it

    assertThat(ring.heldChanges(H0 + 118, new int[4])).containsExactly(0, 0, 2, 0);
    ring.put(H0 + 119, pm25(12));
    assertThat(ring.heldChanges(H0 + 118, new int[4])).containsExactly(0, 2, 2, 0);

    RecentHours early = RecentHours.empty(QualityRules.defaults());
    early.put(H0, pm25(80));
    early.put(H0, pm25(95));
    early.put(H0 + 2, pm25(40));
    assertThat(early.heldChanges(H0 - 1, new int[5])).containsExactly(0, 3, 0, 2, 0);
  }

  @Test
  void shouldHoldTheLast96HoursAndRefuseOlderOnes() {
    ring.put(H0 + 100, pm25(10));

    assertThat(ring.put(H0 + 100 - 95, pm25(20))).isEqualTo(RecentHours.Put.NEW);
    assertThat(ring.put(H0 + 100 - 96, pm25(30))).isEqualTo(RecentHours.Put.TOO_OLD);
    assertThat(ring.holds(H0 + 100 - 96)).isFalse();
  }

  @Test
  void shouldForgetAnHourOnceTheNewestIsFourDaysAhead() {
    ring.put(H0, pm25(10));

    ring.put(H0 + 96, pm25(20)); // same slot as H0

    assertThat(ring.holds(H0)).isFalse();
    assertThat(ring.value(H0, Pollutant.PM2_5)).isNaN();
    assertThat(ring.value(H0 + 96, Pollutant.PM2_5)).isEqualTo(20.0);
  }

  @Test
  void shouldAverageTheLast24HoursOnlyWithAtLeast20Values() {
    for (int h = 0; h < 24; h++) {
      ring.put(H0 + h, pm25(h + 1)); // 1 .. 24
    }
    // (1 + ... + 24) / 24 = 300 / 24 = 12.5
    assertThat(ring.movingMean(Pollutant.PM2_5, H0 + 23, 24, 20)).isEqualTo(12.5);
    // hour 24 has no value yet: the window 1..24 holds 23 values 2..24, mean (300 - 1) / 23 = 13
    assertThat(ring.movingMean(Pollutant.PM2_5, H0 + 24, 24, 20)).isEqualTo(13.0);
    // window ending at hour 19 (hours -4 .. 19): 20 values 1..20, mean 10.5
    assertThat(ring.movingMean(Pollutant.PM2_5, H0 + 19, 24, 20)).isEqualTo(10.5);
    // window ending at hour 18: 19 values, fewer than 20
    assertThat(ring.movingMean(Pollutant.PM2_5, H0 + 18, 24, 20)).isNaN();
    assertThat(ring.count(Pollutant.PM2_5, H0 + 18, 24)).isEqualTo(19);
  }

  @Test
  void shouldAverageEightHoursOfOzoneWithAtLeastSixValues() {
    double[] o3 = {100, 100, 100, 100, 120, 120, 120, 120};
    for (int h = 0; h < o3.length; h++) {
      ring.put(H0 + h, o3(o3[h]));
    }
    assertThat(ring.movingMean(Pollutant.O3, H0 + 7, 8, 6)).isEqualTo(110.0);
    // window ending at hour 5: hours -2 .. 5, 6 values: (4 * 100 + 2 * 120) / 6 = 106.666…
    assertThat(ring.movingMean(Pollutant.O3, H0 + 5, 8, 6)).isEqualTo(640.0 / 6);
    assertThat(ring.movingMean(Pollutant.O3, H0 + 4, 8, 6)).isNaN();
  }

  @Test
  void shouldGiveTheRealTimeMeansOfEachPollutantInOneWalk() {
    for (int h = 0; h < 24; h++) {
      double[] values = new double[RecentHours.POLLUTANTS];
      Arrays.fill(values, Double.NaN);
      values[Pollutant.PM2_5.ordinal()] = h + 1; // 1 .. 24: mean 12.5
      values[Pollutant.PM10.ordinal()] = 2 * (h + 1); // 2 .. 48: mean 25
      values[Pollutant.SO2.ordinal()] = h < 19 ? 5 + h : Double.NaN; // 19 values: fewer than 20
      values[Pollutant.O3.ordinal()] = 100 + h; // 100 … 123
      ring.put(H0 + h, values);
    }
    double[] into = {-1, -1, -1, -1, -1, -1};

    ring.realTimeMeans(H0 + 23, 20, 6, into, 1);

    // O3 over hours 16 … 23 only: (116 + … + 123) / 8 = 119.5
    assertThat(into).containsExactly(-1, 12.5, 25.0, Double.NaN, 119.5, -1);
  }

  @Test
  void shouldGiveTheSameMeansInOneWalkAsOneWindowAtATime() {
    java.util.Random random = new java.util.Random(7);
    int[] means = new int[4];
    // In Pollutant order (SO2, NO2, PM10, PM2.5, CO, O3).
    double[] level = {10, 30, 80, 40, 1, 60};
    for (int h = 0; h < 200; h++) {
      double[] values = new double[RecentHours.POLLUTANTS];
      for (int p = 0; p < values.length; p++) {
        // Gaps, repeats (stuck runs), sentinels and smooth values with many digits after the point.
        int draw = random.nextInt(40);
        values[p] =
            draw == 0
                ? Double.NaN
                : draw == 1
                    ? -999
                    : draw == 2
                        ? 42
                        : level[p] * (1.5 + Math.sin(h / 5.0) + random.nextDouble() / 10);
      }
      // An hour missing now and then; now and then a correction of one of the two hours before.
      if (random.nextInt(30) > 0) {
        ring.put(H0 + h, values);
      }
      if (random.nextInt(5) == 0) {
        values[random.nextInt(values.length)] *= 1.01;
        ring.put(H0 + h - 1 - random.nextInt(2), values);
      }
      long hour = H0 + h - random.nextInt(30);
      double[] into = new double[4];

      ring.realTimeMeans(hour, 20, 6, into, 0);

      assertThat(into)
          .containsExactly(
              ring.movingMean(Pollutant.PM2_5, hour, 24, 20),
              ring.movingMean(Pollutant.PM10, hour, 24, 20),
              ring.movingMean(Pollutant.SO2, hour, 24, 20),
              ring.movingMean(Pollutant.O3, hour, 8, 6));
      for (int i = 0; i < into.length; i++) {
        means[i] += Double.isNaN(into[i]) ? 0 : 1;
      }
    }
    assertThat(Arrays.stream(means).min().getAsInt())
        .as("windows with enough values " + Arrays.toString(means))
        .isGreaterThan(50);
  }

  @Test
  void shouldCountRevisionsPerHourFromOne() {
    ring.put(H0, pm25(80));

    assertThat(ring.nextRevision(H0)).isEqualTo(1);
    assertThat(ring.nextRevision(H0)).isEqualTo(2);
    assertThatThrownBy(() -> ring.nextRevision(H0 + 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldStartAReusedSlotFromRevisionZero() {
    ring.put(H0, pm25(80));
    ring.nextRevision(H0);

    ring.put(H0 + 96, pm25(20));

    assertThat(ring.nextRevision(H0 + 96)).isEqualTo(1);
  }

  @Test
  void shouldSurviveARoundTripThroughItsArrays() {
    ring.put(H0 + 5, pm25(42));
    ring.nextRevision(H0 + 5);

    RecentHours copy =
        RecentHours.of(ring.hours(), ring.revisions(), ring.values(), QualityRules.defaults());

    assertThat(copy.newest()).isEqualTo(H0 + 5);
    assertThat(copy.value(H0 + 5, Pollutant.PM2_5)).isEqualTo(42.0);
    assertThat(copy.nextRevision(H0 + 5)).isEqualTo(2);
  }

  @Test
  void shouldRejectAWindowLongerThanADay() {
    assertThatThrownBy(() -> ring.movingMean(Pollutant.PM2_5, H0, 25, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("25");
  }

  @Test
  void shouldLeaveASentinelOutOfTheMeansButKeepItsRawValue() {
    for (int h = 0; h < 24; h++) {
      ring.put(H0 + h, pm25(h == 5 ? 9_999 : h % 2 == 0 ? 35 : 45));
    }

    assertThat(ring.flag(H0 + 5, Pollutant.PM2_5)).isEqualTo(QualityFlag.SENTINEL);
    assertThat(ring.value(H0 + 5, Pollutant.PM2_5)).isNaN();
    assertThat(ring.rawValue(H0 + 5, Pollutant.PM2_5)).isEqualTo(9_999.0);
    // 12 hours of 35 and 11 of 45: the sentinel neither counts nor pulls the mean up
    assertThat(ring.movingMean(Pollutant.PM2_5, H0 + 23, 24, 20))
        .isEqualTo((12 * 35 + 11 * 45) / 23.0);
    assertThat(ring.count(Pollutant.PM2_5, H0 + 23, 24)).isEqualTo(23);
  }

  @Test
  void shouldFlagARunOnceItReachesTheStuckLengthAndReportTheHoursItChanged() {
    // 11 hours of 57 are not yet a stuck run (12 by default)
    for (int h = 0; h < 11; h++) {
      ring.put(H0 + h, pm25(57));
    }
    assertThat(ring.flag(H0, Pollutant.PM2_5)).isNull();

    ring.put(H0 + 11, pm25(57));

    for (int h = 0; h < 12; h++) {
      assertThat(ring.flag(H0 + h, Pollutant.PM2_5)).as("hour %d", h).isEqualTo(QualityFlag.STUCK);
    }
    assertThat(ring.firstChanged()).isEqualTo(H0);
    assertThat(ring.lastChanged()).isEqualTo(H0 + 11);
    assertThat(ring.newFlags(QualityFlag.STUCK, Pollutant.PM2_5)).isEqualTo(12);
  }

  @Test
  void shouldFlagTheSameHoursWhateverTheArrivalOrder() {
    double[] values = {40, 41, 300, 42, 43};
    RecentHours late = RecentHours.empty(QualityRules.defaults());
    for (int h = 0; h < values.length; h++) {
      ring.put(H0 + h, pm25(values[h]));
    }
    for (int h : new int[] {4, 0, 2, 3, 1}) {
      late.put(H0 + h, pm25(values[h]));
    }

    for (int h = 0; h < values.length; h++) {
      assertThat(late.flag(H0 + h, Pollutant.PM2_5)).isEqualTo(ring.flag(H0 + h, Pollutant.PM2_5));
    }
    // 300 > 4 x 43 and 300 - 43 > 100: a spike
    assertThat(ring.flag(H0 + 2, Pollutant.PM2_5)).isEqualTo(QualityFlag.SPIKE);
  }

  @Test
  void shouldReportAHourWhoseFlagALateNeighbourChanged() {
    ring.put(H0, pm25(40));
    ring.put(H0 + 1, pm25(300));

    ring.put(H0 + 2, pm25(45));

    assertThat(ring.flag(H0 + 1, Pollutant.PM2_5)).isEqualTo(QualityFlag.SPIKE);
    assertThat(ring.firstChanged()).isEqualTo(H0 + 1);
    assertThat(ring.lastChanged()).isEqualTo(H0 + 2);
  }

  @Test
  void shouldCountTheChangesOfAnHoursUsableValuesNotItsRepeats() {
    ring.put(H0, pm25(80));
    ring.put(H0, pm25(80)); // a duplicate
    assertThat(ring.changes(H0)).isEqualTo(1);

    ring.put(H0, pm25(95)); // a correction
    assertThat(ring.changes(H0)).isEqualTo(2);
    assertThat(ring.changes(H0 + 1)).as("an hour not held").isZero();
  }

  @Test
  void shouldCountAFlagThatALateNeighbourSetAsAChangeOfThatHour() {
    ring.put(H0, pm25(40));
    ring.put(H0 + 1, pm25(300));
    assertThat(ring.changes(H0 + 1)).isEqualTo(1);

    ring.put(H0 + 2, pm25(45)); // makes H0 + 1 a spike: its usable PM2.5 leaves

    assertThat(ring.changes(H0 + 1)).isEqualTo(2);
    assertThat(ring.changes(H0)).as("its value stays usable").isEqualTo(1);
  }

  @Test
  void shouldGiveTheLongestGraceThatKeepsEveryJudgementInTheRing() {
    // 96 hours - the 24-hour window - twice a 12-hour stuck run
    assertThat(RecentHours.maxGraceHours(12)).isEqualTo(48);
  }

  @Test
  void shouldKeepTheFlagsAFullJudgementGivesWhileJudgingOnlyAroundEachPut() {
    // runs, spikes and sentinels in shuffled order: the flags kept put by put must equal those of
    // judging the final ring from scratch
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    java.util.List<Integer> order = new java.util.ArrayList<>();
    for (int h = 0; h < 90; h++) {
      order.add(h);
    }
    java.util.Collections.shuffle(order, new java.util.Random(7));
    double[] series = new double[90];
    for (int h = 0; h < 90; h++) {
      series[h] =
          h >= 20 && h < 34 ? 57 : h % 17 == 0 ? 400 : h == 50 ? -999 : 30 + random.nextInt(20);
    }
    for (int h : order) {
      ring.put(H0 + h, pm25(series[h]));
    }

    RecentHours judgedAgain =
        RecentHours.of(ring.hours(), ring.revisions(), ring.values(), QualityRules.defaults());

    assertThat(ring.flags()).containsExactly(judgedAgain.flags());
    assertThat(ring.flag(H0 + 20, Pollutant.PM2_5)).isEqualTo(QualityFlag.STUCK);
    assertThat(ring.flag(H0 + 50, Pollutant.PM2_5)).isEqualTo(QualityFlag.SENTINEL);
  }
}
