package io.ecostream.producer;

import java.time.Duration;

/**
 * How fast simulated time runs against the wall clock.
 *
 * @param speed simulated seconds per wall second (3600: one simulated hour per second), or positive
 *     infinity for as fast as possible
 */
public record Pacing(double speed) {

  public Pacing {
    if (!(speed > 0) || Double.isNaN(speed)) {
      throw new IllegalArgumentException("speed must be positive, got " + speed);
    }
  }

  public static Pacing speed(double simulatedSecondsPerWallSecond) {
    if (Double.isInfinite(simulatedSecondsPerWallSecond)) {
      throw new IllegalArgumentException("speed must be finite; use asFastAsPossible()");
    }
    return new Pacing(simulatedSecondsPerWallSecond);
  }

  public static Pacing asFastAsPossible() {
    return new Pacing(Double.POSITIVE_INFINITY);
  }

  public boolean isPaced() {
    return !Double.isInfinite(speed);
  }

  /** Wall time that {@code simulatedHours} take; zero when not paced. */
  public Duration wallTimeFor(long simulatedHours) {
    if (!isPaced()) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(simulatedHours * 3600e9 / speed));
  }

  /** Wall time that a stretch of simulated time takes; zero when not paced. */
  public Duration wallTimeFor(Duration simulated) {
    if (!isPaced()) {
      return Duration.ZERO;
    }
    // Whole hours round exactly as wallTimeFor(long), so the simulator's timing does not move.
    if (simulated.toSeconds() % 3600 == 0 && simulated.toNanosPart() == 0) {
      return wallTimeFor(simulated.toHours());
    }
    return Duration.ofNanos(Math.round(simulated.toNanos() / speed));
  }

  @Override
  public String toString() {
    if (!isPaced()) {
      return "max";
    }
    return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)) + "x";
  }
}
