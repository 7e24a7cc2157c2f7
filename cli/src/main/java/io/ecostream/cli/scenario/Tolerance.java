package io.ecostream.cli.scenario;

import java.util.Locale;

/**
 * How far a result may be from its target: an amount in the figure's own unit (percentage points
 * for the good-day ratio, days for day counts), or a share of the target ({@code relative}).
 *
 * @param amount the allowed difference, ≥ 0; per cent of the target when relative
 */
public record Tolerance(double amount, boolean relative) {

  /** Published figures are rounded decimals; a difference equal to the tolerance passes. */
  private static final double SLACK = 1e-9;

  public Tolerance {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException("a tolerance must be a finite number ≥ 0, got " + amount);
    }
  }

  /** {@code "5%"} (of the target) or a plain number such as {@code "3"} or {@code "0.15"}. */
  public static Tolerance parse(String text) {
    String trimmed = text.strip();
    boolean relative = trimmed.endsWith("%");
    String number = relative ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
    try {
      return new Tolerance(Double.parseDouble(number), relative);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a tolerance is a number or a percentage such as 5%, got '" + text + "'");
    }
  }

  /** The allowed difference from this target, in the figure's unit. */
  public double absolute(double target) {
    return relative ? Math.abs(target) * amount / 100 : amount;
  }

  public boolean allows(double target, double result) {
    return !Double.isNaN(result) && Math.abs(result - target) <= absolute(target) + SLACK;
  }

  @Override
  public String toString() {
    String number =
        amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount);
    return relative ? String.format(Locale.ROOT, "±%s %%", number) : "±" + number;
  }
}
