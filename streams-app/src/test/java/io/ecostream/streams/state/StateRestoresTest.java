package io.ecostream.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StateRestoresTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StateRestores restores = new StateRestores(registry);

  private static TopicPartition changelog(int partition) {
    return new TopicPartition("app-air-station-hours-store-changelog", partition);
  }

  @Test
  void shouldTellStoresThatResumedFromTheirOwnOffsetFromStoresRestoredFromTheStart() {
    // Partition 0 kept its state up to offset 2431 of 4589; partition 1 lost it; partition 2 is
    // current.
    restores.onRestoreStart(changelog(0), "air-station-hours-store", 2431, 4589);
    restores.onBatchRestored(changelog(0), "air-station-hours-store", 3000, 500);
    restores.onBatchRestored(changelog(0), "air-station-hours-store", 4589, 1658);
    restores.onRestoreEnd(changelog(0), "air-station-hours-store", 2158);
    restores.onRestoreStart(changelog(1), "air-station-hours-store", 0, 2200);
    restores.onBatchRestored(changelog(1), "air-station-hours-store", 2200, 2200);
    restores.onRestoreEnd(changelog(1), "air-station-hours-store", 2200);
    restores.onRestoreStart(changelog(2), "air-station-hours-store", 977, 977);
    restores.onRestoreEnd(changelog(2), "air-station-hours-store", 0);

    assertThat(restores.takeSummary())
        .isEqualTo(
            "state restored: 4,358 changelog records; store partitions: 1 resumed from the offset"
                + " their store kept, 1 restored from the changelog's start, 1 up to date");
    assertThat(registry.get("ecostream.state.restored.records").counter().count())
        .isEqualTo(4_358.0);
  }

  @Test
  void shouldSayNothingWhenEveryStoreWasUpToDateAndStartTheNextRoundFromZero() {
    restores.onRestoreStart(changelog(0), "air-station-hours-store", 0, 10);
    restores.onBatchRestored(changelog(0), "air-station-hours-store", 10, 10);
    assertThat(restores.takeSummary()).startsWith("state restored: 10 changelog records;");

    restores.onRestoreStart(changelog(0), "air-station-hours-store", 10, 10);
    restores.onRestoreStart(changelog(1), "air-station-hours-store", 0, 0);

    assertThat(restores.takeSummary()).isEmpty();
    assertThat(registry.get("ecostream.state.restored.records").counter().count()).isEqualTo(10.0);
  }
}
