package io.ecostream.cli.scenario;

import java.util.function.DoubleUnaryOperator;

/**
 * Finds the value of one knob at which a figure reaches its target, for a figure that moves
 * monotonically with the knob (up or down) but may do so in steps, as day counts do: a secant step
 * while the target lies on one side of everything tried, regula falsi once it is bracketed, and
 * bisection when either would not shrink the bracket.
 */
final class KnobSolver {

  /** A knob value and the figure it gave. */
  record Point(double x, double value) {}

  private KnobSolver() {}

  /**
   * @param figure the figure at a knob value (one simulation each)
   * @param start the current knob value and its figure, already known
   * @param guess the first value to try
   * @param aim how close to the target is close enough
   * @param increasing whether the figure rises with the knob
   * @return the point closest to the target among those tried
   */
  static Point solve(
      DoubleUnaryOperator figure,
      Point start,
      double guess,
      double target,
      double aim,
      double lo,
      double hi,
      boolean increasing,
      int maxEvaluations) {
    Point best = start;
    // below: a point whose figure is on the side that needs a larger knob; above: a smaller one.
    Point below = null;
    Point above = null;
    Point previous = null;
    Point current = start;
    double x = clamp(guess, lo, hi);
    for (int i = 0; ; i++) {
      if (Math.abs(current.value() - target) <= aim) {
        return current;
      }
      if (needsLarger(current, target, increasing)) {
        below = current;
      } else {
        above = current;
      }
      if (i == maxEvaluations) {
        return best;
      }
      if (i > 0) {
        x = next(previous, current, below, above, target, increasing, lo, hi);
      }
      if (Double.isNaN(x) || x == current.x()) {
        return best;
      }
      previous = current;
      current = new Point(x, figure.applyAsDouble(x));
      if (Math.abs(current.value() - target) < Math.abs(best.value() - target)) {
        best = current;
      }
    }
  }

  private static double next(
      Point previous,
      Point current,
      Point below,
      Point above,
      double target,
      boolean increasing,
      double lo,
      double hi) {
    if (below != null && above != null) {
      double left = Math.min(below.x(), above.x());
      double right = Math.max(below.x(), above.x());
      double width = right - left;
      if (width < 1e-6 * Math.max(1, Math.abs(right))) {
        return Double.NaN;
      }
      double falsi = interpolate(below, above, target);
      // Steps of a day count give flat stretches; stay well inside the bracket or bisect.
      boolean inside = falsi > left + 0.1 * width && falsi < right - 0.1 * width;
      return inside ? falsi : (left + right) / 2;
    }
    double direction = below != null ? 1 : -1;
    double secant = interpolate(previous, current, target);
    double step = secant - current.x();
    boolean useful = !Double.isNaN(secant) && Math.signum(step) == direction;
    double scale = Math.max(Math.abs(current.x()), 0.05);
    if (!useful) {
      step = direction * 0.5 * scale;
    }
    // A secant through two points of one flat step would jump far: at most double the knob.
    step = direction * Math.min(Math.abs(step), 2 * scale);
    return clamp(current.x() + step, lo, hi);
  }

  private static boolean needsLarger(Point point, double target, boolean increasing) {
    return increasing ? point.value() < target : point.value() > target;
  }

  private static double interpolate(Point a, Point b, double target) {
    if (a == null || b == null || a.value() == b.value()) {
      return Double.NaN;
    }
    return a.x() + (target - a.value()) * (b.x() - a.x()) / (b.value() - a.value());
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
