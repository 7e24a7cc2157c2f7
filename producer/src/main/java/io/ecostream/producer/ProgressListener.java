package io.ecostream.producer;

import java.time.Instant;

/** Told after every simulated hour; must be cheap (it runs in the simulation loop). */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (reached, hours) -> {};

  /**
   * @param simulatedUpTo end of the hour just emitted: simulated time reached
   * @param hoursDone simulated hours emitted so far
   */
  void hourDone(Instant simulatedUpTo, long hoursDone);

  /**
   * Told once, when a run kept behind the clock has caught up with it and goes on in real time.
   *
   * @param nextHourEnd end of the next hour, when it will be emitted
   */
  default void caughtUpWithClock(Instant nextHourEnd) {}
}
