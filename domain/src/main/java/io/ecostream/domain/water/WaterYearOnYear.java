package io.ecostream.domain.water;

import io.ecostream.domain.stats.YearOnYear;
import java.util.OptionalDouble;

/**
 * Year-on-year changes (同比) of water figures, by the rules of {@link YearOnYear}
 * (docs/standards.md#year-on-year): shares change in percentage points ("同比上升 3.9 个百分点"), the CWQI
 * by its change rate ΔCWQI = (now − last) / last × 100 % (docs/standards.md#cwqi, assumed; &gt; 0
 * worse, since a lower CWQI is better). Pass the published figures (the default basis of {@link
 * YearOnYear}); results are unrounded, publish them with {@link
 * io.ecostream.domain.stats.BulletinRounding#changeRate}.
 */
public final class WaterYearOnYear {

  private WaterYearOnYear() {}

  /**
   * The change of a share (e.g. 优良水体比例, 劣V类比例, 达标率) in percentage points; empty if either is NaN.
   */
  public static OptionalDouble sharePoints(double currentPercent, double previousPercent) {
    return YearOnYear.percentagePoints(currentPercent, previousPercent);
  }

  /** ΔCWQI in %; empty if either is NaN or the previous CWQI is 0. */
  public static OptionalDouble cwqiChangeRate(double currentCwqi, double previousCwqi) {
    return YearOnYear.changeRate(currentCwqi, previousCwqi);
  }
}
