package io.ecostream.domain.air;

/**
 * The AQI level and category (空气质量指数级别/类别) with its display colour: HJ 633-2012 Table 2 and Table
 * A.1, HJ 633-2026 Table 1 and Table A.1 (identical in both editions).
 *
 * <p>AQI values are integers, so the ranges 0–50, 51–100, … cover every AQI. HJ 633-2026 writes 优
 * as "1～50"; an AQI of 0 (every concentration rounds to 0) is still {@link #EXCELLENT}.
 */
public enum AqiCategory {
  EXCELLENT(1, "优", "excellent", 0, 50, 0, 228, 0),
  GOOD(2, "良", "good", 51, 100, 255, 255, 0),
  LIGHTLY_POLLUTED(3, "轻度污染", "lightly polluted", 101, 150, 255, 126, 0),
  MODERATELY_POLLUTED(4, "中度污染", "moderately polluted", 151, 200, 255, 0, 0),
  HEAVILY_POLLUTED(5, "重度污染", "heavily polluted", 201, 300, 153, 0, 76),
  SEVERELY_POLLUTED(6, "严重污染", "severely polluted", 301, 500, 126, 0, 35);

  /** {@code values()} copies its array on every call: this is read per figure. */
  private static final AqiCategory[] ALL = values();

  private final int level;
  private final String chineseName;
  private final String englishName;
  private final int minAqi;
  private final int maxAqi;
  private final int rgb;

  AqiCategory(
      int level,
      String chineseName,
      String englishName,
      int minAqi,
      int maxAqi,
      int red,
      int green,
      int blue) {
    this.level = level;
    this.chineseName = chineseName;
    this.englishName = englishName;
    this.minAqi = minAqi;
    this.maxAqi = maxAqi;
    this.rgb = red << 16 | green << 8 | blue;
  }

  /** The level (级别), 1 (一级) to 6 (六级). */
  public int level() {
    return level;
  }

  /** The category as the standard names it, e.g. {@code "轻度污染"}. */
  public String chineseName() {
    return chineseName;
  }

  /** The category in English, lower case, e.g. {@code "lightly polluted"}. */
  public String englishName() {
    return englishName;
  }

  /** The lowest AQI of this category. */
  public int minAqi() {
    return minAqi;
  }

  /**
   * The highest AQI of this category; 500, the end of the AQI scale, for {@link
   * #SEVERELY_POLLUTED}.
   */
  public int maxAqi() {
    return maxAqi;
  }

  /** The display colour as {@code 0xRRGGBB}. */
  public int rgb() {
    return rgb;
  }

  /**
   * The display colour as {@code "#RRGGBB"}, upper-case hex, e.g. {@code "#00E400"} for {@link
   * #EXCELLENT}.
   */
  public String hexColour() {
    return String.format("#%06X", rgb);
  }

  /**
   * The category of an AQI.
   *
   * @throws IllegalArgumentException if the AQI is outside 0–500 (including {@link Iaqi#NONE}): the
   *     AQI scale ends at 500 and {@link Iaqi} never gives more, so a larger value is a bug
   *     upstream
   */
  public static AqiCategory of(int aqi) {
    for (AqiCategory category : ALL) {
      if (aqi >= category.minAqi && aqi <= category.maxAqi) {
        return category;
      }
    }
    throw new IllegalArgumentException("AQI must be within 0–500, was " + aqi);
  }
}
