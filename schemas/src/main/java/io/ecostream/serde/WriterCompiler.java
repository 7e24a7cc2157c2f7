package io.ecostream.serde;

import io.ecostream.serde.ValueWriter.ArrayWriter;
import io.ecostream.serde.ValueWriter.BooleanWriter;
import io.ecostream.serde.ValueWriter.BytesWriter;
import io.ecostream.serde.ValueWriter.ConvertingWriter;
import io.ecostream.serde.ValueWriter.DateWriter;
import io.ecostream.serde.ValueWriter.DoubleWriter;
import io.ecostream.serde.ValueWriter.EnumWriter;
import io.ecostream.serde.ValueWriter.FixedWriter;
import io.ecostream.serde.ValueWriter.FloatWriter;
import io.ecostream.serde.ValueWriter.IntWriter;
import io.ecostream.serde.ValueWriter.LogicalTypeWriter;
import io.ecostream.serde.ValueWriter.LongWriter;
import io.ecostream.serde.ValueWriter.MapWriter;
import io.ecostream.serde.ValueWriter.NullWriter;
import io.ecostream.serde.ValueWriter.RecordWriter;
import io.ecostream.serde.ValueWriter.StringWriter;
import io.ecostream.serde.ValueWriter.TimestampMillisWriter;
import io.ecostream.serde.ValueWriter.UnionWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Walks a generated record's schema once and builds the {@link ValueWriter} tree that writes its
 * records. Anything it cannot write exactly as {@code SpecificDatumWriter} does makes it throw
 * {@link UnsupportedSchemaException}, naming where, so that Avro keeps writing that type.
 */
final class WriterCompiler {

  /** The schema has something the compiled writers do not cover. */
  static final class UnsupportedSchemaException extends Exception {
    UnsupportedSchemaException(String where, String what) {
      super(where + ": " + what);
    }
  }

  private final SpecificData model;

  /** By full name: a record met again (a recursive schema) reuses its writer. */
  private final Map<String, RecordWriter> records = new HashMap<>();

  private WriterCompiler(SpecificData model) {
    this.model = model;
  }

  static ValueWriter compileRecord(SpecificData model, Schema record)
      throws UnsupportedSchemaException {
    if (record.getType() != Schema.Type.RECORD) {
      throw new UnsupportedSchemaException(record.getFullName(), "not a record");
    }
    return new WriterCompiler(model).compile(record, record.getName());
  }

  /** A value outside a record's own field: a logical type converts by the value's class. */
  private ValueWriter compile(Schema schema, String where) throws UnsupportedSchemaException {
    LogicalType logicalType = schema.getLogicalType();
    if (logicalType == null) {
      return compileRaw(schema, where);
    }
    ValueWriter raw = compileRawUnderLogicalType(schema, where);
    Conversion<?> conversion = model.getConversionFor(logicalType);
    if (conversion == null
        || model.getConversionByClass(conversion.getConvertedType(), logicalType) != conversion) {
      return new LogicalTypeWriter(schema, model, null, null, raw);
    }
    return new LogicalTypeWriter(
        schema, model, conversion.getConvertedType(), converting(schema, conversion, raw), raw);
  }

  /**
   * A record's field: SpecificDatumWriter converts a field with a logical type of its own by the
   * record's conversion for that field, whatever the value's class, and writes it raw when the
   * record has none.
   */
  private ValueWriter compileField(Schema schema, Conversion<?> conversion, String where)
      throws UnsupportedSchemaException {
    if (schema.getLogicalType() == null) {
      return compile(schema, where);
    }
    ValueWriter raw = compileRawUnderLogicalType(schema, where);
    return conversion == null ? raw : converting(schema, conversion, raw);
  }

  private static ValueWriter converting(Schema schema, Conversion<?> conversion, ValueWriter raw) {
    if (conversion.getClass() == TimeConversions.TimestampMillisConversion.class
        && schema.getType() == Schema.Type.LONG) {
      return new TimestampMillisWriter();
    }
    if (conversion.getClass() == TimeConversions.DateConversion.class
        && schema.getType() == Schema.Type.INT) {
      return new DateWriter();
    }
    return new ConvertingWriter(schema, conversion, raw);
  }

  private ValueWriter compileRawUnderLogicalType(Schema schema, String where)
      throws UnsupportedSchemaException {
    switch (schema.getType()) {
      case INT, LONG, FLOAT, DOUBLE, STRING, BYTES, FIXED:
        return compileRaw(schema, where);
      default:
        throw new UnsupportedSchemaException(
            where, "logical type " + schema.getLogicalType().getName() + " on " + schema.getType());
    }
  }

  private ValueWriter compileRaw(Schema schema, String where) throws UnsupportedSchemaException {
    switch (schema.getType()) {
      case NULL:
        return new NullWriter();
      case BOOLEAN:
        return new BooleanWriter();
      case INT:
        return new IntWriter();
      case LONG:
        return new LongWriter();
      case FLOAT:
        return new FloatWriter();
      case DOUBLE:
        return new DoubleWriter();
      case STRING:
        return new StringWriter();
      case BYTES:
        return new BytesWriter();
      case FIXED:
        return new FixedWriter(schema.getFixedSize());
      case ENUM:
        return compileEnum(schema, where);
      case ARRAY:
        return new ArrayWriter(compile(schema.getElementType(), where + "[]"));
      case MAP:
        return new MapWriter(compile(schema.getValueType(), where + "{}"));
      case UNION:
        List<Schema> types = schema.getTypes();
        ValueWriter[] branches = new ValueWriter[types.size()];
        for (int i = 0; i < branches.length; i++) {
          branches[i] = compile(types.get(i), where + "<" + types.get(i).getName() + ">");
        }
        return new UnionWriter(schema, model, branches);
      case RECORD:
        return compileRecordFields(schema, where);
      default:
        throw new UnsupportedSchemaException(where, "type " + schema.getType());
    }
  }

  private ValueWriter compileEnum(Schema schema, String where) throws UnsupportedSchemaException {
    return new EnumWriter(enumClass(model, schema, where));
  }

  /**
   * The generated enum class of the schema, whose constants' ordinals are the schema's symbol
   * indexes, as the compiled writers and readers take them.
   */
  static Class<?> enumClass(SpecificData model, Schema schema, String where)
      throws UnsupportedSchemaException {
    Class<?> type = generatedClass(model, schema, where);
    if (!type.isEnum()) {
      throw new UnsupportedSchemaException(where, type.getName() + " is not an enum");
    }
    Object[] constants = type.getEnumConstants();
    List<String> symbols = schema.getEnumSymbols();
    if (constants.length != symbols.size()) {
      throw new UnsupportedSchemaException(
          where, type.getName() + " has " + constants.length + " constants for " + symbols);
    }
    for (Object constant : constants) {
      Enum<?> symbol = (Enum<?>) constant;
      if (!symbol.name().equals(symbols.get(symbol.ordinal()))) {
        throw new UnsupportedSchemaException(
            where,
            type.getName()
                + "."
                + symbol.name()
                + " has ordinal "
                + symbol.ordinal()
                + " but the schema's symbol there is "
                + symbols.get(symbol.ordinal()));
      }
    }
    return type;
  }

  private ValueWriter compileRecordFields(Schema schema, String where)
      throws UnsupportedSchemaException {
    RecordWriter known = records.get(schema.getFullName());
    if (known != null) {
      return known;
    }
    Class<?> type = generatedClass(model, schema, where);
    if (!SpecificRecordBase.class.isAssignableFrom(type)) {
      throw new UnsupportedSchemaException(where, type.getName() + " is not a generated record");
    }
    if (!schema.equals(model.getSchema(type))) {
      // Its custom encoder, if it has one, would write the class's schema rather than this one.
      throw new UnsupportedSchemaException(where, type.getName() + " has another schema");
    }
    SpecificRecordBase conversions = newInstance(type, where);
    RecordWriter writer = new RecordWriter(type);
    records.put(schema.getFullName(), writer);
    List<Schema.Field> fields = schema.getFields();
    ValueWriter[] writers = new ValueWriter[fields.size()];
    for (Schema.Field field : fields) {
      writers[field.pos()] =
          compileField(
              field.schema(), conversions.getConversion(field.pos()), where + "." + field.name());
    }
    writer.setFields(writers);
    return writer;
  }

  /** The class the model generated for the named schema. */
  static Class<?> generatedClass(SpecificData model, Schema schema, String where)
      throws UnsupportedSchemaException {
    Class<?> type;
    try {
      type = model.getClass(schema);
    } catch (RuntimeException e) {
      throw new UnsupportedSchemaException(
          where, "no class for " + schema.getFullName() + ": " + e);
    }
    if (type == null) {
      throw new UnsupportedSchemaException(where, "no class for " + schema.getFullName());
    }
    return type;
  }

  private static SpecificRecordBase newInstance(Class<?> type, String where)
      throws UnsupportedSchemaException {
    try {
      return (SpecificRecordBase) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new UnsupportedSchemaException(where, "cannot create a " + type.getName() + ": " + e);
    }
  }
}
