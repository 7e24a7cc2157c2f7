package io.ecostream.serde;

import io.ecostream.serde.WriterCompiler.UnsupportedSchemaException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Reads the binary body of a generated record written with its class's own schema, with steps built
 * once from that schema: what Avro's {@code SpecificDatumReader} reads, without its resolution and
 * dispatch at every value, and with every length checked against the bytes before anything is
 * allocated for it. Covers records, enums, unions, the primitive types but bytes, and the {@code
 * date} and {@code timestamp-millis} logical types: the input records (readings, samples, stations)
 * and what they are made of. Anything else makes {@link #compile} throw, and Avro reads that type;
 * Avro also reads every record written with an older schema, which needs resolving.
 *
 * <p>It fails where Avro fails (a body that ends early, a union branch or enum symbol the schema
 * does not have, a number of more than its bytes) and reads what Avro reads everywhere else, a
 * boolean byte other than 1 as false and text that is not UTF-8 with replacement characters
 * included; bytes after the body are ignored, as Avro ignores them.
 */
final class CompiledReader<T> {

  private static final VarHandle INT_LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** One value, read from the input's position on. */
  private interface Step {
    Object read(Input in) throws IOException;
  }

  private final Step body;

  private CompiledReader(Step body) {
    this.body = body;
  }

  /**
   * The reader of {@code schema}'s records, the schema of a generated record class.
   *
   * @throws UnsupportedSchemaException if the schema has a type or logical type not covered
   */
  static <T> CompiledReader<T> compile(SpecificData model, Schema schema)
      throws UnsupportedSchemaException {
    if (schema.getType() != Schema.Type.RECORD) {
      throw new UnsupportedSchemaException(schema.getFullName(), "not a record");
    }
    return new CompiledReader<>(new Compiler(model).record(schema, schema.getName()));
  }

  /**
   * The record whose body begins at {@code from}.
   *
   * @throws IOException where Avro's decoder would fail to read it
   */
  @SuppressWarnings("unchecked")
  T read(byte[] data, int from) throws IOException {
    return (T) body.read(new Input(data, from));
  }

  private static final class Input {
    private final byte[] data;
    private int position;

    Input(byte[] data, int position) {
      this.data = data;
      this.position = position;
    }

    /** An int as Avro reads one: at most five bytes, the bits past the 32nd of the fifth lost. */
    int readInt() throws IOException {
      int raw = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = next();
        raw |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return (raw >>> 1) ^ -(raw & 1);
        }
      }
      throw new IOException("Invalid int encoding");
    }

    /** A long as Avro reads one: at most ten bytes. */
    long readLong() throws IOException {
      long raw = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        long b = next();
        raw |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return (raw >>> 1) ^ -(raw & 1);
        }
      }
      throw new IOException("Invalid long encoding");
    }

    double readDouble() throws IOException {
      need(Double.BYTES);
      double value = Double.longBitsToDouble((long) LONG_LITTLE_ENDIAN.get(data, position));
      position += Double.BYTES;
      return value;
    }

    float readFloat() throws IOException {
      need(Float.BYTES);
      float value = Float.intBitsToFloat((int) INT_LITTLE_ENDIAN.get(data, position));
      position += Float.BYTES;
      return value;
    }

    boolean readBoolean() throws IOException {
      return next() == 1;
    }

    String readString() throws IOException {
      int length = readInt();
      if (length < 0) {
        throw new IOException("Malformed data. Length is negative: " + length);
      }
      need(length);
      String value = new String(data, position, length, StandardCharsets.UTF_8);
      position += length;
      return value;
    }

    /** An index into {@code count} choices (a union's branches, an enum's symbols). */
    int readIndex(int count, String what) throws IOException {
      int index = readInt();
      if (index < 0 || index >= count) {
        throw new IOException(what + " " + index + " of " + count);
      }
      return index;
    }

    private int next() throws IOException {
      if (position >= data.length) {
        throw new EOFException("the record ends inside a value");
      }
      return data[position++] & 0xFF;
    }

    private void need(int bytes) throws IOException {
      if (bytes > data.length - position) {
        throw new EOFException(
            "a value in the record runs past the end of its " + data.length + " bytes");
      }
    }
  }

  private static final class Compiler {
    private final SpecificData model;

    /** By full name, filled before its fields so that a recursive record refers to itself. */
    private final Map<String, Step[]> records = new HashMap<>();

    Compiler(SpecificData model) {
      this.model = model;
    }

    Step record(Schema schema, String where) throws UnsupportedSchemaException {
      Class<?> type = WriterCompiler.generatedClass(model, schema, where);
      if (!SpecificRecordBase.class.isAssignableFrom(type)
          || !schema.equals(model.getSchema(type))) {
        throw new UnsupportedSchemaException(
            where, type.getName() + " is not this schema's record");
      }
      Constructor<?> constructor;
      SpecificRecordBase conversions;
      try {
        constructor = type.getDeclaredConstructor();
        conversions = (SpecificRecordBase) constructor.newInstance();
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new UnsupportedSchemaException(where, "cannot create a " + type.getName() + ": " + e);
      }
      Step[] fields = records.get(schema.getFullName());
      if (fields == null) {
        fields = new Step[schema.getFields().size()];
        records.put(schema.getFullName(), fields);
        for (Schema.Field field : schema.getFields()) {
          fields[field.pos()] =
              field(
                  field.schema(),
                  conversions.getConversion(field.pos()),
                  where + "." + field.name());
        }
      }
      Step[] steps = fields;
      return in -> {
        SpecificRecordBase record;
        try {
          record = (SpecificRecordBase) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < steps.length; i++) {
          record.put(i, steps[i].read(in));
        }
        return record;
      };
    }

    /**
     * A record's field: Avro converts a field with a logical type of its own by the record's
     * conversion for that field, and reads it raw when the record has none.
     */
    private Step field(Schema schema, Conversion<?> conversion, String where)
        throws UnsupportedSchemaException {
      if (schema.getLogicalType() == null) {
        return value(schema, where);
      }
      return conversion == null ? raw(schema, where) : converted(schema, conversion, where);
    }

    /** A value outside a record's own field: converted by the model's conversion, if any. */
    private Step value(Schema schema, String where) throws UnsupportedSchemaException {
      LogicalType logicalType = schema.getLogicalType();
      if (logicalType == null) {
        return raw(schema, where);
      }
      Conversion<?> conversion = model.getConversionFor(logicalType);
      return conversion == null ? raw(schema, where) : converted(schema, conversion, where);
    }

    private Step converted(Schema schema, Conversion<?> conversion, String where)
        throws UnsupportedSchemaException {
      if (conversion.getClass() == TimeConversions.TimestampMillisConversion.class
          && schema.getType() == Schema.Type.LONG) {
        return in -> Instant.ofEpochMilli(in.readLong());
      }
      if (conversion.getClass() == TimeConversions.DateConversion.class
          && schema.getType() == Schema.Type.INT) {
        return in -> LocalDate.ofEpochDay(in.readInt());
      }
      throw new UnsupportedSchemaException(
          where, "logical type " + schema.getLogicalType().getName() + " on " + schema.getType());
    }

    private Step raw(Schema schema, String where) throws UnsupportedSchemaException {
      switch (schema.getType()) {
        case NULL:
          return in -> null;
        case BOOLEAN:
          return Input::readBoolean;
        case INT:
          return Input::readInt;
        case LONG:
          return Input::readLong;
        case FLOAT:
          return Input::readFloat;
        case DOUBLE:
          return Input::readDouble;
        case STRING:
          if (!"String".equals(schema.getProp(GenericData.STRING_PROP))) {
            // Avro reads it as a Utf8, a CharSequence of its own.
            throw new UnsupportedSchemaException(where, "a string not read as java.lang.String");
          }
          return Input::readString;
        case ENUM:
          return enumeration(schema, where);
        case UNION:
          return union(schema.getTypes(), where);
        case RECORD:
          return record(schema, where);
        default:
          throw new UnsupportedSchemaException(where, "type " + schema.getType());
      }
    }

    private Step enumeration(Schema schema, String where) throws UnsupportedSchemaException {
      Object[] constants = WriterCompiler.enumClass(model, schema, where).getEnumConstants();
      return in -> constants[in.readIndex(constants.length, "enum symbol")];
    }

    private Step union(List<Schema> types, String where) throws UnsupportedSchemaException {
      Step[] branches = new Step[types.size()];
      for (int i = 0; i < branches.length; i++) {
        branches[i] = value(types.get(i), where + "<" + types.get(i).getName() + ">");
      }
      return in -> branches[in.readIndex(branches.length, "union branch")].read(in);
    }
  }
}
