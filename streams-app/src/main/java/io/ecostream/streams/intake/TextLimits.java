package io.ecostream.streams.intake;

import java.util.Optional;

/**
 * The longest text an input record may carry in a field. Ids go into the keys and values of every
 * output and store record of their station or city, names into the station's figures: a station id
 * of a megabyte would make each of its figures too large to send. Real ids are a few to a few dozen
 * characters, names a few dozen.
 */
final class TextLimits {

  static final int MAX_ID_CHARS = 64;
  static final int MAX_NAME_CHARS = 256;

  private TextLimits() {}

  /**
   * The rejection of a field longer than {@code max} characters; empty when null or short enough.
   */
  static Optional<Rejection> tooLong(String field, String value, int max) {
    if (value == null || value.length() <= max) {
      return Optional.empty();
    }
    return Optional.of(
        Rejection.invalid(
            field + " is " + value.length() + " characters long, at most " + max + " allowed"));
  }

  /** The first rejection of the checks, in order. */
  @SafeVarargs
  static Optional<Rejection> first(Optional<Rejection>... checks) {
    for (Optional<Rejection> check : checks) {
      if (check.isPresent()) {
        return check;
      }
    }
    return Optional.empty();
  }
}
