package io.ecostream.streams.intake;

import io.ecostream.streams.metrics.PipelineMetrics;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The check every input record passes, for {@link DecodeAndValidate} and for a processor that
 * routes the outcome itself: counts the record in, decodes and validates its bytes, and makes what
 * cannot be used a dead letter (counted by its reason) that records where the record was read.
 */
public final class IntakeCheck<V> {

  private final Deserializer<V> deserializer;
  private final Validator<V> validator;
  private final PipelineMetrics metrics;

  public IntakeCheck(
      Deserializer<V> deserializer, Validator<V> validator, PipelineMetrics metrics) {
    this.deserializer = deserializer;
    this.validator = validator;
    this.metrics = metrics;
  }

  /** The record's value decoded and valid, or its dead letter. */
  public Intake<V> check(ProcessingContext context, String key, long timestamp, byte[] bytes) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
    metrics.recordIn(topic);
    Rejection rejection;
    if (bytes == null) {
      rejection = Rejection.undecodable("empty value (tombstone) on an input topic");
    } else {
      try {
        V value = deserializer.deserialize(topic, bytes);
        Optional<Rejection> invalid = validator.check(value);
        if (invalid.isEmpty()) {
          return Intake.accepted(value);
        }
        rejection = invalid.get();
      } catch (SerializationException e) {
        rejection = Rejection.undecodable(e.getMessage());
      }
    }
    metrics.deadLetter(rejection.reason().code());
    return Intake.rejected(DeadLetters.of(context, key, timestamp, bytes, rejection));
  }
}
