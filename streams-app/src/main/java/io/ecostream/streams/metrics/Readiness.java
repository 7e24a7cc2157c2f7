package io.ecostream.streams.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether the application is ready, from samples of what it sees: its Streams state, whether the
 * cluster answers, how many input records wait, and how far it has committed. Not ready while the
 * cluster cannot be reached, while Streams is not running, or while input waits and the committed
 * offsets have not moved for longer than the stall timeout. Kafka-free, so it is tested with a
 * clock.
 */
public final class Readiness {

  /**
   * One look at the application.
   *
   * @param state the Streams state, e.g. RUNNING
   * @param running whether that state processes (RUNNING or REBALANCING)
   * @param unreachable empty if the cluster answered; else why not
   * @param lag input records not yet committed, summed over the input partitions; -1 if unknown
   * @param committed the application's committed input offsets, summed; -1 if unknown
   */
  public record Sample(
      String state, boolean running, String unreachable, long lag, long committed) {

    public Sample {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(unreachable, "unreachable");
    }

    public static Sample reachable(String state, boolean running, long lag, long committed) {
      return new Sample(state, running, "", lag, committed);
    }

    public static Sample unreachable(String state, boolean running, String why) {
      return new Sample(state, running, why.isEmpty() ? "no answer" : why, -1, -1);
    }
  }

  /** Ready or not, and a one-line reason. */
  public record Verdict(boolean ready, String reason) {}

  private final Duration stallTimeout;
  private final Clock clock;

  private Sample last;
  private long lastCommitted = -1;

  /** When the committed offsets last moved, or last caught up with the input. */
  private Instant progressAt;

  public Readiness(Duration stallTimeout, Clock clock) {
    if (stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException("stall timeout must be positive, got " + stallTimeout);
    }
    this.stallTimeout = stallTimeout;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public synchronized void record(Sample sample) {
    Instant now = clock.instant();
    // A stall is counted from when the cluster answers again, not through the outage.
    if (progressAt == null || (last != null && !last.unreachable().isEmpty())) {
      progressAt = now;
    }
    if (sample.unreachable().isEmpty()) {
      if (sample.lag() == 0 || (sample.committed() >= 0 && sample.committed() != lastCommitted)) {
        progressAt = now;
      }
      if (sample.committed() >= 0) {
        lastCommitted = sample.committed();
      }
    }
    last = sample;
  }

  public synchronized Verdict verdict() {
    if (last == null) {
      return new Verdict(false, "starting: not sampled yet");
    }
    if (!last.unreachable().isEmpty()) {
      return new Verdict(false, "cannot reach the Kafka cluster: " + last.unreachable());
    }
    if (!last.running()) {
      return new Verdict(false, "streams is " + last.state());
    }
    Duration still = Duration.between(progressAt, clock.instant());
    if (last.lag() > 0 && still.compareTo(stallTimeout) > 0) {
      return new Verdict(
          false,
          String.format(
              Locale.ROOT,
              "no progress for %d s with %d input records waiting (stall timeout %d s)",
              still.toSeconds(),
              last.lag(),
              stallTimeout.toSeconds()));
    }
    return new Verdict(
        true,
        last.lag() > 0 ? "processing, " + last.lag() + " input records waiting" : "up to date");
  }
}
