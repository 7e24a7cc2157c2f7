package io.ecostream.streams.intake;

import io.ecostream.avro.DeadLetter;

/**
 * What the intake made of one raw record: the decoded, valid value, or the dead letter that records
 * why it could not be used. Exactly one of the two is set.
 */
public record Intake<V>(V value, DeadLetter deadLetter) {

  public static <V> Intake<V> accepted(V value) {
    return new Intake<>(value, null);
  }

  public static <V> Intake<V> rejected(DeadLetter deadLetter) {
    return new Intake<>(null, deadLetter);
  }

  public boolean isAccepted() {
    return value != null;
  }
}
