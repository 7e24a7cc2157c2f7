package io.ecostream.streams.state;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * What the application restored from its changelogs, for the operator: a restart after a crash
 * costs the changelog records after what the stores last wrote to disk, and a store that resumes
 * from its own offset (a restoration that does not start at the changelog's first offset) shows
 * that it kept its local state. Counts in {@code ecostream.state.restored.records} and sums up each
 * round of restoration in one line ({@link #takeSummary()}).
 */
public final class StateRestores implements StateRestoreListener {

  private final Counter restoredRecords;
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong resumed = new AtomicLong();
  private final AtomicLong fromStart = new AtomicLong();
  private final AtomicLong upToDate = new AtomicLong();

  public StateRestores(MeterRegistry registry) {
    this.restoredRecords =
        Counter.builder("ecostream.state.restored.records")
            .description("Changelog records restored into the local state stores")
            .register(registry);
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    // A changelog is compacted, never truncated at its start: only a store that kept its state
    // and its offset starts after the first record.
    if (startingOffset >= endingOffset) {
      upToDate.incrementAndGet();
    } else if (startingOffset > 0) {
      resumed.incrementAndGet();
    } else {
      fromStart.incrementAndGet();
    }
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    records.addAndGet(numRestored);
    restoredRecords.increment(numRestored);
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {}

  /**
   * The restoration since the last summary, in one line, or empty when nothing was restored; and
   * starts the next round.
   */
  public String takeSummary() {
    long restored = records.getAndSet(0);
    long fromOwnOffset = resumed.getAndSet(0);
    long fromFirst = fromStart.getAndSet(0);
    long current = upToDate.getAndSet(0);
    if (fromOwnOffset + fromFirst == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "state restored: %,d changelog records; store partitions: %d resumed from the offset their"
            + " store kept, %d restored from the changelog's start, %d up to date",
        restored,
        fromOwnOffset,
        fromFirst,
        current);
  }
}
