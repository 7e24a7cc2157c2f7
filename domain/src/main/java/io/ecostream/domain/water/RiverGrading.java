package io.ecostream.domain.water;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The water quality grade of a river or basin (河流、流域水质状况, docs/standards.md#river-grading).
 *
 * <p>With at least {@link RiverGradingRules#minSectionsForShares} sections, from the shares of the
 * section classes:
 *
 * <ul>
 *   <li>I–III ≥ 90 %: 优; 75 % ≤ I–III &lt; 90 %: 良好;
 *   <li>I–III &lt; 75 % and 劣V &lt; 20 %: 轻度污染; and 20 % ≤ 劣V &lt; 40 %: 中度污染;
 *   <li>I–III &lt; {@link RiverGradingRules#heavyPollutionMaxGoodPercent} and 劣V ≥ 40 %: 重度污染.
 * </ul>
 *
 * The shares are compared exactly, as whole counts (100 · good ≥ 90 · total), not as rounded
 * percentages. With fewer sections the mean concentrations of the sections are classified by the
 * single-factor method and the grade is that class's ({@link WaterClass#grade}).
 */
public final class RiverGrading {

  private static final int EXCELLENT_GOOD_PERCENT = 90;
  private static final int GOOD_GOOD_PERCENT = 75;
  private static final int LIGHT_WORST_PERCENT = 20;
  private static final int MODERATE_WORST_PERCENT = 40;
  private static final int HUNDRED = 100;

  private RiverGrading() {}

  /**
   * The grade of the river from its sections' period values, choosing the method by the number of
   * evaluated sections (those with at least one routine item); empty when none is evaluated.
   */
  public static Optional<WaterGrade> of(
      Collection<WaterQuality> sectionValues, WaterBody body, RiverGradingRules rules) {
    Objects.requireNonNull(rules, "rules");
    List<WaterClass> classes = new ArrayList<>();
    List<WaterQuality> evaluated = new ArrayList<>();
    for (WaterQuality values : sectionValues) {
      Gb3838.classify(values, body)
          .ifPresent(
              result -> {
                classes.add(result.worstClass());
                evaluated.add(values);
              });
    }
    if (evaluated.isEmpty()) {
      return Optional.empty();
    }
    if (evaluated.size() >= rules.minSectionsForShares()) {
      return Optional.of(byShares(SectionShares.of(classes), rules));
    }
    return byMeanConcentrations(evaluated, body);
  }

  /**
   * The grade from the class shares of the sections (the method for five or more sections).
   *
   * @throws IllegalArgumentException if there are no sections
   */
  public static WaterGrade byShares(SectionShares shares, RiverGradingRules rules) {
    Objects.requireNonNull(shares, "shares");
    Objects.requireNonNull(rules, "rules");
    long total = shares.total();
    if (total == 0) {
      throw new IllegalArgumentException("No sections to grade");
    }
    long good = (long) HUNDRED * shares.goodCount();
    long worst = (long) HUNDRED * shares.count(WaterClass.WORSE_THAN_V);
    if (good >= EXCELLENT_GOOD_PERCENT * total) {
      return WaterGrade.EXCELLENT;
    }
    if (good >= GOOD_GOOD_PERCENT * total) {
      return WaterGrade.GOOD;
    }
    if (worst < LIGHT_WORST_PERCENT * total) {
      return WaterGrade.LIGHTLY_POLLUTED;
    }
    if (worst < MODERATE_WORST_PERCENT * total) {
      return WaterGrade.MODERATELY_POLLUTED;
    }
    if (good < rules.heavyPollutionMaxGoodPercent() * total) {
      return WaterGrade.HEAVILY_POLLUTED;
    }
    // Only with the 60 % reading: exactly 60 % I–III and 40 % 劣V; see RiverGradingRules.
    return WaterGrade.MODERATELY_POLLUTED;
  }

  /**
   * The grade from the mean concentrations of the sections (the method for fewer than five
   * sections): the sections' values are averaged per item ({@link WaterQuality#mean}, pH by
   * hydrogen ion), then classified over the 21 routine items; empty when none of them was measured.
   */
  public static Optional<WaterGrade> byMeanConcentrations(
      Collection<WaterQuality> sectionValues, WaterBody body) {
    return Gb3838.classify(WaterQuality.mean(sectionValues), body).map(r -> r.worstClass().grade());
  }
}
