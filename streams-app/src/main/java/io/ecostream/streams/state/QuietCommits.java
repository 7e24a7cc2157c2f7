package io.ecostream.streams.state;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Asks Kafka Streams to commit a task soon after its input goes quiet, instead of at the end of the
 * commit interval.
 *
 * <p>Under exactly-once a figure is visible to its readers only once the transaction that wrote it
 * commits. With the commit interval at a second, a live reading waited up to a second for its
 * figures although the stream thread had nothing else to do. A commit costs the thread some
 * milliseconds (the producer's flush, the stores' writes, the transaction), too much to pay every
 * tenth of a second in a replay that keeps the thread busy, and nothing worth counting when the
 * thread is idle anyway. So every {@link #CHECK_PERIOD} the task looks at how many records it
 * processed in that period: fewer than {@link #QUIET_RECORDS}, and any of them since its last
 * request, and it asks for a commit. A replay, far above that rate, commits at the interval as
 * before.
 *
 * <p>Outputs do not depend on when commits happen: a commit changes what is visible when, never
 * what is computed.
 */
public final class QuietCommits {

  /** How often the task looks at its recent input; the most a quiet input waits for its commit. */
  public static final Duration CHECK_PERIOD = Duration.ofMillis(100);

  /**
   * The most records a task may process in one {@link #CHECK_PERIOD} for its input to count as
   * quiet: 5 000 a second. A commit every period then takes a small part of a thread that has time
   * to spare (the bench's latency phase at 12 000 readings a second over three tasks: p50 from 650
   * to 120-190 ms), while a replay, many times faster, keeps the interval. A live network sends a
   * reading per station and hour, about one a second for the national network's 1 700 stations.
   */
  public static final int QUIET_RECORDS = 500;

  private int processedInPeriod;
  private boolean processedSinceRequest;

  /** Schedules the task's checks; call from the processor's {@code init}. */
  public void schedule(ProcessorContext<?, ?> context) {
    context.schedule(CHECK_PERIOD, PunctuationType.WALL_CLOCK_TIME, now -> check(context::commit));
  }

  /** Counts one record processed by the task. */
  public void processed() {
    processedInPeriod++;
    processedSinceRequest = true;
  }

  /** The check at the end of a period: {@code commit} is called when the input went quiet. */
  void check(Runnable commit) {
    if (processedSinceRequest && processedInPeriod < QUIET_RECORDS) {
      commit.run();
      processedSinceRequest = false;
    }
    processedInPeriod = 0;
  }
}
