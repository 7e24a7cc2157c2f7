package io.ecostream.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Walks a record's binary body with its writer's schema, reading nothing but the lengths, counts
 * and union branches that say where the next value starts, so that a length running past the end of
 * the bytes fails before Avro's decoder allocates what it announces (ten bytes of garbage after a
 * known fingerprint could ask for a 2 GB string). Built once per writer schema: the walk of {@code
 * GenericDatumReader.skip} without its dispatch on the schema at every value.
 */
final class LengthCheck {

  /** One value's walk, from the cursor's position to the position after it. */
  private interface Step {
    void skip(Cursor cursor) throws IOException;
  }

  private final Step body;

  private LengthCheck(Step body) {
    this.body = body;
  }

  static LengthCheck of(Schema writer) {
    return new LengthCheck(new Compiler().step(writer));
  }

  /**
   * Walks the body {@code data[from, data.length)}.
   *
   * @return the position after the body's last value
   * @throws IOException if a length, count or number runs past the end of the bytes, or a union
   *     branch or a length is out of range
   */
  int check(byte[] data, int from) throws IOException {
    Cursor cursor = new Cursor(data, from);
    body.skip(cursor);
    return cursor.position;
  }

  private static final class Cursor {
    private final byte[] data;
    private int position;

    Cursor(byte[] data, int position) {
      this.data = data;
      this.position = position;
    }

    void advance(long bytes) throws IOException {
      if (bytes < 0) {
        throw new IOException("negative length " + bytes);
      }
      if (bytes > data.length - position) {
        throw new EOFException(
            "a length in the record runs past the end of its " + data.length + " bytes");
      }
      position += (int) bytes;
    }

    /** A zig-zag varint, as Avro writes ints, longs, lengths, counts and indexes. */
    long varint() throws IOException {
      long raw = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (position >= data.length) {
          throw new EOFException("the record ends inside a number");
        }
        byte b = data[position++];
        raw |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return (raw >>> 1) ^ -(raw & 1);
        }
      }
      throw new IOException("a number of more than ten bytes");
    }

    void lengthPrefixed() throws IOException {
      advance(varint());
    }
  }

  private static final class Compiler {

    /** By full name, filled before its fields so that a recursive record refers to itself. */
    private final Map<String, Step[]> records = new HashMap<>();

    Step step(Schema schema) {
      return switch (schema.getType()) {
        case NULL -> cursor -> {};
        case BOOLEAN -> fixedWidth(1);
        case FLOAT -> fixedWidth(Float.BYTES);
        case DOUBLE -> fixedWidth(Double.BYTES);
        case FIXED -> fixedWidth(schema.getFixedSize());
        case INT, LONG, ENUM -> Cursor::varint;
        case STRING, BYTES -> Cursor::lengthPrefixed;
        case ARRAY -> blocks(new Step[] {step(schema.getElementType())});
        case MAP -> blocks(new Step[] {Cursor::lengthPrefixed, step(schema.getValueType())});
        case UNION -> union(schema.getTypes());
        case RECORD -> record(schema);
      };
    }

    private Step record(Schema schema) {
      Step[] fields = records.get(schema.getFullName());
      if (fields == null) {
        fields = new Step[schema.getFields().size()];
        records.put(schema.getFullName(), fields);
        for (Schema.Field field : schema.getFields()) {
          fields[field.pos()] = step(field.schema());
        }
      }
      Step[] steps = fields;
      return cursor -> skipAll(steps, cursor);
    }

    private Step union(List<Schema> types) {
      Step[] branches = new Step[types.size()];
      for (int i = 0; i < branches.length; i++) {
        branches[i] = step(types.get(i));
      }
      return cursor -> {
        long index = cursor.varint();
        if (index < 0 || index >= branches.length) {
          throw new IOException("union branch " + index + " of " + branches.length);
        }
        branches[(int) index].skip(cursor);
      };
    }

    /**
     * The blocks of an array or a map: a count, then that many items, until a count of 0; a
     * negative count is followed by the block's size in bytes, which is skipped whole.
     */
    private static Step blocks(Step[] item) {
      return cursor -> {
        for (long count = cursor.varint(); count != 0; count = cursor.varint()) {
          if (count < 0) {
            cursor.advance(cursor.varint());
            continue;
          }
          for (long i = 0; i < count; i++) {
            int before = cursor.position;
            skipAll(item, cursor);
            if (cursor.position == before) {
              // Items of no bytes (nulls, empty records): the rest of the block takes none either.
              break;
            }
          }
        }
      };
    }

    private static Step fixedWidth(int bytes) {
      return cursor -> cursor.advance(bytes);
    }
  }

  private static void skipAll(Step[] steps, Cursor cursor) throws IOException {
    for (Step step : steps) {
      step.skip(cursor);
    }
  }
}
