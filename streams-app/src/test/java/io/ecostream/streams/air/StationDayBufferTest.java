package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.domain.stats.StationDay;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A buffer kept from one figure to the next holds what a buffer filled from scratch would: the
 * day's usable values, whether the ring holds any of its hours, and the sum of their changes.
 * Readings are drawn from a few levels, so that quality control flags and unflags neighbours (stuck
 * runs, spikes) as hours arrive, late, corrected or twice, and the ring moves past days.
 */
class StationDayBufferTest {

  private static final double[] LEVELS = {12, 12, 12, 40, 40, 300, 9_999, Double.NaN};
  private static final long START = 480_000; // a multiple of 24: hour 0 of a UTC day

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void shouldHoldWhatAFillFromScratchHolds(long seed) {
    Random random = new Random(seed);
    RecentHours ring = RecentHours.empty(QualityRules.defaults());
    StationDayBuffer kept = new StationDayBuffer();
    int compared = 0;
    for (int i = 0; i < 3_000; i++) {
      long hour = START + i;
      if (random.nextInt(10) != 0) {
        ring.put(hour, draw(random));
      }
      if (random.nextInt(6) == 0) {
        ring.put(hour - 1 - random.nextInt(30), draw(random)); // late, corrected or repeated
      }
      // Mostly the day of the newest hour, sometimes the day before or one the ring has left.
      int daysBack = random.nextInt(8) == 0 ? 1 + random.nextInt(5) : 0;
      long first = Math.floorDiv(hour, 24) * 24 - 24L * daysBack;
      kept.fill(ring, first, new int[StationDay.HOURS]);
      StationDayBuffer fresh = new StationDayBuffer();
      fresh.fill(ring, first, new int[StationDay.HOURS]);

      assertThat(kept.day().values())
          .as("hour %d, day from %d", hour, first)
          .isEqualTo(fresh.day().values());
      assertThat(kept.day().values()).isEqualTo(fromRing(ring, first));
      assertThat(kept.holdsAny()).isEqualTo(fresh.holdsAny());
      assertThat(kept.revision()).isEqualTo(fresh.revision()).isEqualTo(changes(ring, first));
      compared++;
    }
    assertThat(compared).isEqualTo(3_000);
  }

  private static double[] draw(Random random) {
    double[] values = new double[RecentHours.POLLUTANTS];
    double level = LEVELS[random.nextInt(LEVELS.length)];
    for (int p = 0; p < values.length; p++) {
      values[p] = random.nextInt(4) == 0 ? LEVELS[random.nextInt(LEVELS.length)] : level;
    }
    return values;
  }

  /** The day read from the ring value by value, as the figure did before the buffer. */
  private static double[] fromRing(RecentHours ring, long first) {
    double[] day = StationDay.empty();
    for (int slot = 0; slot < StationDay.HOURS; slot++) {
      for (Pollutant pollutant : Pollutant.values()) {
        day[StationDay.index(pollutant, slot)] = ring.value(first + slot, pollutant);
      }
    }
    return day;
  }

  private static long changes(RecentHours ring, long first) {
    long sum = 0;
    for (int slot = 0; slot < StationDay.HOURS; slot++) {
      sum += ring.changes(first + slot);
    }
    return sum;
  }
}
