package io.ecostream.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of an output topic: writes its {@link OutputFormat}, reads either. A reader need not know
 * how the deployment was started ({@code tail}, {@code record} and the reports read every topic
 * alike), and a compacted topic switched from one format to the other keeps older values in the
 * first that still read. The two cannot be mistaken: single-object Avro starts with the byte C3, a
 * JSON object with a brace, possibly after white space. Nulls pass through (tombstones); failures
 * become {@link SerializationException}.
 */
public final class OutputSerde<T extends SpecificRecord>
    implements RecordSerde<T>, Serializer<T>, Deserializer<T> {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final AvroSerde<T> avro;
  private final OutputFormat format;

  private OutputSerde(AvroSerde<T> avro, OutputFormat format) {
    this.avro = avro;
    this.format = Objects.requireNonNull(format, "format");
  }

  public static <T extends SpecificRecord> OutputSerde<T> of(Class<T> type, OutputFormat format) {
    return new OutputSerde<>(AvroSerde.of(type), format);
  }

  @Override
  public Class<T> type() {
    return avro.type();
  }

  public OutputFormat format() {
    return format;
  }

  /** This topic's values written in {@code other}; the same serde if it already is. */
  public OutputSerde<T> withFormat(OutputFormat other) {
    return other == format ? this : new OutputSerde<>(avro, other);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (format == OutputFormat.AVRO) {
      return avro.serialize(topic, data);
    }
    try {
      return AvroJson.toJsonBytes(data);
    } catch (RuntimeException e) {
      throw new SerializationException(
          "cannot write "
              + type().getSimpleName()
              + " as JSON for topic "
              + topic
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (!isJsonObject(data)) {
      return avro.deserialize(topic, data);
    }
    try {
      JsonNode tree = MAPPER.readTree(data);
      return AvroJson.fromTree(tree, type());
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot decode "
              + type().getSimpleName()
              + " JSON from topic "
              + topic
              + ": "
              + e.getMessage(),
          e);
    }
  }

  static boolean isJsonObject(byte[] data) {
    for (byte b : data) {
      if (b == '{') {
        return true;
      }
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return false;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }
}
