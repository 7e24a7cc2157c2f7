package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityFlag;
import io.ecostream.domain.quality.QualityRules;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every put leaves {@link RecentHours} in exactly the state that the ring before it judged values
 * in place ({@link RecentHoursReference}) is left in: its answer, the hours it reports changed, the
 * flags it counts, and every stored array, stale slots included. Random puts of a few levels make
 * stuck runs, spikes, sentinels and gaps frequent; some come late, correct or repeat an hour, or
 * are too old. Now and then both rings are restored from their arrays, or a stored flag is
 * overwritten in both, as a store written under other rules would hold it: a put must then judge
 * again exactly the hours the reference judges.
 */
class RecentHoursEquivalenceTest {

  private static final double[] LEVELS = {
    12, 12, 12, 25, 40, 40, 40, 60, 300, 450, 9_999, -999, -1, 0.5, Double.NaN
  };
  private static final int PUTS = 10_000;

  @ParameterizedTest(name = "stuck hours {0}, seed {1}")
  @CsvSource({
    "12, 1",
    "12, 2",
    "12, 2026",
    "0, 3",
    "2, 4",
    "3, 5",
    "24, 6",
    "24, 7",
    "24, 8",
    "24, 9"
  })
  void shouldLeaveTheSameStateAsTheReferenceAfterEveryPut(int stuckHours, long seed) {
    QualityRules rules = QualityRules.defaults().withStuckHours(stuckHours);
    Random random = new Random(seed);
    RecentHours ring = RecentHours.empty(rules);
    RecentHoursReference reference = RecentHoursReference.empty(rules);
    long hour = 480_000;
    double[] values = new double[RecentHours.POLLUTANTS];
    for (int i = 0; i < PUTS; i++) {
      long target = hour;
      int kind = random.nextInt(20);
      if (kind < 12) {
        hour += random.nextInt(12) == 0 ? 1 + random.nextInt(5) : 1; // the next hour, or a gap
        target = hour;
      } else if (kind < 17) {
        target = hour - random.nextInt(40); // late, or a correction
      } else if (kind < 19) {
        target = hour - random.nextInt(RecentHours.CAPACITY + 4); // as old as the ring, or older
      } else if (ring.newest() != RecentHours.NO_HOUR) {
        hour += 1 + random.nextInt(RecentHours.CAPACITY + 10); // far ahead: most slots go stale
        target = hour;
      }
      values = draw(random, values);
      RecentHours.Put put = ring.put(target, values.clone());
      RecentHoursReference.Put expected = reference.put(target, values.clone());
      assertThat(put.name()).as("put %d of hour %d", i, target).isEqualTo(expected.name());
      assertSameState(ring, reference, i);
      if (random.nextInt(200) == 0) {
        boolean withFlags = random.nextBoolean();
        ring =
            RecentHours.of(
                ring.hours().clone(),
                ring.revisions().clone(),
                ring.changes().clone(),
                ring.values().clone(),
                withFlags ? ring.flags().clone() : null,
                rules);
        reference =
            RecentHoursReference.of(
                reference.hours().clone(),
                reference.revisions().clone(),
                reference.changes().clone(),
                reference.values().clone(),
                withFlags ? reference.flags().clone() : null,
                rules);
        assertSameState(ring, reference, i);
      }
      if (random.nextInt(50) == 0) {
        int index = random.nextInt(ring.flags().length);
        byte code = (byte) random.nextInt(QualityFlag.values().length + 1);
        ring.flags()[index] = code;
        reference.flags()[index] = code;
      }
    }
  }

  /** Mostly the values drawn before, so that runs reach even the longest stuck length. */
  private static double[] draw(Random random, double[] before) {
    if (random.nextInt(8) != 0) {
      double[] values = before.clone();
      if (random.nextInt(3) == 0) {
        values[random.nextInt(values.length)] = LEVELS[random.nextInt(LEVELS.length)];
      }
      return values;
    }
    double[] values = new double[RecentHours.POLLUTANTS];
    double level = LEVELS[random.nextInt(LEVELS.length)];
    for (int p = 0; p < values.length; p++) {
      values[p] = random.nextInt(4) == 0 ? LEVELS[random.nextInt(LEVELS.length)] : level;
    }
    return values;
  }

  private static void assertSameState(RecentHours ring, RecentHoursReference reference, int put) {
    String at = "after put " + put;
    assertThat(ring.newest()).as(at).isEqualTo(reference.newest());
    assertThat(ring.firstChanged()).as(at).isEqualTo(reference.firstChanged());
    assertThat(ring.lastChanged()).as(at).isEqualTo(reference.lastChanged());
    for (QualityFlag flag : QualityFlag.values()) {
      for (Pollutant pollutant : Pollutant.values()) {
        if (ring.newFlags(flag, pollutant) != reference.newFlags(flag, pollutant)) {
          assertThat(ring.newFlags(flag, pollutant))
              .as("%s new %s flags of %s", at, flag, pollutant)
              .isEqualTo(reference.newFlags(flag, pollutant));
        }
      }
    }
    // Compared as a whole first: an assertion per put over arrays of 576 is slow.
    if (!Arrays.equals(ring.hours(), reference.hours())
        || !Arrays.equals(ring.revisions(), reference.revisions())
        || !Arrays.equals(ring.changes(), reference.changes())
        || !Arrays.equals(ring.values(), reference.values())
        || !Arrays.equals(ring.flags(), reference.flags())) {
      assertThat(ring.hours()).as(at).containsExactly(reference.hours());
      assertThat(ring.revisions()).as(at).containsExactly(reference.revisions());
      assertThat(ring.changes()).as(at).containsExactly(reference.changes());
      assertThat(ring.values()).as(at).containsExactly(reference.values());
      assertThat(ring.flags()).as(at).containsExactly(reference.flags());
    }
  }
}
