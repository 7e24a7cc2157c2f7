package io.ecostream.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The untimed warm-up: each phase kind runs again, each round on new topics and application ids,
 * until the JIT compiled for at most {@link #SETTLED_JIT_SHARE} of its run, or for a given number
 * of rounds. One run of the full topology is not enough on two cores: its paths are many and C2 has
 * one thread here, which was still compiling for half a core during the first ten seconds of the
 * run after it, the timed one; the pass-through has few paths and settles in one run. A clock on a
 * JIT still compiling would compare a topology half warm with a pass-through fully warm.
 *
 * @param <R> what one round runs on (a {@link BenchRunner} of its own), closed at its end
 */
final class WarmUp<R extends AutoCloseable> {

  /** The share of a run's time the JIT may spend compiling for the run to count as warm. */
  static final double SETTLED_JIT_SHARE = 0.1;

  private final int maxRounds;
  private final IntFunction<R> roundRunner;
  private final Consumer<String> progress;

  /**
   * @param maxRounds at most this many runs of each phase kind
   * @param roundRunner what round {@code n} (from 1) runs on
   * @param progress where each run's line goes
   */
  WarmUp(int maxRounds, IntFunction<R> roundRunner, Consumer<String> progress) {
    this.maxRounds = maxRounds;
    this.roundRunner = roundRunner;
    this.progress = progress;
  }

  /**
   * Runs each phase kind's warm-up run round after round, each round only those whose last run the
   * JIT was still compiling through.
   */
  void run(List<Function<R, PhaseResult>> steps) throws Exception {
    List<Function<R, PhaseResult>> pending = steps;
    for (int round = 1; round <= maxRounds && !pending.isEmpty(); round++) {
      try (R runner = roundRunner.apply(round)) {
        List<Function<R, PhaseResult>> unsettled = new ArrayList<>();
        for (Function<R, PhaseResult> step : pending) {
          PhaseResult result = step.apply(runner);
          boolean settled = result.jitSettled(SETTLED_JIT_SHARE);
          boolean again = !settled && round < maxRounds;
          progress.accept(line(result, round, settled, again));
          if (again) {
            unsettled.add(step);
          }
        }
        pending = unsettled;
      }
    }
  }

  private static String line(PhaseResult result, int round, boolean settled, boolean again) {
    String jit =
        result.jitSeconds() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; the JIT compiled for %.1f s of it%s",
                result.jitSeconds(),
                settled ? "" : again ? ", warming up again" : ", the last round allowed");
    return String.format(
        Locale.ROOT, "warm-up %s (round %d)%s", BenchTable.summary(result), round, jit);
  }
}
