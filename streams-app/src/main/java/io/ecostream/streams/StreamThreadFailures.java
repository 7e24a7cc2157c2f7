package io.ecostream.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.TaskMigratedException;

/**
 * What to do when an error ends a stream thread. Kafka Streams retries a broker outage inside the
 * thread for {@code task.timeout.ms} (5 min) and recovers from fencing and sequence errors by
 * itself; what still escapes from those is the cluster being away for longer, which a new thread
 * survives once it is back. So: a new thread for such an error, a few times per window; anything
 * else (a bug, or a record that would kill the new thread as well) stops the client, and {@code
 * run} exits non-zero.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

  static final int MAX_REPLACEMENTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(30);

  private final Clock clock;
  private final Consumer<String> log;
  private final Deque<Instant> replacements = new ArrayDeque<>();
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();

  StreamThreadFailures(Clock clock, Consumer<String> log) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
    Instant now = clock.instant();
    while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(WINDOW))) {
      replacements.removeFirst();
    }
    if (isTransient(exception) && replacements.size() < MAX_REPLACEMENTS) {
      replacements.addLast(now);
      log.accept(
          "a stream thread died of a cluster error, replacing it ("
              + replacements.size()
              + " of at most "
              + MAX_REPLACEMENTS
              + " in "
              + WINDOW.toMinutes()
              + " min): "
              + exception);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    fatal.compareAndSet(null, exception);
    log.accept("fatal error in a stream thread: " + exception);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  /** The error that stopped the client, if one did. */
  Optional<Throwable> fatal() {
    return Optional.ofNullable(fatal.get());
  }

  /** A cluster that is away or changed under the thread, anywhere in the cause chain. */
  static boolean isTransient(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RetriableException
          || t instanceof TaskMigratedException
          || t instanceof ProducerFencedException
          || t instanceof InvalidProducerEpochException
          || t instanceof OutOfOrderSequenceException) {
        return true;
      }
    }
    return false;
  }
}
