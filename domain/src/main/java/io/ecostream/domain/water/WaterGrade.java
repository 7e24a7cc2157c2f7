package io.ecostream.domain.water;

/**
 * The qualitative grade (水质状况) of a section's class or of a river or basin
 * (docs/standards.md#river-grading, 环办〔2011〕22号 as quoted): 优, 良好, 轻度污染, 中度污染, 重度污染.
 */
public enum WaterGrade {
  EXCELLENT("优"),
  GOOD("良好"),
  LIGHTLY_POLLUTED("轻度污染"),
  MODERATELY_POLLUTED("中度污染"),
  HEAVILY_POLLUTED("重度污染");

  private final String label;

  WaterGrade(String label) {
    this.label = label;
  }

  /** The bulletin wording, e.g. 轻度污染. */
  public String label() {
    return label;
  }
}
