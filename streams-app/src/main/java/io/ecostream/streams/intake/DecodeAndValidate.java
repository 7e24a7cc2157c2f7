package io.ecostream.streams.intake;

import io.ecostream.avro.DeadLetter;
import io.ecostream.streams.metrics.PipelineMetrics;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
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
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
    metrics.recordIn(topic);
    Intake<V> intake = intake(topic, record);
    if (intake.isAccepted()) {
      context.forward(record.withValue(intake));
    } else {
      metrics.deadLetter(intake.deadLetter().getReason());
      // The dead letter carries what it needs; the input's headers, of any size, stay behind.
      context.forward(record.withValue(intake).withHeaders(new RecordHeaders()));
    }
  }

  private Intake<V> intake(String topic, FixedKeyRecord<String, byte[]> record) {
    return intake(
        deserializer,
        validator,
        topic,
        record.value(),
        rejection -> DeadLetters.of(context, record, record.value(), rejection));
  }

  /**
   * The decoded, valid value of an input record's bytes, or its dead letter: the intake's own step,
   * for a processor that routes the outcome itself.
   */
  public static <V> Intake<V> intake(
      Deserializer<V> deserializer,
      Validator<V> validator,
      String topic,
      byte[] bytes,
      Function<Rejection, DeadLetter> deadLetter) {
    if (bytes == null) {
      return Intake.rejected(
          deadLetter.apply(Rejection.undecodable("empty value (tombstone) on an input topic")));
    }
    V value;
    try {
      value = deserializer.deserialize(topic, bytes);
    } catch (SerializationException e) {
      return Intake.rejected(deadLetter.apply(Rejection.undecodable(e.getMessage())));
    }
    Optional<Rejection> rejection = validator.check(value);
    return rejection.isPresent()
        ? Intake.rejected(deadLetter.apply(rejection.get()))
        : Intake.accepted(value);
  }

  @Override
  public void close() {}
}
