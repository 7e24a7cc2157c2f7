package io.ecostream.domain.water;

/**
 * Settings of the river and basin grading (河流、流域水质状况) of 环办〔2011〕22号 as quoted in
 * docs/standards.md#river-grading.
 *
 * <p>The sources disagree on the 重度污染 line: "I–III &lt; 60 % and 劣V ≥ 40 %" (环办〔2011〕22号 by
 * recollection, [R]) or "&lt; 75 %" (Shenzhen Ecology and Environment Bureau Q&amp;A, read, [S]).
 * The default follows the read source, 75. With 60 the rules leave one case open, exactly 60 %
 * I–III and 40 % 劣V (e.g. 3 and 2 of 5 sections); {@link RiverGrading} grades it 中度污染, the worst
 * grade whose own condition does not fail.
 *
 * @param minSectionsForShares from this many sections the grade follows the class shares; below,
 *     the mean concentrations of the sections are classified (default {@value
 *     #DEFAULT_MIN_SECTIONS_FOR_SHARES})
 * @param heavyPollutionMaxGoodPercent 重度污染 needs I–III below this percentage (and 劣V ≥ 40 %);
 *     default {@value #DEFAULT_HEAVY_POLLUTION_MAX_GOOD_PERCENT}, the alternative reading 60
 */
public record RiverGradingRules(int minSectionsForShares, int heavyPollutionMaxGoodPercent) {

  /** "断面数 ≥ 5" (docs/standards.md#river-grading). */
  public static final int DEFAULT_MIN_SECTIONS_FOR_SHARES = 5;

  /** The Shenzhen Q&amp;A's "&lt; 75 %" [S]; see the class comment. */
  public static final int DEFAULT_HEAVY_POLLUTION_MAX_GOOD_PERCENT = 75;

  /**
   * @throws IllegalArgumentException if minSectionsForShares &lt; 1 or the percentage is outside
   *     0–100
   */
  public RiverGradingRules {
    if (minSectionsForShares < 1) {
      throw new IllegalArgumentException(
          "minSectionsForShares must be at least 1, was " + minSectionsForShares);
    }
    if (heavyPollutionMaxGoodPercent < 0 || heavyPollutionMaxGoodPercent > 100) {
      throw new IllegalArgumentException(
          "heavyPollutionMaxGoodPercent must be within 0–100, was " + heavyPollutionMaxGoodPercent);
    }
  }

  public static RiverGradingRules defaults() {
    return new RiverGradingRules(
        DEFAULT_MIN_SECTIONS_FOR_SHARES, DEFAULT_HEAVY_POLLUTION_MAX_GOOD_PERCENT);
  }
}
