package io.ecostream.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.cli.scenario.KnobSolver.Point;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class KnobSolverTest {

  @Test
  void shouldSolveASmoothIncreasingFigureInAFewSteps() {
    AtomicInteger calls = new AtomicInteger();
    DoubleUnaryOperator figure =
        x -> {
          calls.incrementAndGet();
          return 30 * x * x;
        };

    Point found = KnobSolver.solve(figure, new Point(1, 30), 1.2, 40, 0.1, 0.2, 5, true, 8);

    assertThat(found.value()).isBetween(39.9, 40.1);
    assertThat(calls.get()).isLessThanOrEqualTo(5);
  }

  @Test
  void shouldSolveAStepFigureThatFallsWithTheKnob() {
    // A day count: whole days, falling as the knob rises, flat between steps.
    DoubleUnaryOperator days = x -> Math.floor(20 - 8 * x);

    Point found = KnobSolver.solve(days, new Point(1, 12), 1.05, 4, 0, 0, 3, false, 12);

    assertThat(found.value()).isEqualTo(4);
  }

  @Test
  void shouldStopAtTheEndOfTheRangeWithTheClosestPoint() {
    DoubleUnaryOperator figure = x -> 10 * x;

    Point found = KnobSolver.solve(figure, new Point(1, 10), 2, 100, 0.1, 0.2, 3, true, 8);

    assertThat(found).isEqualTo(new Point(3, 30));
  }
}
