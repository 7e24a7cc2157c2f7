package io.ecostream.domain.water;

import io.ecostream.domain.stats.BulletinRounding;

/** Shares of counted sections, points or sources, as bulletins publish them. */
final class Shares {

  private static final double HUNDRED = 100;

  private Shares() {}

  /**
   * part / total × 100 %, rounded to one decimal by GB/T 8170 ({@link BulletinRounding#ratio}); NaN
   * when the total is 0. 100 · part is exact and the division is correctly rounded, so a decimal
   * tie such as 1/16 = 6.25 % stays a tie (→ 6.2).
   */
  static double percent(long part, long total) {
    return total == 0 ? Double.NaN : BulletinRounding.ratio(HUNDRED * part / total);
  }
}
