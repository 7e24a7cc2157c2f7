package io.ecostream.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Ctrl-C for a command that polls a consumer on the main thread: the shutdown hook wakes the
 * consumer (its poll then throws {@code WakeupException}) and waits for the main thread to finish
 * writing. {@link #close()} removes the hook when the command ended by itself.
 */
final class ConsumerStop implements AutoCloseable {

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Thread hook;

  ConsumerStop(Consumer<?, ?> consumer) {
    Thread main = Thread.currentThread();
    hook =
        new Thread(
            () -> {
              stopping.set(true);
              consumer.wakeup();
              try {
                main.join(5_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether Ctrl-C (or another shutdown) asked the command to stop. */
  boolean requested() {
    return stopping.get();
  }

  @Override
  public void close() {
    if (!stopping.get()) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }
}
