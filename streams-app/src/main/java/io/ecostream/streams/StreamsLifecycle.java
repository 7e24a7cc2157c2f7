package io.ecostream.streams;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Streams application from start to close, as {@code run}, the in-process pipeline of
 * {@code replay} and {@code scenario}, and {@code bench} all run it: when it first became RUNNING,
 * the first failure of a stream thread, and a wait that ends when it stops by itself (ERROR,
 * NOT_RUNNING) or {@link #stop()} is called.
 *
 * <p>By default a stream thread's exception is kept ({@link #failure()}) and shuts the client down;
 * {@code run} passes its own handler, which replaces a thread that failed on a transient error.
 */
public final class StreamsLifecycle implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsLifecycle.class);

  private final KafkaStreams streams;
  private final AtomicLong startedNanos = new AtomicLong();
  private final AtomicLong runningNanos = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean wipeOnClose;
  private volatile BiConsumer<KafkaStreams.State, KafkaStreams.State> stateChanges =
      (newState, oldState) -> {};

  private StreamsLifecycle(KafkaStreams streams) {
    this.streams = streams;
    streams.setStateListener(
        (newState, oldState) -> {
          if (newState == KafkaStreams.State.RUNNING) {
            runningNanos.compareAndSet(0, System.nanoTime());
          } else if (newState == KafkaStreams.State.ERROR) {
            failure.compareAndSet(
                null, new IllegalStateException("the streams application went to ERROR"));
          }
          stateChanges.accept(newState, oldState);
          if (newState == KafkaStreams.State.PENDING_ERROR
              || newState == KafkaStreams.State.ERROR
              || newState == KafkaStreams.State.NOT_RUNNING) {
            stopped.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        exception -> {
          failure.compareAndSet(null, exception);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
  }

  /** The application of this topology, not started yet. */
  public static StreamsLifecycle of(Topology topology, java.util.Properties properties) {
    return new StreamsLifecycle(new KafkaStreams(topology, properties));
  }

  /** Also tells {@code listener} of every state change; before {@link #start()}. */
  public StreamsLifecycle onStateChange(
      BiConsumer<KafkaStreams.State, KafkaStreams.State> listener) {
    this.stateChanges = listener;
    return this;
  }

  /**
   * Decides what a stream thread's exception does instead of the default; before {@link #start()}.
   */
  public StreamsLifecycle onThreadFailure(StreamsUncaughtExceptionHandler handler) {
    streams.setUncaughtExceptionHandler(
        exception -> {
          StreamThreadExceptionResponse response = handler.handle(exception);
          if (response != StreamThreadExceptionResponse.REPLACE_THREAD) {
            failure.compareAndSet(null, exception);
          }
          return response;
        });
    return this;
  }

  /**
   * Deletes the application's local state after {@link #close()}: for runs that leave nothing
   * behind.
   */
  public StreamsLifecycle wipingLocalStateOnClose() {
    this.wipeOnClose = true;
    return this;
  }

  public StreamsLifecycle start() {
    startedNanos.set(System.nanoTime());
    streams.start();
    return this;
  }

  /** For queries, metrics and metadata. */
  public KafkaStreams streams() {
    return streams;
  }

  /** {@link System#nanoTime()} when {@link #start()} was called. */
  public long startedNanos() {
    return startedNanos.get();
  }

  /** Seconds from {@link #start()} to the first RUNNING; empty until then. */
  public OptionalDouble startupSeconds() {
    long running = runningNanos.get();
    return running == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((running - startedNanos.get()) / 1e9);
  }

  /** The error that stopped a stream thread (or the application), if one did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /**
   * Waits until the application first became RUNNING.
   *
   * @throws IllegalStateException if it failed first or did not get there in time
   */
  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (runningNanos.get() == 0) {
      throwIfFailed();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the streams application was not RUNNING after " + timeout.toSeconds() + " s");
      }
      stopped.await(20, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * @throws IllegalStateException with the failure, if there was one
   */
  public void throwIfFailed() {
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException(
          "the streams application failed: " + error.getMessage(), error);
    }
  }

  /** Waits until the application stops by itself or {@link #stop()} is called. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Ends {@link #awaitStopped()}; the application keeps running until {@link #close}. */
  public void stop() {
    stopped.countDown();
  }

  public boolean close(Duration timeout) {
    return closed(streams.close(timeout));
  }

  public boolean close(CloseOptions options) {
    return closed(streams.close(options));
  }

  private boolean closed(boolean inTime) {
    if (wipeOnClose) {
      wipeLocalState();
    }
    return inTime;
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * After {@link #close}: deletes the application's local state. A close that ran out of time
   * leaves threads that may still use it: the state then stays, with a warning, rather than an
   * exception that would hide why the close took so long.
   */
  public void wipeLocalState() {
    try {
      streams.cleanUp();
    } catch (IllegalStateException stillRunning) {
      LOG.warn(
          "the streams application has not stopped ({}): its local state is left", streams.state());
    }
  }
}
