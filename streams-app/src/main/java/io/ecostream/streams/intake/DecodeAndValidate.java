package io.ecostream.streams.intake;

import io.ecostream.streams.metrics.PipelineMetrics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns the raw bytes of an input topic into a decoded, validated value or a dead letter. Input
 * values are read as bytes, not through a value serde, so that one undecodable record becomes a
 * dead letter carrying its topic, partition and offset instead of stopping the stream thread.
 */
public final class DecodeAndValidate<V> implements FixedKeyProcessor<String, byte[], Intake<V>> {

  private final IntakeCheck<V> check;
  private FixedKeyProcessorContext<String, Intake<V>> context;

  public DecodeAndValidate(
      Deserializer<V> deserializer, Validator<V> validator, PipelineMetrics metrics) {
    this.check = new IntakeCheck<>(deserializer, validator, metrics);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Intake<V>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    Intake<V> intake = check.check(context, record.key(), record.timestamp(), record.value());
    if (intake.isAccepted()) {
      context.forward(record.withValue(intake));
    } else {
      // The dead letter carries what it needs; the input's headers, of any size, stay behind.
      context.forward(record.withValue(intake).withHeaders(new RecordHeaders()));
    }
  }

  @Override
  public void close() {}
}
