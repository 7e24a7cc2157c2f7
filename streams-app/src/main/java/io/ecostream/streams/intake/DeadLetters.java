package io.ecostream.streams.intake;

import io.ecostream.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Builds the dead letter of the input record being processed: where it came from, why, its bytes.
 *
 * <p>A dead letter must always be small enough to send, whatever the record: a value just under the
 * broker's limit, wrapped with its coordinates and reason, is over the producer's {@code
 * max.request.size} (1 MiB by default), and a dead letter that cannot be sent would stop the
 * pipeline on that record at every restart. So the key, the value and the detail (an exception
 * message may echo the input) are cut to the bounds below, which keep a dead letter under 30 KiB,
 * and the size and SHA-256 of the whole key and value are kept, with {@code truncated} set when
 * anything was cut.
 */
public final class DeadLetters {

  /** Keys are ids (a city, a station): a few dozen bytes. */
  public static final int MAX_KEY_BYTES = 1_024;

  /** An input record is a few hundred bytes: 16 KiB shows what any bad one is. */
  public static final int MAX_VALUE_BYTES = 16_384;

  /** Up to 4 bytes each in UTF-8. */
  public static final int MAX_DETAIL_CHARS = 2_000;

  private static final HexFormat HEX = HexFormat.of();

  private DeadLetters() {}

  /**
   * The key of a dead letter that a processor sets aside: {@code topic/partition/offset} of its
   * input.
   */
  public static String key(ProcessingContext context) {
    return context
        .recordMetadata()
        .map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
        .orElse("unknown");
  }

  /** The key a dead letter is published under: {@code topic/partition/offset} of its record. */
  public static String key(DeadLetter letter) {
    return letter.getSourceTopic() + "/" + letter.getPartition() + "/" + letter.getOffset();
  }

  /** The topic of the record being processed, empty outside one. */
  public static String sourceTopic(ProcessingContext context) {
    return context.recordMetadata().map(RecordMetadata::topic).orElse("");
  }

  /** The dead letter of a record that a processor (not the intake) set aside. */
  public static DeadLetter of(
      ProcessingContext context, Record<String, ?> record, byte[] valueBytes, Rejection rejection) {
    return of(context.recordMetadata(), record.key(), record.timestamp(), valueBytes, rejection);
  }

  /** The dead letter of the record being processed, given its key, timestamp and value bytes. */
  static DeadLetter of(
      ProcessingContext context,
      String key,
      long timestamp,
      byte[] valueBytes,
      Rejection rejection) {
    return of(context.recordMetadata(), key, timestamp, valueBytes, rejection);
  }

  private static DeadLetter of(
      Optional<RecordMetadata> source,
      String key,
      long timestamp,
      byte[] valueBytes,
      Rejection rejection) {
    return of(
        source.map(RecordMetadata::topic).orElse("unknown"),
        source.map(RecordMetadata::partition).orElse(-1),
        source.map(RecordMetadata::offset).orElse(-1L),
        timestamp,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        valueBytes,
        rejection);
  }

  /** The dead letter of a record read at {@code topic/partition/offset}, cut to the bounds. */
  public static DeadLetter of(
      String topic,
      int partition,
      long offset,
      long timestamp,
      byte[] key,
      byte[] value,
      Rejection rejection) {
    String detail = rejection.detail() == null ? "" : rejection.detail();
    boolean truncated =
        (key != null && key.length > MAX_KEY_BYTES)
            || (value != null && value.length > MAX_VALUE_BYTES)
            || detail.length() > MAX_DETAIL_CHARS;
    return DeadLetter.newBuilder()
        .setSourceTopic(topic)
        .setPartition(partition)
        .setOffset(offset)
        .setRecordTimestamp(Instant.ofEpochMilli(timestamp))
        .setReason(rejection.reason().code())
        .setDetail(shortened(detail))
        .setKey(head(key, MAX_KEY_BYTES))
        .setKeySize(key == null ? null : key.length)
        .setKeySha256(sha256(key))
        .setValue(head(value, MAX_VALUE_BYTES))
        .setValueSize(value == null ? null : value.length)
        .setValueSha256(sha256(value))
        .setTruncated(truncated)
        .build();
  }

  private static ByteBuffer head(byte[] bytes, int max) {
    if (bytes == null) {
      return null;
    }
    return ByteBuffer.wrap(bytes.length <= max ? bytes : Arrays.copyOf(bytes, max));
  }

  /** The detail, or its first characters (never half a surrogate pair) and how long it was. */
  static String shortened(String detail) {
    if (detail.length() <= MAX_DETAIL_CHARS) {
      return detail;
    }
    int end = MAX_DETAIL_CHARS;
    if (Character.isHighSurrogate(detail.charAt(end - 1))) {
      end--;
    }
    return detail.substring(0, end) + " … (cut; " + detail.length() + " characters in all)";
  }

  private static String sha256(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
