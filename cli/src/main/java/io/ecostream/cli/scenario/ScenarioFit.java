package io.ecostream.cli.scenario;

import io.ecostream.producer.model.AirTuning;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Fits the air model's knobs to a scenario's targets, offline: each target has the knob that moves
 * it most ({@link Lever}), and each round solves the knobs one after the other on the in-memory
 * figures ({@link OfflineRun}), the others held, until every figure is within a third of its
 * tolerance (a margin for the rounding of the published figures) or the rounds run out. The knobs
 * move each other's figures (O3 moves the composite index through its percentile, the PM scale the
 * good-day ratio through winter days), which the next round corrects. Every simulation uses the
 * scenario's seed, so a figure is a deterministic function of the knobs and the result is
 * reproducible.
 */
public final class ScenarioFit {

  private static final int MAX_ROUNDS = 5;
  private static final int MAX_EVALUATIONS_PER_KNOB = 8;

  /** A knob of the air model with the range the fitting may move it in. */
  enum Knob {
    PM(AirTuning::pm, AirTuning::withPm, 0.2, 5),
    O3(AirTuning::o3, AirTuning::withO3, 0.3, 3),
    GASES(AirTuning::gases, AirTuning::withGases, 0.1, 5),
    HAZE(AirTuning::haze, AirTuning::withHaze, 0, 3),
    SPREAD(AirTuning::spread, AirTuning::withSpread, 0.3, 2);

    final ToDoubleFunction<AirTuning> get;
    final BiFunction<AirTuning, Double, AirTuning> set;
    final double lo;
    final double hi;

    Knob(
        ToDoubleFunction<AirTuning> get,
        BiFunction<AirTuning, Double, AirTuning> set,
        double lo,
        double hi) {
      this.get = get;
      this.set = set;
      this.lo = lo;
      this.hi = hi;
    }
  }

  /**
   * A knob that moves a figure, in the order a round solves them; a figure with two levers uses the
   * second when the first could not reach the target within its range.
   */
  enum Lever {
    PM25_BY_PM(Figure.PM25, Knob.PM, true),
    GOOD_RATIO_BY_O3(Figure.GOOD_RATIO, Knob.O3, false),
    COMPOSITE_INDEX_BY_GASES(Figure.COMPOSITE_INDEX, Knob.GASES, true),
    // Heavy days come from haze episodes in winter and from the O3 tail in summer: without
    // episodes, narrower spreads remove the rest (the O3 and gases levers then re-balance).
    HEAVY_DAYS_BY_HAZE(Figure.HEAVY_DAYS, Knob.HAZE, true),
    HEAVY_DAYS_BY_SPREAD(Figure.HEAVY_DAYS, Knob.SPREAD, true);

    final Figure figure;
    final Knob knob;
    final boolean increasing;

    Lever(Figure figure, Knob knob, boolean increasing) {
      this.figure = figure;
      this.knob = knob;
      this.increasing = increasing;
    }

    /** A first step from the current value, from how the figure roughly scales with the knob. */
    double guess(double x, double value, double target) {
      return switch (this) {
        // PM means are proportional to the scale.
        case PM25_BY_PM -> value > 0 ? x * target / value : x;
        // About a point of good-day ratio per 1.5 % of O3, as measured on Binzhou's summers.
        case GOOD_RATIO_BY_O3 -> x * (1 + 0.015 * (value - target));
        // SO2, NO2 and CO make up about a third of the index.
        case COMPOSITE_INDEX_BY_GASES ->
            x * Math.max(0.3, Math.min(3, 1 + 3 * (target - value) / value));
        case HEAVY_DAYS_BY_HAZE -> x + (target > value ? 0.3 : -0.3);
        case HEAVY_DAYS_BY_SPREAD -> x * (target > value ? 1.15 : 0.85);
      };
    }
  }

  /**
   * @param tuning the fitted knobs, the same for every city of the scenario
   * @param figures the offline figures with those knobs
   * @param simulations offline simulations run
   * @param met whether every published figure is within its tolerance
   */
  public record Result(AirTuning tuning, ScenarioFigures figures, int simulations, boolean met) {}

  private final OfflineRun run;

  public ScenarioFit(OfflineRun run) {
    this.run = run;
  }

  public Result fit(Scenario scenario, Consumer<String> progress) {
    int[] simulations = {0};
    AirTuning tuning = AirTuning.NONE;
    ScenarioFigures figures = evaluate(scenario, tuning, simulations);
    progress.accept("as calibrated: " + describe(scenario, figures));
    List<Lever> levers =
        List.of(Lever.values()).stream()
            .filter(l -> scenario.target(l.figure).isPresent())
            .toList();
    for (int round = 1; round <= MAX_ROUNDS && !closeEnough(scenario, figures); round++) {
      for (Lever lever : levers) {
        Target target = scenario.target(lever.figure).orElseThrow();
        double value = figures.unrounded(lever.figure);
        double aim = aim(target);
        if (Math.abs(value - target.value()) <= aim) {
          continue;
        }
        Knob knob = lever.knob;
        AirTuning base = tuning;
        double x = knob.get.applyAsDouble(base);
        KnobSolver.Point found =
            KnobSolver.solve(
                k ->
                    evaluate(scenario, knob.set.apply(base, k), simulations)
                        .unrounded(lever.figure),
                new KnobSolver.Point(x, value),
                lever.guess(x, value, target.value()),
                target.value(),
                aim,
                knob.lo,
                knob.hi,
                lever.increasing,
                MAX_EVALUATIONS_PER_KNOB);
        tuning = knob.set.apply(base, found.x());
        figures = evaluate(scenario, tuning, simulations);
      }
      progress.accept(
          String.format(
              Locale.ROOT,
              "round %d: %s -> %s",
              round,
              describe(tuning),
              describe(scenario, figures)));
    }
    ScenarioFigures fitted = figures;
    boolean met = scenario.targets().stream().allMatch(t -> t.met(fitted.published(t.figure())));
    return new Result(tuning, fitted, simulations[0], met);
  }

  /** Within a third of the tolerance, or exactly for a zero tolerance (day counts). */
  static double aim(Target target) {
    return target.tolerance().absolute(target.value()) / 3;
  }

  private boolean closeEnough(Scenario scenario, ScenarioFigures figures) {
    return scenario.targets().stream()
        .allMatch(t -> Math.abs(figures.unrounded(t.figure()) - t.value()) <= aim(t));
  }

  private ScenarioFigures evaluate(Scenario scenario, AirTuning tuning, int[] simulations) {
    simulations[0]++;
    return run.figures(scenario, tuning);
  }

  static String describe(AirTuning tuning) {
    return String.format(
        Locale.ROOT,
        "pm %.3f, o3 %.3f, gases %.3f, haze %.3f, spread %.3f",
        tuning.pm(),
        tuning.o3(),
        tuning.gases(),
        tuning.haze(),
        tuning.spread());
  }

  private static String describe(Scenario scenario, ScenarioFigures figures) {
    StringBuilder text = new StringBuilder();
    for (Target target : scenario.targets()) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(target.figure().key())
          .append(' ')
          .append(target.figure().format(figures.published(target.figure())));
    }
    return text.toString();
  }
}
