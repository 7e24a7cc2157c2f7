package io.ecostream.producer;

import java.time.Instant;

/**
 * How a simulation run ended.
 *
 * @param simulatedFrom start of the first simulated hour
 * @param simulatedUpTo end of the last hour emitted (equal to simulatedFrom if none was)
 */
public record SimulationResult(
    Instant simulatedFrom, Instant simulatedUpTo, long hours, StopReason reason) {

  public enum StopReason {
    /** The end of the simulated period was reached. */
    END,
    /** The wall-clock limit (--duration) elapsed. */
    DURATION,
    /** {@link Simulator#stop()} was called or the thread was interrupted. */
    STOPPED
  }
}
