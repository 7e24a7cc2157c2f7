package io.ecostream.producer;

import io.ecostream.producer.SimulationResult.StopReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Holds simulated (or replayed) time back to the wall clock: the simulator and the replay both ask
 * it to wait until a point of simulated time is due. Waits in short slices so that a stop request
 * and the wall-clock limit take effect promptly even at low speeds.
 *
 * <p>Kept {@linkplain #behindTheClock behind the clock}, simulated time never passes the wall
 * clock: a Kafka broker refuses record timestamps more than an hour ahead of its own clock
 * (log.message.timestamp.after.max.ms), so a simulation that reaches the present goes on in real
 * time instead.
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
  private Optional<Instant> simulatedStart = Optional.empty();
  private Consumer<Instant> onCaughtUp = due -> {};
  private boolean caughtUp;

  public Pacer(Pacing pacing, Clock clock, Sleeper sleeper, Optional<Duration> wallClockLimit) {
    this.pacing = Objects.requireNonNull(pacing, "pacing");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.wallClockLimit = Objects.requireNonNull(wallClockLimit, "wallClockLimit");
  }

  public Pacing pacing() {
    return pacing;
  }

  /**
   * Holds every point of simulated time back until the instant it stands for: {@code
   * simulatedStart} plus the simulated time. As fast as the pacing allows while in the past, then
   * in real time, one simulated hour per hour.
   *
   * @param onCaughtUp told once, when the clock first holds the run back, with the instant waited
   *     for
   * @return this pacer
   */
  public Pacer behindTheClock(Instant simulatedStart, Consumer<Instant> onCaughtUp) {
    this.simulatedStart = Optional.of(simulatedStart);
    this.onCaughtUp = Objects.requireNonNull(onCaughtUp, "onCaughtUp");
    return this;
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
    boolean heldByClock = false;
    if (simulatedStart.isPresent()) {
      Instant standsFor = simulatedStart.get().plus(simulated);
      if (standsFor.isAfter(due)) {
        due = standsFor;
        heldByClock = true;
      }
    }
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
      if (heldByClock && !caughtUp) {
        caughtUp = true;
        onCaughtUp.accept(due);
      }
      Instant wakeUp = dueInTime ? due : deadline.get();
      sleeper.sleep(min(Duration.between(now, wakeUp), MAX_SLEEP_SLICE));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
