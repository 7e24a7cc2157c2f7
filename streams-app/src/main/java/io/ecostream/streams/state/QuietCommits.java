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
 * thread is idle anyway. So every {@link #CHECK_PERIOD} the task looks at how many records its
 * stream thread processed in that period, for all of its tasks: fewer than {@link #QUIET_RECORDS},
 * and any of the task's own since its last request, and it asks for a commit. A replay, far above
 * that rate, commits at the interval as before.
 *
 * <p>The thread's records, not the task's: a replay at full speed keeps the thread busy, but one
 * task's partition goes without records for a period now and then while the consumer fetches and
 * the thread works through the other tasks. Counted per task, each such pause asked for a commit,
 * and a replay committed about three times as often as the interval asks (412 task commits in one
 * bench run against 150 with the interval alone). And a period in which a commit was asked for is
 * no sign of a quiet input: the commit held the thread for part of it, so it counts few records
 * however fast they come, and taken as quiet it would ask for the next commit, and so on.
 *
 * <p>Outputs do not depend on when commits happen: a commit changes what is visible when, never
 * what is computed.
 */
public final class QuietCommits {

  /**
   * How often the task looks at its recent input; a quiet input waits for its commit two of them at
   * most (a period that asked for a commit is not judged).
   */
  public static final Duration CHECK_PERIOD = Duration.ofMillis(100);

  /**
   * The most records a stream thread may process in one {@link #CHECK_PERIOD}, all its tasks
   * together, for its input to count as quiet: 15 000 a second. A commit every period then takes a
   * small part of a thread that has time to spare (the bench's latency phase at 12 000 readings a
   * second over three tasks: p50 from 650 to 120-190 ms), while a replay, many times faster, keeps
   * the interval. A live network sends a reading per station and hour, about one a second for the
   * national network's 1 700 stations.
   */
  public static final int QUIET_RECORDS = 1_500;

  private static final int RECORDS = 0;
  private static final int REQUESTS = 1;

  /**
   * Per stream thread, counted by all of its tasks: the records they processed and the commits they
   * asked for.
   */
  private static final ThreadLocal<long[]> THREAD_COUNTS =
      ThreadLocal.withInitial(() -> new long[2]);

  /** The thread the task last ran on, and its counts: tasks move between threads on a rebalance. */
  private Thread thread;

  private long[] threadCounts;
  private long recordsAtCheck;
  private long requestsAtCheck;
  private boolean processedSinceRequest;

  /** Schedules the task's checks; call from the processor's {@code init}. */
  public void schedule(ProcessorContext<?, ?> context) {
    context.schedule(CHECK_PERIOD, PunctuationType.WALL_CLOCK_TIME, now -> check(context::commit));
  }

  /** Counts one record processed by the task. */
  public void processed() {
    onThisThread();
    threadCounts[RECORDS]++;
    processedSinceRequest = true;
  }

  /** The check at the end of a period: {@code commit} is called when the input went quiet. */
  void check(Runnable commit) {
    onThisThread();
    long records = threadCounts[RECORDS] - recordsAtCheck;
    long requestsBefore = threadCounts[REQUESTS];
    boolean heldACommit = requestsBefore != requestsAtCheck;
    if (processedSinceRequest && !heldACommit && records < QUIET_RECORDS) {
      commit.run();
      processedSinceRequest = false;
      threadCounts[REQUESTS]++;
    }
    recordsAtCheck = threadCounts[RECORDS];
    requestsAtCheck = requestsBefore;
  }

  private void onThisThread() {
    Thread current = Thread.currentThread();
    if (current != thread) {
      thread = current;
      threadCounts = THREAD_COUNTS.get();
      recordsAtCheck = threadCounts[RECORDS];
      requestsAtCheck = threadCounts[REQUESTS];
    }
  }
}
