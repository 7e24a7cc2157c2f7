package io.ecostream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.testing.EveryAvroType;
import io.ecostream.serde.WriterCompiler.UnsupportedSchemaException;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled reader against Avro's own {@link BinaryMessageDecoder}, the standard: for every
 * generated record class it covers, the same record (field by field, class and bits included) from
 * the bytes of records drawn at random from the values hardest to encode, and a failure wherever
 * Avro fails on their truncations.
 */
class CompiledReaderTest {

  private static final int RECORDS_PER_CLASS = 100;

  private static final int HEADER_LENGTH = 10;

  /** Tells Avro to trust the generated classes before the tests look them up. */
  private static final AvroSerde<Alert> ALERTS = AvroSerde.of(Alert.class);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.ecostream.serde.SingleObjectWriterTest#generatedRecordClasses")
  <T extends SpecificRecord> void shouldReadWhatAvroReadsAndFailWhereAvroFails(Class<T> type)
      throws IOException {
    SpecificData model = SpecificData.getForClass(type);
    Schema schema = model.getSchema(type);
    CompiledReader<T> reader;
    try {
      reader = CompiledReader.compile(model, schema);
    } catch (UnsupportedSchemaException notCovered) {
      return; // Avro reads this type; AvroSerdeTest and SingleObjectWriterTest read it back
    }
    BinaryMessageEncoder<T> encoder = new BinaryMessageEncoder<>(model, schema);
    BinaryMessageDecoder<T> avro = new BinaryMessageDecoder<>(model, schema);
    RandomRecords records = new RandomRecords(type.getName().hashCode() + 2, model);

    for (int i = 0; i < RECORDS_PER_CLASS; i++) {
      T record = records.next(type);
      byte[] bytes = encoder.encode(record).array();

      assertSame(reader.read(bytes, HEADER_LENGTH), avro.decode(bytes), "" + record);
      int step = Math.max(1, (bytes.length - HEADER_LENGTH) / 200);
      for (int length = HEADER_LENGTH;
          length < bytes.length;
          length += length >= bytes.length - 20 ? 1 : step) {
        byte[] truncated = Arrays.copyOf(bytes, length);
        assertThatThrownBy(() -> avro.decode(truncated))
            .as("Avro, the first %d of %d bytes of %s", length, bytes.length, record)
            .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> reader.read(truncated, HEADER_LENGTH))
            .as("the first %d of %d bytes of %s", length, bytes.length, record)
            .isInstanceOf(IOException.class);
      }
    }
  }

  /** The inputs' records, read on every record of the pipeline's hot path, must be covered. */
  @Test
  void shouldCoverTheInputRecords() {
    assertThat(AvroSerde.of(AirReading.class).readsCompiled()).isTrue();
    assertThat(AvroSerde.of(WaterSample.class).readsCompiled()).isTrue();
    assertThat(AvroSerde.of(Station.class).readsCompiled()).isTrue();
    assertThat(ALERTS.readsCompiled()).isTrue();
    // arrays, maps, bytes and fixed are left to Avro
    assertThat(AvroSerde.of(EveryAvroType.class).readsCompiled()).isFalse();
  }

  /**
   * stationId "A", cityId "b", hourStart 0, then pm25's branch 2 (zig-zag 4) of [null, double]:
   * Avro fails on it, and so does the serde.
   */
  @Test
  void shouldRejectAUnionBranchTheSchemaDoesNotHave() {
    AvroSerde<AirReading> readings = AvroSerde.of(AirReading.class);
    byte[] header = Arrays.copyOf(readings.serialize("t", reading()), HEADER_LENGTH);
    byte[] bytes = Arrays.copyOf(header, HEADER_LENGTH + 6);
    byte[] body = {2, 'A', 2, 'b', 0, 4};
    System.arraycopy(body, 0, bytes, HEADER_LENGTH, body.length);

    assertThatThrownBy(() -> readings.deserialize("air", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("union branch 2 of 2");
  }

  /** An int of six bytes (five with their high bit set): Avro calls it an invalid encoding. */
  @Test
  void shouldRejectAnIntLongerThanFiveBytes() throws IOException {
    CompiledReader<Alert> reader =
        compile(SpecificData.getForClass(Alert.class), Alert.getClassSchema());
    // alertId: a length of six 0xFF-continued bytes
    byte[] bytes = new byte[HEADER_LENGTH + 6];
    Arrays.fill(bytes, HEADER_LENGTH, HEADER_LENGTH + 5, (byte) 0xFF);

    assertThatThrownBy(() -> reader.read(bytes, HEADER_LENGTH))
        .isInstanceOf(IOException.class)
        .hasMessage("Invalid int encoding");
  }

  private static <T> CompiledReader<T> compile(SpecificData model, Schema schema) {
    try {
      return CompiledReader.compile(model, schema);
    } catch (UnsupportedSchemaException e) {
      throw new AssertionError(e);
    }
  }

  private static AirReading reading() {
    return AirReading.newBuilder()
        .setStationId("BZ-A01")
        .setCityId("binzhou")
        .setHourStart(Instant.parse("2024-01-15T02:00:00Z"))
        .setPm25(80.0)
        .build();
  }

  /**
   * The same values of the same classes, doubles and floats to the bit: the generated equals
   * compares doubles with !=, so that a record holding a NaN is not equal even to itself.
   */
  private static void assertSame(Object actual, Object expected, String where) {
    if (expected == null) {
      assertThat(actual).as(where).isNull();
      return;
    }
    assertThat(actual).as(where).isNotNull();
    assertThat(actual.getClass()).as(where).isEqualTo(expected.getClass());
    if (expected instanceof IndexedRecord record) {
      IndexedRecord read = (IndexedRecord) actual;
      for (Schema.Field field : record.getSchema().getFields()) {
        assertSame(read.get(field.pos()), record.get(field.pos()), where + "." + field.name());
      }
    } else if (expected instanceof Double value) {
      assertThat(Double.doubleToRawLongBits((Double) actual))
          .as(where)
          .isEqualTo(Double.doubleToRawLongBits(value));
    } else if (expected instanceof Float value) {
      assertThat(Float.floatToRawIntBits((Float) actual))
          .as(where)
          .isEqualTo(Float.floatToRawIntBits(value));
    } else {
      assertThat(actual).as(where).isEqualTo(expected);
    }
  }
}
