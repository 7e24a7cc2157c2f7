package io.ecostream.domain.stats;

import java.util.Objects;

/**
 * How {@link PeriodAccumulator} turns daily records into period statistics, as named settings.
 *
 * @param roundDailyValues whether each daily value is first rounded as published (integers, CO one
 *     decimal; GB/T 8170), so that the period figures are those anyone recomputes from the
 *     published daily values. HJ 633-2026 §4.2.2 rounds the daily concentrations this way; whether
 *     HJ 663 averages the rounded or the unrounded daily values was not read. Default true
 * @param dustRule which days are dust-affected, for the dust-deducted figures; default {@link
 *     DustRule#defaults()}
 * @param compositeIndex the edition of the composite index; default {@link
 *     CompositeIndexDefinition#HJ663_2013}
 * @param roundBeforeDividing whether the six statistics are rounded as published before the
 *     composite index divides them by the limits (docs/standards.md#composite-index, recalled);
 *     default true
 */
public record PeriodRules(
    boolean roundDailyValues,
    DustRule dustRule,
    CompositeIndexDefinition compositeIndex,
    boolean roundBeforeDividing) {

  public PeriodRules {
    Objects.requireNonNull(dustRule, "dustRule");
    Objects.requireNonNull(compositeIndex, "compositeIndex");
  }

  /** Daily values rounded, the default dust rule, the HJ 663-2013 index on rounded statistics. */
  public static PeriodRules defaults() {
    return new PeriodRules(true, DustRule.defaults(), CompositeIndexDefinition.HJ663_2013, true);
  }

  /** These rules with daily values rounded first or not. */
  public PeriodRules withRoundDailyValues(boolean round) {
    return new PeriodRules(round, dustRule, compositeIndex, roundBeforeDividing);
  }

  /** These rules with another dust rule. */
  public PeriodRules withDustRule(DustRule rule) {
    return new PeriodRules(roundDailyValues, rule, compositeIndex, roundBeforeDividing);
  }

  /** These rules with another composite index edition. */
  public PeriodRules withCompositeIndex(CompositeIndexDefinition definition) {
    return new PeriodRules(roundDailyValues, dustRule, definition, roundBeforeDividing);
  }

  /** These rules with the index computed from rounded statistics or not. */
  public PeriodRules withRoundBeforeDividing(boolean round) {
    return new PeriodRules(roundDailyValues, dustRule, compositeIndex, round);
  }
}
