package io.ecostream.streams.intake;

import io.ecostream.streams.metrics.PipelineMetrics;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns the raw bytes of an input topic into a decoded, validated value or a dead letter. Input
 * values are read as bytes, not through a value serde, so that one undecodable record becomes a
 * dead letter carrying its topic, partition and offset instead of stopping the stream thread.
 */
public final class DecodeAndValidate<V> implements FixedKeyProcessor<String, byte[], Intake<V>> {

  private final Deserializer<V> deserializer;
  private final Validator<V> validator;
  private final PipelineMetrics metrics;
  private FixedKeyProcessorContext<String, Intake<V>> context;

  public DecodeAndValidate(
      Deserializer<V> deserializer, Validator<V> validator, PipelineMetrics metrics) {
    this.deserializer = deserializer;
    this.validator = validator;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Intake<V>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    Intake<V> intake =
        intake(
            context,
            metrics,
            deserializer,
            validator,
            record.key(),
            record.timestamp(),
            record.value());
    if (intake.isAccepted()) {
      context.forward(record.withValue(intake));
    } else {
      // The dead letter carries what it needs; the input's headers, of any size, stay behind.
      context.forward(record.withValue(intake).withHeaders(new RecordHeaders()));
    }
  }

  /**
   * The intake's step, for this processor and for one that routes the outcome itself: counts the
   * record in, decodes and validates its bytes, and makes what cannot be used a dead letter
   * (counted by its reason) that records where the record was read.
   */
  public static <V> Intake<V> intake(
      ProcessingContext context,
      PipelineMetrics metrics,
      Deserializer<V> deserializer,
      Validator<V> validator,
      String key,
      long timestamp,
      byte[] bytes) {
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

  @Override
  public void close() {}
}
