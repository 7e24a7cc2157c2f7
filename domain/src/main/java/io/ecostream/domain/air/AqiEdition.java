package io.ecostream.domain.air;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The edition of the AQI technical regulation (环境空气质量指数（AQI）技术规定) a figure is computed under.
 *
 * <p>HJ 633-2026 replaces HJ 633-2012 and is in force from 2026-03-01. Replayed data must keep the
 * rules of its own date, so the edition is chosen by the date of the data, not by the date of the
 * computation.
 */
public enum AqiEdition {
  HJ_633_2012(2012),
  HJ_633_2026(2026);

  /** First day the data are computed under HJ 633-2026 (the date it came into force). */
  public static final LocalDate HJ_633_2026_IN_FORCE = LocalDate.of(2026, 3, 1);

  private final int year;

  AqiEdition(int year) {
    this.year = year;
  }

  /** The year in the standard's number, e.g. 2012. */
  public int year() {
    return year;
  }

  /** The standard's number as printed, e.g. {@code "HJ 633-2012"}. */
  public String label() {
    return "HJ 633-" + year;
  }

  /**
   * The edition that applies to data of the given (local) date: {@link #HJ_633_2012} before
   * 2026-03-01, {@link #HJ_633_2026} from 2026-03-01 on.
   */
  public static AqiEdition forDate(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return date.isBefore(HJ_633_2026_IN_FORCE) ? HJ_633_2012 : HJ_633_2026;
  }
}
