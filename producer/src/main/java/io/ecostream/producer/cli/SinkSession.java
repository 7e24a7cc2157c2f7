package io.ecostream.producer.cli;

import io.ecostream.producer.kafka.KafkaReadingSink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Runs a source of readings (the simulator, a replay) into a Kafka sink so that Ctrl-C stops the
 * source cleanly and the sink is always flushed and closed, waiting long only while it is healthy.
 *
 * <p>Ctrl-C ends the run within {@link #STOP_WAIT} plus {@link #FORCED_STOP_WAIT}, even when the
 * source is blocked in a send (waiting for metadata or buffer space of a lost broker) or in a
 * flush: then the hook closes the producer at once, which fails the blocked call, and the summary
 * follows.
 */
final class SinkSession {

  /** How long the sink may take to flush and close at the end of a healthy run. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

  /** After a failure the remaining records cannot be delivered either: do not wait long. */
  private static final Duration FAILED_CLOSE = Duration.ofSeconds(5);

  /**
   * Ctrl-C: how long the source has to stop and the sink to flush before the producer is closed
   * hard.
   */
  static final Duration STOP_WAIT = Duration.ofMillis(2500);

  /** Ctrl-C: how long the summary may take once the producer is closed; all within 5 s. */
  static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(1);

  /** Ctrl-C: the flush of what was sent before the stop, within {@link #STOP_WAIT}. */
  private static final Duration STOPPED_CLOSE = Duration.ofSeconds(2);

  private SinkSession() {}

  /** What a source returns; may read files. */
  @FunctionalInterface
  interface Source<R> {
    R run() throws IOException;
  }

  /**
   * @param result what the source returned, or null when it failed
   * @param failure why it failed (the source, or the first failed send), or null
   * @param elapsed wall time from the start to the sink closed
   */
  record Outcome<R>(R result, String failure, Duration elapsed) {}

  /**
   * @param stop stops the source; called from the Ctrl-C hook
   * @param finish turns the outcome into the command's result (e.g. prints a summary); runs before
   *     a Ctrl-C may let the JVM exit
   * @param address the cluster's bootstrap servers, for the message of a failure
   */
  static <R, T> T run(
      KafkaReadingSink sink,
      String address,
      SimulateCommand.ShutdownHooks hooks,
      Clock clock,
      String name,
      Runnable stop,
      Source<R> source,
      Function<Outcome<R>, T> finish) {
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    AtomicBoolean closing = new AtomicBoolean();
    Thread onCtrlC =
        new Thread(
            () -> {
              stopping.set(true);
              stop.run();
              if (!awaitQuietly(finished, STOP_WAIT) && !closing.get()) {
                sink.close(Duration.ZERO);
                awaitQuietly(finished, FORCED_STOP_WAIT);
              }
            },
            name + "-shutdown");
    hooks.add(onCtrlC);
    Instant wallStart = clock.instant();
    R result = null;
    String failure = null;
    try {
      result = source.run();
    } catch (IOException e) {
      failure = "cannot read " + e.getMessage();
    } catch (RuntimeException e) {
      failure = e.getMessage();
    } finally {
      // Closing flushes; an interrupt flag left by an interrupted run would abort it.
      boolean interrupted = Thread.interrupted();
      closing.set(true);
      try {
        boolean healthy = failure == null && sink.firstError().isEmpty();
        sink.close(stopping.get() ? STOPPED_CLOSE : healthy ? SHUTDOWN_GRACE : FAILED_CLOSE);
      } catch (RuntimeException e) {
        failure = failure != null ? failure : e.getMessage();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (stopping.get() && (failure != null || sink.firstError().isPresent())) {
        failure =
            "stopped before Kafka at "
                + address
                + " had taken every record ("
                + sink.firstError().map(Exception::getMessage).orElse(failure)
                + ")";
      } else if (sink.firstError().isPresent()) {
        // The first failed send says why; what the source threw after it only repeats it.
        Exception error = sink.firstError().get();
        failure =
            "sending to Kafka at "
                + address
                + " failed: "
                + error.getMessage()
                + (error instanceof TimeoutException
                    ? " (no answer in time: check that the broker runs, or raise --kafka-timeout)"
                    : "");
      }
      return finish.apply(
          new Outcome<>(result, failure, Duration.between(wallStart, clock.instant())));
    } finally {
      finished.countDown();
      hooks.remove(onCtrlC);
    }
  }

  /**
   * @return whether the latch opened in time
   */
  private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
