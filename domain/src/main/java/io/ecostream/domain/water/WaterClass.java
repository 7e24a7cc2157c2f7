package io.ecostream.domain.water;

/**
 * The surface water class of GB 3838-2002 (地表水环境质量类别), best first: I to V, and 劣V for worse than V.
 * The declaration order is the order of quality, so {@code compareTo} and {@link #worse} pick the
 * worse class.
 */
public enum WaterClass {
  I("I", WaterGrade.EXCELLENT),
  II("II", WaterGrade.EXCELLENT),
  III("III", WaterGrade.GOOD),
  IV("IV", WaterGrade.LIGHTLY_POLLUTED),
  V("V", WaterGrade.MODERATELY_POLLUTED),
  /** 劣V类: the indicator or section meets none of the class limits. */
  WORSE_THAN_V("劣V", WaterGrade.HEAVILY_POLLUTED);

  private final String label;
  private final WaterGrade grade;

  WaterClass(String label, WaterGrade grade) {
    this.label = label;
    this.grade = grade;
  }

  /** The class as printed in bulletins: I, II, III, IV, V, 劣V (Roman numerals in ASCII). */
  public String label() {
    return label;
  }

  /** The number of the class, 1 for I to 6 for 劣V. */
  public int number() {
    return ordinal() + 1;
  }

  /**
   * The class of the number, 1 for I to 6 for 劣V (e.g. a station's target class, 1–5).
   *
   * @throws IllegalArgumentException if the number is outside 1–6
   */
  public static WaterClass ofNumber(int number) {
    WaterClass[] classes = values();
    if (number < 1 || number > classes.length) {
      throw new IllegalArgumentException("A water class number is 1–6, was " + number);
    }
    return classes[number - 1];
  }

  /**
   * The qualitative grade: I–II 优, III 良好, IV 轻度污染, V 中度污染, 劣V 重度污染
   * (docs/standards.md#section-class-and-shares).
   */
  public WaterGrade grade() {
    return grade;
  }

  /** Whether the class counts as 优良 (I–III, "优良水体比例"). */
  public boolean isGood() {
    return compareTo(III) <= 0;
  }

  /** The worse of the two classes. */
  public WaterClass worse(WaterClass other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
