package io.ecostream.domain.stats;

import io.ecostream.domain.air.AqiCategory;
import java.util.Objects;

/**
 * The valid days of a period by AQI category (HJ 633 Table 2/1: 优, 良, 轻度, 中度, 重度, 严重污染), and the
 * day figures of the bulletins derived from them
 * (docs/standards.md#good-days-and-heavy-pollution-days). Note that {@link #good()} is the category
 * 良 only; the "good days" of the bulletins (优良天数) are {@link #goodDays()}.
 *
 * @param excellent days with AQI 0–50 (优)
 * @param good days with AQI 51–100 (良)
 * @param lightlyPolluted days with AQI 101–150
 * @param moderatelyPolluted days with AQI 151–200
 * @param heavilyPolluted days with AQI 201–300
 * @param severelyPolluted days with AQI above 300
 */
public record DayCounts(
    int excellent,
    int good,
    int lightlyPolluted,
    int moderatelyPolluted,
    int heavilyPolluted,
    int severelyPolluted) {

  /** No days. */
  public static final DayCounts NONE = new DayCounts(0, 0, 0, 0, 0, 0);

  /**
   * @throws IllegalArgumentException if a count is negative
   */
  public DayCounts {
    if ((excellent
            | good
            | lightlyPolluted
            | moderatelyPolluted
            | heavilyPolluted
            | severelyPolluted)
        < 0) {
      throw new IllegalArgumentException("Day counts must not be negative");
    }
  }

  /** The days of one category. */
  public int of(AqiCategory category) {
    Objects.requireNonNull(category, "category");
    return switch (category) {
      case EXCELLENT -> excellent;
      case GOOD -> good;
      case LIGHTLY_POLLUTED -> lightlyPolluted;
      case MODERATELY_POLLUTED -> moderatelyPolluted;
      case HEAVILY_POLLUTED -> heavilyPolluted;
      case SEVERELY_POLLUTED -> severelyPolluted;
    };
  }

  /** Valid days (有效监测天数): every day with a daily AQI. */
  public int validDays() {
    return excellent
        + good
        + lightlyPolluted
        + moderatelyPolluted
        + heavilyPolluted
        + severelyPolluted;
  }

  /** Good days (优良天数, 达标天数): AQI ≤ 100, 优 + 良. */
  public int goodDays() {
    return excellent + good;
  }

  /** Heavy-pollution days (重污染天数): AQI &gt; 200, 重度 + 严重污染. */
  public int heavyPollutionDays() {
    return heavilyPolluted + severelyPolluted;
  }

  /** Severe-pollution days (严重污染天数): AQI &gt; 300. */
  public int severePollutionDays() {
    return severelyPolluted;
  }

  /**
   * The good-day ratio (优良天数比例), %: good days / valid days × 100, unrounded (publish with {@link
   * BulletinRounding#ratio}); NaN without valid days.
   */
  public double goodDayRatio() {
    return ratio(goodDays());
  }

  /**
   * The heavy-pollution-day ratio (重污染天数比例), %: heavy days / valid days × 100; NaN without valid
   * days.
   */
  public double heavyPollutionRatio() {
    return ratio(heavyPollutionDays());
  }

  private double ratio(int days) {
    int valid = validDays();
    // 100 · days is exact, so this is the double nearest to the exact ratio: a tie such as 6.25
    // stays a tie.
    return valid == 0 ? Double.NaN : 100.0 * days / valid;
  }
}
