package io.ecostream.producer;

import io.ecostream.producer.SimulationResult.StopReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Holds simulated (or replayed) time back to the wall clock: the simulator and the replay both ask
 * it to wait until a point of simulated time is due. Waits in short slices so that a stop request
 * and the wall-clock limit take effect promptly even at low speeds.
 *
 * <p>Single use: {@link #start()} once, then {@link #awaitSimulated} as often as needed.
 */
public final class Pacer {

  /** Longest single wait, so that a stop request is noticed quickly even at low speeds. */
  static final Duration MAX_SLEEP_SLICE = Duration.ofMillis(200);

  private final Pacing pacing;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Optional<Duration> wallClockLimit;
  private Instant wallStart;
  private Optional<Instant> deadline = Optional.empty();

  public Pacer(Pacing pacing, Clock clock, Sleeper sleeper, Optional<Duration> wallClockLimit) {
    this.pacing = Objects.requireNonNull(pacing, "pacing");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.wallClockLimit = Objects.requireNonNull(wallClockLimit, "wallClockLimit");
  }

  public Pacing pacing() {
    return pacing;
  }

  /** Starts the wall clock that simulated time is measured against. */
  public void start() {
    wallStart = clock.instant();
    deadline = wallClockLimit.map(wallStart::plus);
  }

  /**
   * Waits until {@code simulated} time after the start is due on the wall clock, or a stop. A point
   * due exactly at the wall-clock limit is still reached: at speed 3600, 5 s give 5 hours.
   *
   * @return empty when due; otherwise why the run must stop instead
   */
  public Optional<StopReason> awaitSimulated(Duration simulated, BooleanSupplier stopRequested)
      throws InterruptedException {
    if (wallStart == null) {
      throw new IllegalStateException("start() first");
    }
    Instant due = wallStart.plus(pacing.wallTimeFor(simulated));
    boolean dueInTime = deadline.isEmpty() || !due.isAfter(deadline.get());
    while (true) {
      if (stopRequested.getAsBoolean()) {
        return Optional.of(StopReason.STOPPED);
      }
      Instant now = clock.instant();
      if (dueInTime && !now.isBefore(due)) {
        return deadline.isPresent() && !pacing.isPaced() && !now.isBefore(deadline.get())
            ? Optional.of(StopReason.DURATION)
            : Optional.empty();
      }
      if (deadline.isPresent() && !now.isBefore(deadline.get())) {
        return Optional.of(StopReason.DURATION);
      }
      Instant wakeUp = dueInTime ? due : deadline.get();
      sleeper.sleep(min(Duration.between(now, wakeUp), MAX_SLEEP_SLICE));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
