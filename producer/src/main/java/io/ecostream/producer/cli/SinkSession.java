package io.ecostream.producer.cli;

import io.ecostream.producer.kafka.KafkaReadingSink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a source of readings (the simulator, a replay) into a Kafka sink so that Ctrl-C stops the
 * source cleanly and the sink is always flushed and closed, waiting long only while it is healthy.
 */
final class SinkSession {

  /** How long a Ctrl-C waits for the producer to flush and close. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

  /** After a failure the remaining records cannot be delivered either: do not wait long. */
  private static final Duration FAILED_CLOSE = Duration.ofSeconds(5);

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
   */
  static <R, T> T run(
      KafkaReadingSink sink,
      SimulateCommand.ShutdownHooks hooks,
      Clock clock,
      String name,
      Runnable stop,
      Source<R> source,
      Function<Outcome<R>, T> finish) {
    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC =
        new Thread(
            () -> {
              stop.run();
              awaitQuietly(finished, SHUTDOWN_GRACE);
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
      try {
        boolean healthy = failure == null && sink.firstError().isEmpty();
        sink.close(healthy ? SHUTDOWN_GRACE : FAILED_CLOSE);
      } catch (RuntimeException e) {
        failure = failure != null ? failure : e.getMessage();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (failure == null && sink.firstError().isPresent()) {
        failure = sink.firstError().get().getMessage();
      }
      return finish.apply(new Outcome<>(result, failure, Duration.between(wallStart, clock.instant())));
    } finally {
      finished.countDown();
      hooks.remove(onCtrlC);
    }
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
