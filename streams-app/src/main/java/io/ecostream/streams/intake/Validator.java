package io.ecostream.streams.intake;

import java.util.Optional;

/** Decides whether a decoded record may enter the statistics. */
@FunctionalInterface
public interface Validator<V> {

  /** Why the record must be rejected, or empty when it is valid. */
  Optional<Rejection> check(V value);
}
