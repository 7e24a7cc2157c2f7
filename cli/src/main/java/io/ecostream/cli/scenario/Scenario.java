package io.ecostream.cli.scenario;

import io.ecostream.producer.faults.FaultKind;
import io.ecostream.producer.faults.FaultSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A published set of figures for some cities over a period, which the simulator is fitted to and
 * the pipeline must then reproduce.
 *
 * <p>The period is one the pipeline publishes on {@code air.city-period}: a year to date (from 1
 * January, to any day of that year) or one calendar month. With several cities the figures are the
 * province's, the mean of the cities' published figures, as the replay report computes them
 * (docs/air-replay.md).
 *
 * @param faults fault rates by kind label ({@code stuck}, {@code late}, … as the {@code --fault-*}
 *     options of {@code simulate}), applied to the pipeline run, not to the offline fit; none by
 *     default
 */
public record Scenario(
    String id,
    String title,
    String source,
    List<String> cities,
    LocalDate from,
    LocalDate to,
    List<Target> targets,
    Map<String, Double> faults,
    long seed) {

  /** The seed of a scenario file that names none. */
  public static final long DEFAULT_SEED = 42;

  /**
   * @throws IllegalArgumentException for no cities, no targets, two targets of one figure, or a
   *     period the pipeline does not publish
   */
  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    cities = List.copyOf(cities);
    targets = List.copyOf(targets);
    faults = Map.copyOf(faults);
    faultSettings(faults);
    if (cities.isEmpty()) {
      throw new IllegalArgumentException(id + ": a scenario names at least one city");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(id + ": a scenario has at least one target");
    }
    if (targets.stream().map(Target::figure).distinct().count() != targets.size()) {
      throw new IllegalArgumentException(id + ": two targets of the same figure");
    }
    boolean yearToDate =
        from.getDayOfYear() == 1 && to.getYear() == from.getYear() && !to.isBefore(from);
    boolean month =
        from.getDayOfMonth() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfMonth()));
    if (!yearToDate && !month) {
      throw new IllegalArgumentException(
          id
              + ": the period must run from 1 January to a day of the same year, or be one calendar month; got "
              + from
              + ".."
              + to);
    }
  }

  /** Whether the figures are a province's mean over several cities. */
  public boolean province() {
    return cities.size() > 1;
  }

  /**
   * The {@code CityPeriod.period} of the figures: {@code yyyy} (year to date) or {@code yyyy-MM}.
   */
  public String periodLabel() {
    return from.getDayOfYear() == 1 && !to.equals(from.with(TemporalAdjusters.lastDayOfMonth()))
        ? Integer.toString(from.getYear())
        : YearMonth.from(from).toString();
  }

  public Optional<Target> target(Figure figure) {
    return targets.stream().filter(t -> t.figure() == figure).findFirst();
  }

  /** The simulator's fault settings of this scenario. */
  public FaultSettings faultSettings() {
    return faultSettings(faults);
  }

  /**
   * @throws IllegalArgumentException for an unknown fault kind or a rate outside [0, 1]
   */
  private static FaultSettings faultSettings(Map<String, Double> faults) {
    FaultSettings settings = FaultSettings.NONE;
    for (Map.Entry<String, Double> fault : faults.entrySet()) {
      FaultKind kind =
          Arrays.stream(FaultKind.values())
              .filter(k -> k.label().equals(fault.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException("unknown fault kind '" + fault.getKey() + "'"));
      settings = settings.withRate(kind, fault.getValue());
    }
    return settings;
  }
}
