package io.ecostream.producer.cli;

import io.ecostream.producer.Pacing;
import java.util.Optional;

/** The --speed option of simulate and replay: simulated seconds per wall second, or max. */
final class Speeds {

  private Speeds() {}

  /** The pacing a --speed value asks for; empty if it is neither a positive number nor max. */
  static Optional<Pacing> parse(String value) {
    String text = value == null ? "" : value.trim();
    if (text.equalsIgnoreCase("max")) {
      return Optional.of(Pacing.asFastAsPossible());
    }
    try {
      double n = Double.parseDouble(text);
      if (n > 0 && Double.isFinite(n)) {
        return Optional.of(Pacing.speed(n));
      }
    } catch (NumberFormatException e) {
      // not a number: empty
    }
    return Optional.empty();
  }

  static String invalid(String value) {
    return "--speed must be a positive number or 'max', got '" + value + "'";
  }
}
