package io.ecostream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.Alert;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The length check walks exactly the bytes Avro wrote, for every generated record class on records
 * drawn at random from the values hardest to encode, and fails on shorter prefixes of them.
 */
class LengthCheckTest {

  private static final int RECORDS_PER_CLASS = 25;

  /** Tells Avro to trust the generated classes before the tests look them up. */
  private static final AvroSerde<Alert> ALERTS = AvroSerde.of(Alert.class);

  private static final int HEADER_LENGTH = 10;

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.ecostream.serde.SingleObjectWriterTest#generatedRecordClasses")
  <T extends SpecificRecord> void shouldWalkToTheEndOfEveryRecordAndFailOnEveryTruncation(
      Class<T> type) throws IOException {
    SpecificData model = SpecificData.getForClass(type);
    Schema schema = model.getSchema(type);
    LengthCheck check = LengthCheck.of(schema);
    BinaryMessageEncoder<T> avro = new BinaryMessageEncoder<>(model, schema);
    RandomRecords records = new RandomRecords(type.getName().hashCode() + 1, model);

    for (int i = 0; i < RECORDS_PER_CLASS; i++) {
      T record = records.next(type);
      byte[] bytes = avro.encode(record).array();

      assertThat(check.check(bytes, HEADER_LENGTH)).as(() -> "" + record).isEqualTo(bytes.length);
      // Every prefix of a short record; about 200 spread over a long one, and its last 20.
      int step = Math.max(1, (bytes.length - HEADER_LENGTH) / 200);
      for (int length = HEADER_LENGTH;
          length < bytes.length;
          length += length >= bytes.length - 20 ? 1 : step) {
        byte[] truncated = Arrays.copyOf(bytes, length);
        assertThatThrownBy(() -> check.check(truncated, HEADER_LENGTH))
            .as("the first %d of %d bytes of %s", length, bytes.length, record)
            .isInstanceOf(IOException.class);
      }
    }
  }

  /** A string field (stationId, the first) announcing 2,000,000,000 bytes, with ten that follow. */
  @Test
  void shouldRejectALengthPastTheEndWithoutReadingIt() {
    LengthCheck check = LengthCheck.of(io.ecostream.avro.AirReading.getClassSchema());
    byte[] bytes = new byte[HEADER_LENGTH + 5 + 10];
    // 2,000,000,000 zig-zag encoded: 4,000,000,000 in base-128 groups, low first.
    long zigZag = 4_000_000_000L;
    for (int i = 0; i < 5; i++) {
      bytes[HEADER_LENGTH + i] = (byte) ((zigZag & 0x7F) | (i < 4 ? 0x80 : 0));
      zigZag >>>= 7;
    }

    assertThatThrownBy(() -> check.check(bytes, HEADER_LENGTH))
        .isInstanceOf(IOException.class)
        .hasMessage("a length in the record runs past the end of its 25 bytes");
  }

  @Test
  void shouldRejectAUnionBranchTheSchemaDoesNotHave() {
    LengthCheck check = LengthCheck.of(io.ecostream.avro.AirReading.getClassSchema());
    // stationId "A", cityId "b", hourStart 0, then pm25's branch 2 (zig-zag 4) of [null, double].
    byte[] bytes = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 'A', 2, 'b', 0, 4};

    assertThatThrownBy(() -> check.check(bytes, HEADER_LENGTH))
        .isInstanceOf(IOException.class)
        .hasMessage("union branch 2 of 2");
  }
}
