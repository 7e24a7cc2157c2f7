package io.ecostream.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Ctrl-C for a command that polls a consumer on the main thread: the shutdown hook wakes the
 * consumer (its poll then throws {@code WakeupException}) and waits until the command has written
 * what it read and {@linkplain #close() closed} the consumer, at most {@link #STOP_WAIT}, so that
 * the command ends within 5 s.
 */
final class ConsumerStop implements AutoCloseable {

  /** How long the consumer may take to close. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  /** How long Ctrl-C waits for the command to write what it has and close its consumer. */
  private static final Duration STOP_WAIT = Duration.ofMillis(3500);

  private final Consumer<?, ?> consumer;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;

  ConsumerStop(Consumer<?, ?> consumer) {
    this.consumer = consumer;
    hook =
        new Thread(
            () -> {
              stop();
              try {
                closed.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ecostream-consumer-stop");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came before the hook: the first poll ends the command.
      stop();
    }
  }

  private void stop() {
    stopping.set(true);
    consumer.wakeup();
  }

  /** Whether Ctrl-C (or another shutdown) asked the command to stop. */
  boolean requested() {
    return stopping.get();
  }

  /** Closes the consumer, within 2 s, and lets a waiting Ctrl-C go on. */
  @Override
  public void close() {
    try {
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    } finally {
      closed.countDown();
      if (!stopping.get()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }
}
