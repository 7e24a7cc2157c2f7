package io.ecostream.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro records as JSON for people and dashboards: field names as in the schema, timestamps and
 * dates as ISO-8601 text, enums as their symbol, bytes as Base64, a union as its value alone (null
 * or the branch's value, never Avro's {@code {"double": 1.5}}), and NaN and infinities (a figure
 * that does not exist: a mean of nothing) as null, since JSON has no number for them and every JSON
 * reader takes null. {@link #fromTree} reads that JSON back into the generated class (a null double
 * as NaN; the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} that earlier versions
 * wrote still read), so that a recording of a topic can be sent again, and the JSON output topics
 * ({@link OutputFormat#JSON}) are read.
 */
public final class AvroJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  public static ObjectNode toTree(IndexedRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), toNode(record.get(field.pos())));
    }
    return node;
  }

  /** {@link #toJson} as UTF-8 bytes, without the string between (the JSON output topics). */
  public static byte[] toJsonBytes(IndexedRecord record) {
    try {
      return MAPPER.writeValueAsBytes(toTree(record));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  public static String toJson(IndexedRecord record) {
    try {
      return MAPPER.writeValueAsString(toTree(record));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof IndexedRecord record) {
      return toTree(record);
    } else if (value instanceof CharSequence || value instanceof Enum<?>) {
      return NODES.textNode(value.toString());
    } else if (value instanceof TemporalAccessor) {
      return NODES.textNode(value.toString());
    } else if (value instanceof Integer i) {
      return NODES.numberNode(i);
    } else if (value instanceof Long l) {
      return NODES.numberNode(l);
    } else if (value instanceof Double d) {
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
    } else if (value instanceof Float f) {
      return Float.isFinite(f) ? NODES.numberNode(f) : NODES.nullNode();
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(toNode(item)));
      return array;
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(k.toString(), toNode(v)));
      return object;
    }
    return NODES.textNode(value.toString());
  }

  /**
   * The record of {@code type} that {@link #toTree} wrote as {@code json}. A field missing from the
   * JSON takes its schema default, so that a line written before a field was added still reads.
   *
   * @throws IllegalArgumentException naming the field, if the JSON does not fit the schema
   */
  public static <T extends SpecificRecord> T fromTree(JsonNode json, Class<T> type) {
    SpecificData model = SpecificData.getForClass(type);
    Schema schema = model.getSchema(type);
    return type.cast(fromNode(json, schema, model, schema.getName()));
  }

  private static Object fromNode(JsonNode json, Schema schema, SpecificData model, String path) {
    LogicalType logical = schema.getLogicalType();
    switch (schema.getType()) {
      case NULL:
        if (json != null && !json.isNull()) {
          throw notFit(path, "null", json);
        }
        return null;
      case UNION:
        return fromUnion(json, schema, model, path);
      case RECORD:
        return fromRecord(json, schema, model, path);
      case ENUM:
        if (json == null || !json.isTextual() || !schema.hasEnumSymbol(json.asText())) {
          throw notFit(path, "one of " + schema.getEnumSymbols(), json);
        }
        return model.createEnum(json.asText(), schema);
      case STRING:
        if (json == null || !json.isTextual()) {
          throw notFit(path, "a string", json);
        }
        return json.asText();
      case BOOLEAN:
        if (json == null || !json.isBoolean()) {
          throw notFit(path, "true or false", json);
        }
        return json.booleanValue();
      case INT:
        if (logical instanceof LogicalTypes.Date) {
          return parse(json, path, "a date", LocalDate::parse);
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
          return parse(json, path, "a time", LocalTime::parse);
        }
        if (json == null || !json.canConvertToInt() || !json.isIntegralNumber()) {
          throw notFit(path, "an int", json);
        }
        return json.intValue();
      case LONG:
        return fromLong(json, logical, path);
      case FLOAT:
        return (float) fromDouble(json, path);
      case DOUBLE:
        return fromDouble(json, path);
      case BYTES:
        if (logical instanceof LogicalTypes.Decimal) {
          return parse(json, path, "a decimal", BigDecimal::new);
        }
        return ByteBuffer.wrap(parse(json, path, "Base64 text", Base64.getDecoder()::decode));
      case FIXED:
        if (logical instanceof LogicalTypes.Decimal) {
          return parse(json, path, "a decimal", BigDecimal::new);
        }
        return model.createFixed(
            null, parse(json, path, "Base64 text", Base64.getDecoder()::decode), schema);
      case ARRAY:
        if (json == null || !json.isArray()) {
          throw notFit(path, "an array", json);
        }
        List<Object> items = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
          items.add(fromNode(json.get(i), schema.getElementType(), model, path + "[" + i + "]"));
        }
        return items;
      case MAP:
        if (json == null || !json.isObject()) {
          throw notFit(path, "an object", json);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          map.put(
              entry.getKey(),
              fromNode(
                  entry.getValue(), schema.getValueType(), model, path + "." + entry.getKey()));
        }
        return map;
    }
    throw new IllegalArgumentException(path + ": unsupported Avro type " + schema.getType());
  }

  /** JSON has no NaN or infinity: Jackson writes them as the strings Java names them by. */
  private static double fromDouble(JsonNode json, String path) {
    if (json != null && json.isNumber()) {
      return json.doubleValue();
    }
    if (json != null && json.isNull()) {
      return Double.NaN;
    }
    if (json != null && json.isTextual()) {
      switch (json.asText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw notFit(path, "a number", json);
  }

  private static Object fromLong(JsonNode json, LogicalType logical, String path) {
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return parse(json, path, "an ISO-8601 instant", Instant::parse)
          .truncatedTo(ChronoUnit.MILLIS);
    }
    if (logical instanceof LogicalTypes.TimestampMicros) {
      return parse(json, path, "an ISO-8601 instant", Instant::parse)
          .truncatedTo(ChronoUnit.MICROS);
    }
    if (logical instanceof LogicalTypes.LocalTimestampMillis
        || logical instanceof LogicalTypes.LocalTimestampMicros) {
      return parse(json, path, "a local date-time", LocalDateTime::parse);
    }
    if (logical instanceof LogicalTypes.TimeMicros) {
      return parse(json, path, "a time", LocalTime::parse);
    }
    if (json == null || !json.isIntegralNumber() || !json.canConvertToLong()) {
      throw notFit(path, "a long", json);
    }
    return json.longValue();
  }

  private static Object fromRecord(JsonNode json, Schema schema, SpecificData model, String path) {
    if (json == null || !json.isObject()) {
      throw notFit(path, "an object", json);
    }
    IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      String fieldPath = path + "." + field.name();
      JsonNode value = json.get(field.name());
      if (value == null && field.hasDefaultValue()) {
        record.put(field.pos(), model.deepCopy(field.schema(), model.getDefaultValue(field)));
      } else if (value == null) {
        throw new IllegalArgumentException(fieldPath + ": missing");
      } else {
        record.put(field.pos(), fromNode(value, field.schema(), model, fieldPath));
      }
    }
    return record;
  }

  /** toTree writes a union's value without its branch, so the first branch it fits is taken. */
  private static Object fromUnion(JsonNode json, Schema union, SpecificData model, String path) {
    if (json == null || json.isNull()) {
      if (union.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)) {
        return null;
      }
      throw notFit(path, "a value", json);
    }
    List<String> expected = new ArrayList<>();
    for (Schema branch : union.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        continue;
      }
      try {
        return fromNode(json, branch, model, path);
      } catch (IllegalArgumentException e) {
        expected.add(
            branch.getLogicalType() != null ? branch.getLogicalType().getName() : branch.getName());
      }
    }
    throw notFit(path, "one of " + expected + " or null", json);
  }

  private static <T> T parse(
      JsonNode json, String path, String expected, java.util.function.Function<String, T> parser) {
    if (json == null || !json.isTextual()) {
      throw notFit(path, expected, json);
    }
    try {
      return parser.apply(json.asText());
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw notFit(path, expected, json);
    }
  }

  private static IllegalArgumentException notFit(String path, String expected, JsonNode json) {
    String found = json == null ? "nothing" : json.toString();
    if (found.length() > 40) {
      found = found.substring(0, 40) + "…";
    }
    return new IllegalArgumentException(path + ": expected " + expected + ", found " + found);
  }
}
