package io.ecostream.streams.intake;

import io.ecostream.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letter of the input record being processed: where it came from, why, its bytes. */
public final class DeadLetters {

  private DeadLetters() {}

  /** The dead letter of a record that a processor (not the intake) set aside. */
  public static DeadLetter of(
      ProcessingContext context,
      Record<String, ?> record,
      byte[] valueBytes,
      Rejection rejection) {
    return build(context.recordMetadata(), record.key(), record.timestamp(), valueBytes, rejection);
  }

  static DeadLetter of(
      FixedKeyProcessorContext<?, ?> context,
      FixedKeyRecord<String, ?> record,
      byte[] valueBytes,
      Rejection rejection) {
    return build(context.recordMetadata(), record.key(), record.timestamp(), valueBytes, rejection);
  }

  private static DeadLetter build(
      Optional<RecordMetadata> source, String key, long timestamp, byte[] valueBytes, Rejection rejection) {
    return DeadLetter.newBuilder()
        .setSourceTopic(source.map(RecordMetadata::topic).orElse("unknown"))
        .setPartition(source.map(RecordMetadata::partition).orElse(-1))
        .setOffset(source.map(RecordMetadata::offset).orElse(-1L))
        .setRecordTimestamp(Instant.ofEpochMilli(timestamp))
        .setReason(rejection.reason().code())
        .setDetail(rejection.detail())
        .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
        .setValue(valueBytes == null ? null : ByteBuffer.wrap(valueBytes))
        .build();
  }
}
