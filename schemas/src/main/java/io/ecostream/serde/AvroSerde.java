package io.ecostream.serde;

import io.ecostream.serde.WriterCompiler.UnsupportedSchemaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for any generated Avro record, using Avro's single-object encoding: a two-byte marker, the
 * 8-byte fingerprint of the writer's schema, then the binary body. The fingerprint lets the reader
 * resolve a record written with an older version of the schema (see {@link SchemaHistory}) with no
 * schema registry. Nulls pass through (tombstones); failures become {@link SerializationException}.
 *
 * <p>Records are written by a {@link SingleObjectWriter} compiled from the schema, which writes the
 * bytes Avro's {@code BinaryMessageEncoder} writes at a fraction of the cost; Avro's encoder stays
 * for a schema the compiler does not cover and for a record the compiled writer was not built for
 * (which Avro then writes or rejects). A record written with the current schema is read by a {@link
 * CompiledReader} where its schema allows; one written with an older schema, or of a type the
 * compiled readers do not cover, is read by Avro, after a pass that checks every length in the
 * bytes against the bytes themselves.
 */
public final class AvroSerde<T extends SpecificRecord>
    implements RecordSerde<T>, Serializer<T>, Deserializer<T> {

  /** Package of the classes generated from ecostream's own schemas (and its subpackages). */
  private static final String GENERATED_PACKAGE = "io.ecostream.avro";

  /** Single-object encoding: the marker C3 01, then the 8-byte little-endian fingerprint. */
  private static final int HEADER_LENGTH = 10;

  static {
    // Avro 1.12 refuses to instantiate classes it does not trust when it resolves a writer's
    // schema; ecostream's generated records are trusted, nothing else is added.
    ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(current, AvroSerde::isGenerated));
  }

  private static boolean isGenerated(Class<?> type) {
    String name = type.getPackageName();
    return name.equals(GENERATED_PACKAGE) || name.startsWith(GENERATED_PACKAGE + ".");
  }

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  /**
   * The length checks of the schemas Avro's decoder reads, by their single-object fingerprint: the
   * older ones, and the current one when no compiled reader reads it.
   */
  private final Map<Long, LengthCheck> lengthChecks = new HashMap<>();

  /** Null when the schema has something the compiler does not cover: Avro writes every record. */
  private final SingleObjectWriter<T> compiledWriter;

  /** The current schema's single-object fingerprint, the records {@link #compiledReader} reads. */
  private final long currentFingerprint;

  /** Null when the schema has something the compiler does not cover: Avro reads every record. */
  private final CompiledReader<T> compiledReader;

  private AvroSerde(Class<T> type, SchemaHistory history) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    Schema current = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.compiledWriter = compileWriter(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current);
    this.currentFingerprint = SchemaNormalization.parsingFingerprint64(current);
    this.compiledReader = compileReader(model, current);
    if (compiledReader == null) {
      lengthChecks.put(currentFingerprint, LengthCheck.of(current));
    }
    for (Schema older : history.olderVersionsOf(current)) {
      decoder.addSchema(older);
      lengthChecks.put(SchemaNormalization.parsingFingerprint64(older), LengthCheck.of(older));
    }
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type, SchemaHistory.bundled());
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaHistory history) {
    return new AvroSerde<>(type, history);
  }

  private static <T extends SpecificRecord> SingleObjectWriter<T> compileWriter(
      SpecificData model, Schema schema) {
    try {
      return SingleObjectWriter.compile(model, schema);
    } catch (UnsupportedSchemaException e) {
      return null;
    }
  }

  private static <T extends SpecificRecord> CompiledReader<T> compileReader(
      SpecificData model, Schema schema) {
    try {
      return CompiledReader.compile(model, schema);
    } catch (UnsupportedSchemaException e) {
      return null;
    }
  }

  @Override
  public Class<T> type() {
    return type;
  }

  /** Whether a compiled reader reads the records of the current schema (else Avro does). */
  boolean readsCompiled() {
    return compiledReader != null;
  }

  /** The compiled writer of this type's records; empty when Avro's encoder writes them all. */
  Optional<SingleObjectWriter<T>> compiledWriter() {
    return Optional.ofNullable(compiledWriter);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (compiledWriter != null) {
      try {
        return compiledWriter.write(data);
      } catch (RuntimeException notAsCompiled) {
        // A value of another shape than the schema's classes (a null where the schema has none,
        // say): Avro's encoder writes it the way it always did, or says what is wrong with it.
      }
    }
    try {
      ByteBuffer encoded = encoder.encode(data);
      byte[] array = encoded.array();
      if (encoded.arrayOffset() == 0 && encoded.remaining() == array.length) {
        return array;
      }
      byte[] copy = new byte[encoded.remaining()];
      encoded.get(copy);
      return copy;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot encode " + type.getSimpleName() + " for topic " + topic + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      if (compiledReader != null && hasHeader(data) && fingerprint(data) == currentFingerprint) {
        return compiledReader.read(data, HEADER_LENGTH);
      }
      checkLengths(data);
      return decoder.decode(data);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot decode " + type.getSimpleName() + " from topic " + topic + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Walks the body with the writer's schema, skipping every value, so that a length that runs past
   * the end of the bytes fails here. Avro's decoder allocates a string or bytes of the length it
   * reads before it finds the bytes missing: ten bytes of garbage after a known fingerprint could
   * ask for 2 GB and end the JVM with an OutOfMemoryError. A header the decoder would refuse is
   * left to it, for its message.
   */
  private void checkLengths(byte[] data) throws IOException {
    if (!hasHeader(data)) {
      return;
    }
    LengthCheck check = lengthChecks.get(fingerprint(data));
    if (check != null) {
      check.check(data, HEADER_LENGTH);
    }
  }

  private static boolean hasHeader(byte[] data) {
    return data.length >= HEADER_LENGTH && data[0] == (byte) 0xC3 && data[1] == (byte) 0x01;
  }

  private static long fingerprint(byte[] data) {
    long fingerprint = 0;
    for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
      fingerprint = (fingerprint << 8) | (data[i] & 0xFF);
    }
    return fingerprint;
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
