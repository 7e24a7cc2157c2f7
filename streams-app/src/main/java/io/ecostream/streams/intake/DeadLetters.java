package io.ecostream.streams.intake;

import io.ecostream.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letter of the input record being processed: where it came from, why, its bytes. */
final class DeadLetters {

  private DeadLetters() {}

  static DeadLetter of(
      FixedKeyProcessorContext<?, ?> context,
      FixedKeyRecord<String, ?> record,
      byte[] valueBytes,
      Rejection rejection) {
    Optional<RecordMetadata> source = context.recordMetadata();
    return DeadLetter.newBuilder()
        .setSourceTopic(source.map(RecordMetadata::topic).orElse("unknown"))
        .setPartition(source.map(RecordMetadata::partition).orElse(-1))
        .setOffset(source.map(RecordMetadata::offset).orElse(-1L))
        .setRecordTimestamp(Instant.ofEpochMilli(record.timestamp()))
        .setReason(rejection.reason().code())
        .setDetail(rejection.detail())
        .setKey(
            record.key() == null
                ? null
                : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(valueBytes == null ? null : ByteBuffer.wrap(valueBytes))
        .build();
  }
}
