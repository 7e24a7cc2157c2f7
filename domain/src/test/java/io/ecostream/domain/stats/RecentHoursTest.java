package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.domain.air.Pollutant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecentHoursTest {

  /** An arbitrary hour since the epoch: 2024-01-15 00:00 UTC. */
  private static final long H0 = 473_352L;

  private final RecentHours ring = RecentHours.empty();

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
  void shouldHoldTheLast48HoursAndRefuseOlderOnes() {
    ring.put(H0 + 100, pm25(10));

    assertThat(ring.put(H0 + 100 - 47, pm25(20))).isEqualTo(RecentHours.Put.NEW);
    assertThat(ring.put(H0 + 100 - 48, pm25(30))).isEqualTo(RecentHours.Put.TOO_OLD);
    assertThat(ring.holds(H0 + 100 - 48)).isFalse();
  }

  @Test
  void shouldForgetAnHourOnceTheNewestIsTwoDaysAhead() {
    ring.put(H0, pm25(10));

    ring.put(H0 + 48, pm25(20)); // same slot as H0

    assertThat(ring.holds(H0)).isFalse();
    assertThat(ring.value(H0, Pollutant.PM2_5)).isNaN();
    assertThat(ring.value(H0 + 48, Pollutant.PM2_5)).isEqualTo(20.0);
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

    ring.put(H0 + 48, pm25(20));

    assertThat(ring.nextRevision(H0 + 48)).isEqualTo(1);
  }

  @Test
  void shouldSurviveARoundTripThroughItsArrays() {
    ring.put(H0 + 5, pm25(42));
    ring.nextRevision(H0 + 5);

    RecentHours copy = RecentHours.of(ring.hours(), ring.revisions(), ring.values());

    assertThat(copy.newest()).isEqualTo(H0 + 5);
    assertThat(copy.value(H0 + 5, Pollutant.PM2_5)).isEqualTo(42.0);
    assertThat(copy.nextRevision(H0 + 5)).isEqualTo(2);
  }

  @Test
  void shouldRejectAWindowLongerThanHalfTheRing() {
    assertThatThrownBy(() -> ring.movingMean(Pollutant.PM2_5, H0, 25, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("25");
  }
}
