package io.ecostream.producer;

import java.time.Duration;

/** Waits for a while; tests pass one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {

  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
