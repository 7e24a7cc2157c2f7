package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityRules;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flags a ring keeps up to date hour by hour, judging again only the hours a put can change,
 * equal the flags of the same hours judged from scratch over the whole ring. The values are drawn
 * from a few levels so that stuck runs, spikes, sentinels and gaps are frequent, and a few readings
 * come late or correct an earlier hour.
 */
class RecentHoursIncrementalTest {

  private static final double[] LEVELS = {12, 12, 12, 40, 40, 300, 9_999, -1, Double.NaN};
  private static final int HOURS = 2_000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void shouldFlagLikeAJudgementFromScratch(long seed) {
    QualityRules rules = QualityRules.defaults();
    Random random = new Random(seed);
    RecentHours ring = RecentHours.empty(rules);
    long start = 480_000;
    for (int i = 0; i < HOURS; i++) {
      long hour = start + i;
      if (random.nextInt(10) == 0) {
        continue; // a gap
      }
      ring.put(hour, draw(random));
      if (random.nextInt(8) == 0) {
        long earlier = hour - 1 - random.nextInt(20);
        ring.put(earlier, draw(random)); // late or corrected
      }
      if (i % 97 == 0) {
        assertSameFlags(ring, rules);
      }
    }
    assertSameFlags(ring, rules);
  }

  private static double[] draw(Random random) {
    double[] values = new double[RecentHours.POLLUTANTS];
    double level = LEVELS[random.nextInt(LEVELS.length)];
    for (int p = 0; p < values.length; p++) {
      // Mostly one level for all pollutants, so that runs are long; sometimes one of its own.
      values[p] = random.nextInt(4) == 0 ? LEVELS[random.nextInt(LEVELS.length)] : level;
    }
    return values;
  }

  /** Judged from scratch: the ring rebuilt from its raw values, without flags. */
  private static void assertSameFlags(RecentHours ring, QualityRules rules) {
    long newest = ring.newest();
    long[] hours = new long[RecentHours.CAPACITY];
    Arrays.fill(hours, RecentHours.NO_HOUR);
    double[] values = new double[RecentHours.CAPACITY * RecentHours.POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    for (long hour = newest - RecentHours.CAPACITY + 1; hour <= newest; hour++) {
      if (!ring.holds(hour)) {
        continue;
      }
      int slot = (int) Math.floorMod(hour, (long) RecentHours.CAPACITY);
      hours[slot] = hour;
      for (Pollutant pollutant : Pollutant.values()) {
        values[slot * RecentHours.POLLUTANTS + pollutant.ordinal()] =
            ring.rawValue(hour, pollutant);
      }
    }
    RecentHours fresh = RecentHours.of(hours, new long[RecentHours.CAPACITY], values, rules);
    // The oldest hours were judged when older ones, gone now, were their context: compare the
    // hours whose whole context is still in the ring.
    long reach = 2L * rules.stuckHours() + 2;
    for (long hour = newest - RecentHours.CAPACITY + 1 + reach; hour <= newest; hour++) {
      for (Pollutant pollutant : Pollutant.values()) {
        assertThat(ring.flag(hour, pollutant))
            .as("hour %d %s", hour - newest, pollutant)
            .isEqualTo(fresh.flag(hour, pollutant));
      }
    }
  }
}
