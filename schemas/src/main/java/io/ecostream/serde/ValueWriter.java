package io.ecostream.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.AvroGenerated;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.Utf8;

/**
 * Writes one value of one schema, as {@code SpecificDatumWriter} would: {@link WriterCompiler}
 * builds a tree of these from a record's schema once, so that writing a record costs no schema
 * walk, no field lookup by name and no union search. Each writer takes the same Java values, with
 * the same conversions, that Avro takes for its schema; a value of another shape throws (an {@link
 * UnexpectedValue} or the exception Avro would throw), and {@link AvroSerde} then lets Avro's own
 * encoder write the record or report what is wrong with it.
 */
abstract class ValueWriter {

  abstract void write(Object value, AvroBinaryBuffer out);

  /** A value that is not of the Java class the writer was compiled for. */
  static final class UnexpectedValue extends RuntimeException {
    UnexpectedValue(String expected, Object found) {
      super(
          "expected "
              + expected
              + ", found "
              + (found == null ? "null" : found.getClass().getName()),
          null,
          false,
          false);
    }
  }

  static final class NullWriter extends ValueWriter {
    /** Avro writes nothing for a null, whatever the value. */
    @Override
    void write(Object value, AvroBinaryBuffer out) {}
  }

  // The casts below are the ones GenericDatumWriter makes: any Number for the numeric types.

  static final class BooleanWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeBoolean((Boolean) value);
    }
  }

  static final class IntWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeInt(((Number) value).intValue());
    }
  }

  static final class LongWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeLong(((Number) value).longValue());
    }
  }

  static final class FloatWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeFloat(((Number) value).floatValue());
    }
  }

  static final class DoubleWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeDouble(((Number) value).doubleValue());
    }
  }

  /**
   * Any CharSequence, as Avro writes it. A value of a "stringable" class (BigDecimal, URI …), which
   * Avro writes by its toString, is left to Avro: no generated class of ecostream holds one.
   */
  static final class StringWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      if (value instanceof String text) {
        out.writeString(text);
      } else if (value instanceof Utf8 utf8) {
        out.writeBytes(utf8.getBytes(), utf8.getByteLength());
      } else if (value instanceof CharSequence text) {
        out.writeString(text.toString());
      } else {
        throw new UnexpectedValue("a CharSequence", value);
      }
    }
  }

  static final class BytesWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeBytes((ByteBuffer) value);
    }
  }

  static final class FixedWriter extends ValueWriter {
    private final int size;

    FixedWriter(int size) {
      this.size = size;
    }

    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeFixed(((GenericFixed) value).bytes(), size);
    }
  }

  /**
   * A generated enum, written as its ordinal like SpecificDatumWriter does; the compiler checked
   * that each constant's ordinal is the index of its symbol in the schema.
   */
  static final class EnumWriter extends ValueWriter {
    private final Class<?> type;

    EnumWriter(Class<?> type) {
      this.type = type;
    }

    @Override
    void write(Object value, AvroBinaryBuffer out) {
      if (value == null || value.getClass() != type) {
        throw new UnexpectedValue(type.getName(), value);
      }
      out.writeInt(((Enum<?>) value).ordinal());
    }
  }

  /** {@code TimestampMillisConversion}, without the boxing. */
  static final class TimestampMillisWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeLong(((Instant) value).toEpochMilli());
    }
  }

  /** {@code DateConversion}, without the boxing. */
  static final class DateWriter extends ValueWriter {
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      out.writeInt((int) ((LocalDate) value).toEpochDay());
    }
  }

  /** Any other conversion, through the same call Avro makes. */
  static final class ConvertingWriter extends ValueWriter {
    private final Schema schema;
    private final LogicalType logicalType;
    private final Conversion<?> conversion;
    private final ValueWriter raw;

    ConvertingWriter(Schema schema, Conversion<?> conversion, ValueWriter raw) {
      this.schema = schema;
      this.logicalType = schema.getLogicalType();
      this.conversion = conversion;
      this.raw = raw;
    }

    @Override
    void write(Object value, AvroBinaryBuffer out) {
      raw.write(Conversions.convertToRawType(value, schema, logicalType, conversion), out);
    }
  }

  /**
   * A logical type outside a record's own field (in a union, an array or a map): Avro picks the
   * conversion by the value's class from the model, so this does too, with the usual class resolved
   * once.
   */
  static final class LogicalTypeWriter extends ValueWriter {
    private final Schema schema;
    private final LogicalType logicalType;
    private final SpecificData model;
    private final Class<?> usualClass;
    private final ValueWriter usualWriter;
    private final ValueWriter raw;

    LogicalTypeWriter(
        Schema schema,
        SpecificData model,
        Class<?> usualClass,
        ValueWriter usualWriter,
        ValueWriter raw) {
      this.schema = schema;
      this.logicalType = schema.getLogicalType();
      this.model = model;
      this.usualClass = usualClass;
      this.usualWriter = usualWriter;
      this.raw = raw;
    }

    @Override
    void write(Object value, AvroBinaryBuffer out) {
      if (value == null) {
        raw.write(null, out);
        return;
      }
      if (value.getClass() == usualClass) {
        usualWriter.write(value, out);
        return;
      }
      Conversion<?> conversion = model.getConversionByClass(value.getClass(), logicalType);
      raw.write(
          conversion == null
              ? value
              : Conversions.convertToRawType(value, schema, logicalType, conversion),
          out);
    }
  }

  static final class ArrayWriter extends ValueWriter {
    private final ValueWriter items;

    ArrayWriter(ValueWriter items) {
      this.items = items;
    }

    /** One block, as Avro writes it: the count (none when empty), the items, then a zero count. */
    @Override
    void write(Object value, AvroBinaryBuffer out) {
      Collection<?> collection = (Collection<?>) value;
      int size = collection.size();
      if (size > 0) {
        out.writeLong(size);
      }
      int written = 0;
      for (Object item : collection) {
        items.write(item, out);
        written++;
      }
      out.writeInt(0);
      if (written != size) {
        throw new UnexpectedValue("an array of " + size + " items", collection);
      }
    }
  }

  static final class MapWriter extends ValueWriter {
    private final ValueWriter values;

    MapWriter(ValueWriter values) {
      this.values = values;
    }

    @Override
    void write(Object value, AvroBinaryBuffer out) {
      Map<?, ?> map = (Map<?, ?>) value;
      int size = map.size();
      if (size > 0) {
        out.writeLong(size);
      }
      int written = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.writeString(entry.getKey().toString());
        values.write(entry.getValue(), out);
        written++;
      }
      out.writeInt(0);
      if (written != size) {
        throw new UnexpectedValue("a map of " + size + " entries", map);
      }
    }
  }

  /**
   * The branch of a union is the one {@code SpecificData.resolveUnion} picks, asked once per Java
   * class of value: for every class but a generic record, enum or fixed the answer depends on the
   * class alone, so it is kept.
   */
  static final class UnionWriter extends ValueWriter {
    /** Enough for any union ecostream writes; past it, resolving again is merely slower. */
    private static final int MAX_KNOWN_CLASSES = 16;

    private final Schema union;
    private final SpecificData model;
    private final ValueWriter[] branches;
    private final int nullBranch;

    /** Replaced, never changed: a thread that reads an older list just resolves again. */
    private KnownBranch known;

    UnionWriter(Schema union, SpecificData model, ValueWriter[] branches) {
      this.union = union;
      this.model = model;
      this.branches = branches;
      Integer nullIndex = union.getIndexNamed(Schema.Type.NULL.getName());
      this.nullBranch = nullIndex == null ? -1 : nullIndex;
    }

    @Override
    void write(Object value, AvroBinaryBuffer out) {
      if (value == null) {
        if (nullBranch < 0) {
          throw new UnexpectedValue("a value", null);
        }
        out.writeInt(nullBranch);
        return;
      }
      Class<?> type = value.getClass();
      int branch = -1;
      int count = 0;
      for (KnownBranch k = known; k != null; k = k.next) {
        if (k.type == type) {
          branch = k.branch;
          break;
        }
        count++;
      }
      if (branch < 0) {
        branch = model.resolveUnion(union, value);
        if (count < MAX_KNOWN_CLASSES && isResolvedByClass(value)) {
          known = new KnownBranch(type, branch, known);
        }
      }
      out.writeInt(branch);
      branches[branch].write(value, out);
    }

    private static boolean isResolvedByClass(Object value) {
      return !(value instanceof GenericContainer)
          || value instanceof Enum
          || value.getClass().isAnnotationPresent(AvroGenerated.class);
    }

    private record KnownBranch(Class<?> type, int branch, KnownBranch next) {}
  }

  /**
   * A generated record, field by field in schema order, each field read by position. A field with a
   * logical type of its own goes through the record's conversion for that field, as
   * SpecificDatumWriter does; the compiler chose the writer from it.
   */
  static final class RecordWriter extends ValueWriter {
    private final Class<?> type;
    private ValueWriter[] fields;

    RecordWriter(Class<?> type) {
      this.type = type;
    }

    /** Set once, after the fields are compiled: a field may be of this record's own type. */
    void setFields(ValueWriter[] fields) {
      this.fields = fields;
    }

    @Override
    void write(Object value, AvroBinaryBuffer out) {
      if (value == null || value.getClass() != type) {
        throw new UnexpectedValue(type.getName(), value);
      }
      IndexedRecord record = (IndexedRecord) value;
      ValueWriter[] writers = fields;
      for (int position = 0; position < writers.length; position++) {
        writers[position].write(record.get(position), out);
      }
    }
  }
}
