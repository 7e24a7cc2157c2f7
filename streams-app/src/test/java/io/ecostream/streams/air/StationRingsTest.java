package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityFlag;
import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.streams.state.WriteAtCommitStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stations' rings written through to a store in six-hour chunks, and read back. */
class StationRingsTest {

  /** 2024-01-15 00:00 UTC in hours since the epoch: the first hour of a chunk. */
  private static final long H0 = 473_352L;

  private final QualityRules rules = QualityRules.defaults();
  private WriteAtCommitStore<byte[]> store;

  @BeforeEach
  void openStore() {
    store =
        WriteAtCommitStore.builder(Stores.inMemoryKeyValueStore("chunks"), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
  }

  private static double[] pm25(double value) {
    double[] values = new double[RecentHours.POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    values[Pollutant.PM2_5.ordinal()] = value;
    return values;
  }

  /** Puts the hour and writes what it changed, as the city task does. */
  private static void put(StationRings rings, StationRings.Live live, long hour, double pm25) {
    RecentHours ring = live.ring();
    ring.put(hour, pm25(pm25));
    ring.nextRevision(hour);
    rings.write(live, ring.firstChanged(), ring.lastChanged());
  }

  private static List<String> with(List<String> keys, String key) {
    List<String> all = new ArrayList<>(keys);
    all.add(key);
    return all;
  }

  /** The keys after a commit: the store holds what the last commit wrote. */
  private List<String> keys() {
    store.flushCache();
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      all.forEachRemaining((KeyValue<String, byte[]> entry) -> keys.add(entry.key));
    }
    return keys;
  }

  @Test
  void shouldReadBackTheValuesFlagsRevisionsAndChangeCountsItWrote() {
    StationRings rings = new StationRings(store, rules);
    StationRings.Live live = rings.get("BZ-A01", () -> RecentHours.NO_HOUR);
    RecentHours ring = live.ring();
    for (int h = 0; h < 30; h++) {
      put(rings, live, H0 + h, h == 10 ? 9_999 : 40 + h % 3);
    }
    put(rings, live, H0 + 3, 55); // a correction: a second revision and change
    store.flushCache(); // the commit writes the chunks

    RecentHours read = new StationRings(store, rules).get("BZ-A01", () -> H0 + 29).ring();

    for (long h = H0; h < H0 + 30; h++) {
      assertThat(read.holds(h)).as("hour %d", h - H0).isTrue();
      assertThat(read.rawValue(h, Pollutant.PM2_5)).isEqualTo(ring.rawValue(h, Pollutant.PM2_5));
      assertThat(read.revision(h)).isEqualTo(ring.revision(h));
      assertThat(read.changes(h)).isEqualTo(ring.changes(h));
    }
    assertThat(read.flag(H0 + 10, Pollutant.PM2_5)).isEqualTo(QualityFlag.SENTINEL);
    assertThat(read.rawValue(H0 + 3, Pollutant.PM2_5)).isEqualTo(55.0);
    assertThat(read.revision(H0 + 3)).isEqualTo(2);
    assertThat(read.changes(H0 + 3)).isEqualTo(2);
    // 30 hours from the start of a chunk: five chunks of six hours; H0 / 6 = 78 892 = 4 640 × 17 +
    // 12
    assertThat(keys())
        .containsExactlyInAnyOrder("BZ-A01@12", "BZ-A01@13", "BZ-A01@14", "BZ-A01@15", "BZ-A01@16");
  }

  @ParameterizedTest(name = "a commit every {0} hours")
  @ValueSource(ints = {1, 5, 6, 1000})
  void shouldKeepSeventeenSlotsAndReadBackOnlyTheRingsHours(int hoursPerCommit) {
    StationRings rings = new StationRings(store, rules);
    StationRings.Live live = rings.get("BZ-A01", () -> RecentHours.NO_HOUR);
    for (int h = 0; h < 10 * 24; h++) {
      put(rings, live, H0 + h, 40 + h % 7);
      if ((h + 1) % hoursPerCommit == 0) {
        store.flushCache();
      }
    }

    // 40 chunks went through 17 slots. The ring's 16 chunks, 78 916 … 78 931, hold every slot but
    // that of the chunk before them, 78 915 = 4 642 × 17 + 1; slot 1 holds an older chunk, or none
    // when no commit came while the ring still reached one.
    List<String> ringSlots = new ArrayList<>();
    for (int slot = 0; slot < 17; slot++) {
      if (slot != 1) {
        ringSlots.add("BZ-A01@" + slot);
      }
    }
    assertThat(keys()).containsAll(ringSlots).isSubsetOf(with(ringSlots, "BZ-A01@1"));
    // the newest hour is H0 + 239: the ring's 96 hours are H0 + 144 … H0 + 239
    RecentHours read = new StationRings(store, rules).get("BZ-A01", () -> H0 + 239).ring();
    for (long h = H0 + 144; h <= H0 + 239; h++) {
      assertThat(read.rawValue(h, Pollutant.PM2_5))
          .as("hour %d", h - H0)
          .isEqualTo(40 + (h - H0) % 7);
    }
    assertThat(read.holds(H0 + 143)).isFalse();
  }

  @Test
  void shouldNotReadTheHoursOfAChunkThatANewerOneHasNotYetReplaced() {
    StationRings rings = new StationRings(store, rules);
    StationRings.Live live = rings.get("BZ-A01", () -> RecentHours.NO_HOUR);
    for (int h = 0; h < 30; h++) {
      put(rings, live, H0 + h, 50);
    }
    store.flushCache();
    // 170 hours later the ring holds that one hour; the slots of the first five chunks are stale
    put(rings, live, H0 + 200, 80);
    store.flushCache();

    RecentHours read = new StationRings(store, rules).get("BZ-A01", () -> H0 + 200).ring();

    assertThat(read.holds(H0 + 200)).isTrue();
    assertThat(read.rawValue(H0 + 200, Pollutant.PM2_5)).isEqualTo(80.0);
    for (long h = H0 + 105; h < H0 + 200; h++) {
      assertThat(read.holds(h)).as("hour %d", h - H0).isFalse();
    }
  }
}
