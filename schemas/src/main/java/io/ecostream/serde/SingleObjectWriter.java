package io.ecostream.serde;

import io.ecostream.serde.WriterCompiler.UnsupportedSchemaException;
import java.security.NoSuchAlgorithmException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes records of one generated class in Avro's single-object encoding, the bytes that {@code
 * BinaryMessageEncoder} writes, with a writer compiled from the class's schema (see {@link
 * WriterCompiler}). Safe for several threads at once: each writes into a buffer of its own, kept
 * between records.
 */
final class SingleObjectWriter<T extends SpecificRecord> {

  /** Avro's single-object marker, then the fingerprint of the writer's schema. */
  private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};

  private static final String FINGERPRINT = "CRC-64-AVRO";

  private static final int INITIAL_CAPACITY = 512;

  /** A thread's buffer grows to its largest record; one larger than this is not kept. */
  private static final int MAX_KEPT_CAPACITY = 256 * 1024;

  private static final ThreadLocal<AvroBinaryBuffer> BUFFERS =
      ThreadLocal.withInitial(() -> new AvroBinaryBuffer(INITIAL_CAPACITY));

  private final byte[] header;
  private final ValueWriter record;

  private SingleObjectWriter(byte[] header, ValueWriter record) {
    this.header = header;
    this.record = record;
  }

  /**
   * @throws UnsupportedSchemaException if the schema has something the compiled writers do not
   *     cover; Avro's encoder must write the class then
   */
  static <T extends SpecificRecord> SingleObjectWriter<T> compile(SpecificData model, Schema schema)
      throws UnsupportedSchemaException {
    return new SingleObjectWriter<>(header(schema), WriterCompiler.compileRecord(model, schema));
  }

  private static byte[] header(Schema schema) {
    byte[] fingerprint;
    try {
      fingerprint = SchemaNormalization.parsingFingerprint(FINGERPRINT, schema);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(FINGERPRINT + " is Avro's own fingerprint", e);
    }
    byte[] header = new byte[MARKER.length + fingerprint.length];
    System.arraycopy(MARKER, 0, header, 0, MARKER.length);
    System.arraycopy(fingerprint, 0, header, MARKER.length, fingerprint.length);
    return header;
  }

  /**
   * The record's single-object encoding, in an array of exactly its length.
   *
   * @throws RuntimeException if the record holds a value the writer was not compiled for (a null
   *     where the schema has none, a value of another class): Avro's encoder may still write it
   */
  byte[] write(T value) {
    AvroBinaryBuffer out = BUFFERS.get();
    out.clear();
    out.writeFixed(header, header.length);
    record.write(value, out);
    byte[] bytes = out.toByteArray();
    if (out.capacity() > MAX_KEPT_CAPACITY) {
      BUFFERS.remove();
    }
    return bytes;
  }
}
