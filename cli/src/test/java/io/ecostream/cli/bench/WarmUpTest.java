package io.ecostream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  /** A round's runner: which round it is, and whether the warm-up closed it. */
  private static final class Round implements AutoCloseable {
    final int number;
    boolean closed;

    Round(int number) {
      this.number = number;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final List<Round> rounds = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  private WarmUp<Round> warmUp(int maxRounds) {
    return new WarmUp<>(
        maxRounds,
        number -> {
          Round round = new Round(number);
          rounds.add(round);
          return round;
        },
        lines::add);
  }

  /** A step whose run in round n takes ten seconds, of which the JIT compiled jit[n - 1]. */
  private static Function<Round, PhaseResult> compiling(String phase, double... jit) {
    return round ->
        PhaseResult.rate(
            phase,
            null,
            1000,
            TimeUnit.SECONDS.toNanos(10),
            null,
            new PhaseMeter.Usage(null, null, jit[round.number - 1], 0, 0));
  }

  @Test
  void shouldRunEachPhaseKindAgainOnlyWhileTheJitCompiledForMoreThanATenthOfItsRun()
      throws Exception {
    warmUp(3)
        .run(
            List.of(
                compiling("passthrough", 0.9),
                compiling("topology", 6.0, 1.5, 0.4),
                compiling("floor", 1.0)));

    // 0.9 s and 1.0 s of 10 s are within a tenth; 6.0 and 1.5 s are not.
    assertThat(rounds).extracting(round -> round.number).containsExactly(1, 2, 3);
    assertThat(rounds).allMatch(round -> round.closed);
    assertThat(lines)
        .containsExactly(
            "warm-up passthrough: 1000 records in 10.00 s, 100 records/s (round 1);"
                + " the JIT compiled for 0.9 s of it",
            "warm-up topology: 1000 records in 10.00 s, 100 records/s (round 1);"
                + " the JIT compiled for 6.0 s of it, warming up again",
            "warm-up floor: 1000 records in 10.00 s, 100 records/s (round 1);"
                + " the JIT compiled for 1.0 s of it",
            "warm-up topology: 1000 records in 10.00 s, 100 records/s (round 2);"
                + " the JIT compiled for 1.5 s of it, warming up again",
            "warm-up topology: 1000 records in 10.00 s, 100 records/s (round 3);"
                + " the JIT compiled for 0.4 s of it");
  }

  @Test
  void shouldStopAtTheLastRoundAllowedAndSaySo() throws Exception {
    warmUp(2).run(List.of(compiling("topology", 5.0, 4.0, 0.0)));

    assertThat(rounds).hasSize(2);
    assertThat(lines.get(1))
        .endsWith("(round 2); the JIT compiled for 4.0 s of it, the last round allowed");
  }

  @Test
  void shouldCountAPhaseAsWarmWhereTheJvmCannotTellTheJitsTime() throws Exception {
    Function<Round, PhaseResult> untold =
        round ->
            PhaseResult.rate(
                "producer",
                null,
                1000,
                TimeUnit.SECONDS.toNanos(1),
                null,
                new PhaseMeter.Usage(null, null, null, 0, 0));

    warmUp(3).run(List.of(untold));
    assertThat(rounds).hasSize(1);
    assertThat(lines)
        .containsExactly("warm-up producer: 1000 records in 1.00 s, 1000 records/s (round 1)");
  }
}
