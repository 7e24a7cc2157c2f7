package io.ecostream.serde;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Records of a generated class with every field drawn at random from the values that are hard to
 * encode: nulls, empty and long text in several scripts, the extremes of every number, NaN and
 * signed zeros, empty and large arrays and maps, byte buffers of every kind, each enum symbol and
 * each union branch. Seeded, so that a failure can be replayed.
 */
final class RandomRecords {

  private static final String[] TEXTS = {
    "",
    "a",
    "BZ-A01",
    "binzhou",
    "PM2.5",
    "济南",
    "滨州市",
    "劣V",
    "一类",
    "正常",
    "café",
    "Ünïcödé",
    "😀 emoji",
    "mixed 济南 text with ASCII",
    "\u0000",
    "tab\tand\nnewline",
    "\u07FF\u0800\uFFFF",
    "a\uD83D\uDE00b"
  };

  private static final double[] DOUBLES = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    80.5,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.longBitsToDouble(0x7FF0_0000_0000_0123L)
  };

  private static final float[] FLOATS = {
    0f,
    -0f,
    1f,
    -1f,
    0.35f,
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.MIN_VALUE,
    Float.MIN_NORMAL,
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    Float.intBitsToFloat(0x7FC0_0123)
  };

  private static final int[] INTS = {
    0,
    1,
    -1,
    63,
    64,
    -64,
    -65,
    8191,
    8192,
    -8193,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    Integer.MAX_VALUE - 1,
    Integer.MIN_VALUE + 1
  };

  private static final long[] LONGS = {
    0L,
    1L,
    -1L,
    63L,
    64L,
    -65L,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    1L << 35,
    -(1L << 56),
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    Long.MAX_VALUE - 1,
    Long.MIN_VALUE + 1
  };

  /** The recursion depth past which a record's own type is left null. */
  private static final int MAX_DEPTH = 2;

  private final Random random;
  private final SpecificData model;

  /** How many arrays and maps the value being drawn is inside: only an outer one may be large. */
  private int enclosingCollections;

  /** Each enum and union met so far, with the symbols or branches drawn. */
  private final Map<Schema, BitSet> drawn = new LinkedHashMap<>();

  RandomRecords(long seed, SpecificData model) {
    this.random = new Random(seed);
    this.model = model;
  }

  <T extends SpecificRecord> T next(Class<T> type) {
    return type.cast(value(model.getSchema(type), 0));
  }

  /** The enum symbols and union branches of the records drawn so far that none of them holds. */
  List<String> neverDrawn() {
    List<String> missing = new ArrayList<>();
    drawn.forEach(
        (schema, indexes) -> {
          int count =
              schema.getType() == Schema.Type.ENUM
                  ? schema.getEnumSymbols().size()
                  : schema.getTypes().size();
          for (int i = indexes.nextClearBit(0); i < count; i = indexes.nextClearBit(i + 1)) {
            missing.add(schema + ": " + i);
          }
        });
    return missing;
  }

  private void draw(Schema schema, int index) {
    drawn.computeIfAbsent(schema, s -> new BitSet()).set(index);
  }

  private Object value(Schema schema, int depth) {
    LogicalType logicalType = schema.getLogicalType();
    if (logicalType != null && model.getConversionFor(logicalType) != null) {
      return logicalValue(schema, logicalType);
    }
    switch (schema.getType()) {
      case NULL:
        return null;
      case BOOLEAN:
        return random.nextBoolean();
      case INT:
        return random.nextInt(3) == 0 ? random.nextInt() : pick(INTS);
      case LONG:
        return random.nextInt(3) == 0 ? random.nextLong() : pick(LONGS);
      case FLOAT:
        return random.nextInt(3) == 0 ? random.nextFloat() * 1000 : pick(FLOATS);
      case DOUBLE:
        return random.nextInt(3) == 0 ? random.nextGaussian() * 100 : pick(DOUBLES);
      case STRING:
        return text();
      case BYTES:
        return byteBuffer(bytes(random.nextInt(4) == 0 ? 0 : random.nextInt(300)));
      case FIXED:
        return model.createFixed(null, bytes(schema.getFixedSize()), schema);
      case ENUM:
        List<String> symbols = schema.getEnumSymbols();
        int symbol = random.nextInt(symbols.size());
        draw(schema, symbol);
        return model.createEnum(symbols.get(symbol), schema);
      case ARRAY:
        List<Object> items = new ArrayList<>();
        enclosingCollections++;
        for (int i = size(); i > 0; i--) {
          items.add(value(schema.getElementType(), depth));
        }
        enclosingCollections--;
        return items;
      case MAP:
        Map<String, Object> map = new HashMap<>();
        enclosingCollections++;
        for (int i = size(); i > 0; i--) {
          map.put(text() + i, value(schema.getValueType(), depth));
        }
        enclosingCollections--;
        return map;
      case UNION:
        return unionValue(schema, depth);
      case RECORD:
        IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.pos(), value(field.schema(), depth + 1));
        }
        return record;
      default:
        throw new IllegalArgumentException("no random value of " + schema);
    }
  }

  private Object unionValue(Schema union, int depth) {
    List<Schema> branches = union.getTypes();
    Integer nullBranch = union.getIndexNamed(Schema.Type.NULL.getName());
    if (nullBranch != null && (random.nextInt(3) == 0 || depth >= MAX_DEPTH + 1)) {
      draw(union, nullBranch);
      return null;
    }
    int branch;
    do {
      branch = random.nextInt(branches.size());
    } while (branches.get(branch).getType() == Schema.Type.NULL);
    draw(union, branch);
    return value(branches.get(branch), depth);
  }

  private Object logicalValue(Schema schema, LogicalType logicalType) {
    Object value =
        switch (logicalType.getName()) {
          case "date" ->
              LocalDate.ofEpochDay(random.nextInt(4) == 0 ? pick(INTS) : random.nextInt(40_000));
          case "time-millis" -> LocalTime.ofNanoOfDay(random.nextInt(86_400_000) * 1_000_000L);
          case "time-micros" ->
              LocalTime.ofNanoOfDay(
                  (random.nextLong() & Long.MAX_VALUE) % 86_400_000_000L * 1_000L);
          case "timestamp-millis" -> Instant.ofEpochMilli(millis());
          case "timestamp-micros" -> instantOfMicros(micros());
          case "local-timestamp-millis" ->
              LocalDateTime.ofInstant(Instant.ofEpochMilli(millis()), ZoneOffset.UTC);
          case "local-timestamp-micros" ->
              LocalDateTime.ofInstant(instantOfMicros(micros()), ZoneOffset.UTC);
          case "uuid" -> new UUID(random.nextLong(), random.nextLong());
          case "decimal" -> decimal((LogicalTypes.Decimal) logicalType);
          default -> throw new IllegalArgumentException("no random " + logicalType.getName());
        };
    Conversion<?> conversion = model.getConversionFor(logicalType);
    if (!conversion.getConvertedType().isInstance(value)) {
      throw new IllegalStateException(schema + " converts " + conversion.getConvertedType());
    }
    return value;
  }

  /** Instant and LocalDateTime hold any long of milliseconds, the extremes included. */
  private long millis() {
    return random.nextInt(4) == 0
        ? pick(new long[] {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE})
        : random.nextLong() % 10_000_000_000_000L;
  }

  private long micros() {
    return random.nextInt(4) == 0 ? pick(new long[] {0L, -1L, 1L}) : random.nextLong() >> 2;
  }

  private static Instant instantOfMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private BigDecimal decimal(LogicalTypes.Decimal decimal) {
    BigInteger limit = BigInteger.TEN.pow(decimal.getPrecision());
    BigInteger unscaled = new BigInteger(limit.bitLength() + 8, random).mod(limit);
    return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), decimal.getScale());
  }

  /**
   * Mostly empty or short; now and then, when not inside another, long enough for a two-byte count.
   */
  private int size() {
    int kind = random.nextInt(10);
    return kind < 3
        ? 0
        : kind < 9 || enclosingCollections > 1 ? 1 + random.nextInt(3) : 64 + random.nextInt(200);
  }

  private String text() {
    if (random.nextInt(4) > 0) {
      return TEXTS[random.nextInt(TEXTS.length)];
    }
    int length = random.nextInt(5) == 0 ? 64 + random.nextInt(400) : random.nextInt(20);
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      switch (random.nextInt(5)) {
        case 0 -> text.append((char) (0x20 + random.nextInt(0x5F)));
        case 1 -> text.append((char) (0xA0 + random.nextInt(0x60)));
        case 2 -> text.append((char) (0x4E00 + random.nextInt(0x5000)));
        case 3 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
        default -> text.append((char) (0x0400 + random.nextInt(0x100)));
      }
    }
    return text.toString();
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** A buffer over the bytes: at the start of its array or not, read-only, direct or a slice. */
  private ByteBuffer byteBuffer(byte[] bytes) {
    switch (random.nextInt(5)) {
      case 0:
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        return ByteBuffer.wrap(padded, 3, bytes.length);
      case 1:
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
      case 2:
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        return direct;
      case 3:
        byte[] larger = new byte[bytes.length + 5];
        System.arraycopy(bytes, 0, larger, 5, bytes.length);
        return ByteBuffer.wrap(larger).position(5).slice();
      default:
        return ByteBuffer.wrap(bytes);
    }
  }

  private int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }

  private long pick(long[] values) {
    return values[random.nextInt(values.length)];
  }

  private double pick(double[] values) {
    return values[random.nextInt(values.length)];
  }

  private float pick(float[] values) {
    return values[random.nextInt(values.length)];
  }
}
