package io.ecostream.domain.stats;

/**
 * The O3 daily maximum 8-hour average (日最大 8 小时滑动平均, MDA8) of one natural day, with what its
 * validity was judged on; computed by {@link Ozone#dailyMax8h}.
 *
 * @param max the largest of the valid 8-hour averages, µg/m³, unrounded; NaN when no window is
 *     valid. Present even when the MDA8 is not valid, for diagnostics
 * @param validWindows how many of the 17 windows (ending 08:00 … 24:00) had enough hourly values
 * @param valid whether the MDA8 is valid under the {@link ValidityRules} it was computed with
 */
public record Mda8(double max, int validWindows, boolean valid) {

  /** The MDA8 if valid, else NaN (the "missing" marker of daily values). */
  public double valueOrNaN() {
    return valid ? max : Double.NaN;
  }
}
