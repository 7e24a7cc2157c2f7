package io.ecostream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.internal.CityDayEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private static final Instant TEN_O_CLOCK_BEIJING = Instant.parse("2024-01-15T02:00:00Z");

  private final AvroSerde<AirReading> readings = AvroSerde.of(AirReading.class);

  @Test
  void shouldRoundTripARecordWithNullsAndLogicalTypes() {
    AirReading reading =
        AirReading.newBuilder()
            .setStationId("BZ-A01")
            .setCityId("binzhou")
            .setHourStart(TEN_O_CLOCK_BEIJING)
            .setPm25(80.0)
            .setCo(1.2)
            .build();

    AirReading decoded = readings.deserialize("t", readings.serialize("t", reading));

    assertThat(decoded).isEqualTo(reading);
    assertThat(decoded.getPm10()).isNull();
    assertThat(decoded.getHourStart()).isEqualTo(TEN_O_CLOCK_BEIJING);
  }

  @Test
  void shouldWriteSingleObjectEncodingWithTheSchemaFingerprint() {
    byte[] bytes =
        readings.serialize(
            "t",
            AirReading.newBuilder()
                .setStationId("s")
                .setCityId("c")
                .setHourStart(TEN_O_CLOCK_BEIJING)
                .build());

    long fingerprint =
        org.apache.avro.SchemaNormalization.parsingFingerprint64(AirReading.getClassSchema());
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, 10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(header.get()).isEqualTo((byte) 0xC3);
    assertThat(header.get()).isEqualTo((byte) 0x01);
    assertThat(header.getLong()).isEqualTo(fingerprint);
  }

  @Test
  void shouldPassNullsThroughForTombstones() {
    assertThat(readings.serialize("t", null)).isNull();
    assertThat(readings.deserialize("t", null)).isNull();
  }

  @Test
  void shouldReadARecordWrittenWithAnOlderVersionOfTheSchema() throws IOException {
    Schema older = olderAirReadingSchema();
    GenericRecord written = new GenericData.Record(older);
    written.put("stationId", "BZ-A01");
    written.put("cityId", "binzhou");
    written.put("hourStart", TEN_O_CLOCK_BEIJING.toEpochMilli());
    written.put("pm25", 80.0);
    written.put("temperature", -3.5);
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(written).array();

    AirReading read =
        AvroSerde.of(AirReading.class, SchemaHistory.of(List.of(older))).deserialize("t", bytes);

    assertThat(read.getStationId()).isEqualTo("BZ-A01");
    assertThat(read.getHourStart()).isEqualTo(TEN_O_CLOCK_BEIJING);
    assertThat(read.getPm25()).isEqualTo(80.0);
    assertThat(read.getO3()).as("field added since: its default").isNull();
  }

  @Test
  void shouldReadAStationHourlyFigureOfTheFirstPublishedVersionFromTheBundledHistory()
      throws IOException {
    Schema first =
        SchemaHistory.bundled().olderVersionsOf(StationHourlyAqi.getClassSchema()).get(0);
    GenericRecord written = new GenericData.Record(first);
    written.put("stationId", "BZ-A01");
    written.put("cityId", "binzhou");
    written.put("hourStart", TEN_O_CLOCK_BEIJING.toEpochMilli());
    written.put("localDate", (int) LocalDate.of(2024, 1, 15).toEpochDay());
    written.put("localHour", 10);
    written.put(
        "edition", new GenericData.EnumSymbol(first.getField("edition").schema(), "HJ_633_2012"));
    written.put("primaryPollutants", List.of());
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(written).array();

    StationHourlyAqi read = AvroSerde.of(StationHourlyAqi.class).deserialize("t", bytes);

    assertThat(read.getLocalHour()).isEqualTo(10);
    assertThat(read.getPm25Moving24h()).as("added in version 2").isNull();
    assertThat(read.getRevision()).as("added in version 2").isZero();
  }

  @Test
  void shouldReadAWaterSampleOfTheFirstPublishedVersionFromTheBundledHistory() throws IOException {
    Schema first = SchemaHistory.bundled().olderVersionsOf(WaterSample.getClassSchema()).get(0);
    GenericRecord written = new GenericData.Record(first);
    written.put("stationId", "HAI-01");
    written.put("cityId", "binzhou");
    written.put("sampledAt", TEN_O_CLOCK_BEIJING.toEpochMilli());
    written.put(
        "method", new GenericData.EnumSymbol(first.getField("method").schema(), "AUTOMATIC"));
    written.put("ph", 8.37);
    written.put("ammoniaNitrogen", 0.05);
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(written).array();

    WaterSample read = AvroSerde.of(WaterSample.class).deserialize("t", bytes);

    assertThat(read.getMethod()).isEqualTo(SamplingMethod.AUTOMATIC);
    assertThat(read.getSampledAt()).isEqualTo(TEN_O_CLOCK_BEIJING);
    assertThat(read.getPh()).isEqualTo(8.37);
    assertThat(read.getAmmoniaNitrogen()).isEqualTo(0.05);
    assertThat(read.getChlorophyllA()).as("added in version 2").isNull();
    assertThat(read.getPublishedClass()).as("added in version 2").isNull();
    assertThat(read.getStatus()).as("added in version 2").isNull();
  }

  @Test
  void shouldRejectARecordOfAnUnknownSchemaVersionWithASerializationException() throws IOException {
    Schema older = olderAirReadingSchema();
    GenericRecord written = new GenericData.Record(older);
    written.put("stationId", "BZ-A01");
    written.put("cityId", "binzhou");
    written.put("hourStart", 0L);
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(written).array();

    assertThatThrownBy(() -> readings.deserialize("air", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("AirReading")
        .hasMessageContaining("air");
  }

  @Test
  void shouldRejectBytesThatAreNotAvroWithASerializationException() {
    AvroSerde<Alert> alerts = AvroSerde.of(Alert.class);

    assertThatThrownBy(() -> alerts.deserialize("t", "not avro".getBytes()))
        .isInstanceOf(SerializationException.class);
  }

  /**
   * The record's first field (stationId) announces a 2,000,000,000-byte string and ten bytes
   * follow: Avro alone would allocate the 2 GB before finding them missing.
   */
  @Test
  void shouldRejectALengthThatRunsPastTheEndOfTheBytesBeforeAvroAllocatesIt() {
    byte[] header = Arrays.copyOf(readings.serialize("t", reading("BZ-A01")), 10);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(header);
    bytes.writeBytes(zigZagVarLong(2_000_000_000L));
    bytes.writeBytes(new byte[10]);

    assertThatThrownBy(() -> readings.deserialize("air", bytes.toByteArray()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("runs past the end of its 25 bytes");
  }

  @Test
  void shouldRejectATruncatedRecordWithASerializationException() {
    byte[] whole = readings.serialize("t", reading("BZ-A01"));

    for (int length = 0; length < whole.length; length++) {
      byte[] truncated = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> readings.deserialize("air", truncated))
          .as("the first %d of %d bytes", length, whole.length)
          .isInstanceOf(SerializationException.class);
    }
  }

  @Test
  void shouldReadADeadLetterOfTheFirstPublishedVersionFromTheBundledHistory() throws IOException {
    Schema first = SchemaHistory.bundled().olderVersionsOf(DeadLetter.getClassSchema()).get(0);
    GenericRecord written = new GenericData.Record(first);
    written.put("sourceTopic", "ecostream.air.readings");
    written.put("partition", 3);
    written.put("offset", 42L);
    written.put("reason", "undecodable");
    written.put("detail", "not avro");
    written.put("value", ByteBuffer.wrap(new byte[] {1, 2, 3}));
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(written).array();

    DeadLetter read = AvroSerde.of(DeadLetter.class).deserialize("t", bytes);

    assertThat(read.getOffset()).isEqualTo(42L);
    assertThat(read.getValue()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    assertThat(read.getValueSize()).as("added in version 2").isNull();
    assertThat(read.getValueSha256()).as("added in version 2").isNull();
    assertThat(read.getTruncated()).as("added in version 2").isFalse();
  }

  @Test
  void shouldRenderRecordsAsJsonWithIsoTimesEnumSymbolsAndNulls() {
    Alert alert =
        Alert.newBuilder()
            .setAlertId("heavy-pollution@binzhou@2024-01-15")
            .setType("HEAVY_POLLUTION_DAY")
            .setStatus(AlertStatus.PROVISIONAL)
            .setCityId("binzhou")
            .setDate(LocalDate.of(2024, 1, 15))
            .setValue(215.0)
            .setMessage("AQI 215")
            .setEventTime(TEN_O_CLOCK_BEIJING)
            .build();

    assertThat(AvroJson.toJson(alert))
        .isEqualTo(
            "{\"alertId\":\"heavy-pollution@binzhou@2024-01-15\",\"type\":\"HEAVY_POLLUTION_DAY\","
                + "\"status\":\"PROVISIONAL\",\"cityId\":\"binzhou\",\"stationId\":null,"
                + "\"date\":\"2024-01-15\",\"value\":215.0,\"message\":\"AQI 215\","
                + "\"eventTime\":\"2024-01-15T02:00:00Z\"}");
  }

  @Test
  void shouldWriteAFigureThatIsNotANumberAsNullAndReadItBack() throws Exception {
    CityDayEntry day =
        CityDayEntry.newBuilder()
            .setDate(LocalDate.of(2024, 1, 15))
            .setSo2(Double.NaN)
            .setNo2(Double.POSITIVE_INFINITY)
            .setPm10(80.0)
            .setPm25(45.5)
            .setCo(0.8)
            .setO3Mda8(Double.NaN)
            .setAqi(-1)
            .setDustAffected(false)
            .build();

    String json = AvroJson.toJson(day);

    assertThat(json)
        .contains("\"so2\":null,\"no2\":null,\"pm10\":80.0,\"pm25\":45.5")
        .doesNotContain("NaN", "Infinity");
    CityDayEntry read = AvroJson.fromTree(new ObjectMapper().readTree(json), CityDayEntry.class);
    assertThat(read.getSo2()).isNaN();
    assertThat(read.getNo2()).as("any non-number reads back as NaN").isNaN();
    assertThat(read.getPm25()).isEqualTo(45.5);
  }

  private static AirReading reading(String stationId) {
    return AirReading.newBuilder()
        .setStationId(stationId)
        .setCityId("binzhou")
        .setHourStart(TEN_O_CLOCK_BEIJING)
        .setPm25(80.0)
        .build();
  }

  /** Avro's encoding of a long: zig-zag, then 7 bits per byte, lowest first. */
  private static byte[] zigZagVarLong(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = (value << 1) ^ (value >> 63);
    while ((n & ~0x7FL) != 0) {
      out.write((int) ((n & 0x7F) | 0x80));
      n >>>= 7;
    }
    out.write((int) n);
    return out.toByteArray();
  }

  private static Schema olderAirReadingSchema() throws IOException {
    try (InputStream in = AvroSerdeTest.class.getResourceAsStream("/older/AirReading-draft.avsc")) {
      return new Schema.Parser().parse(in);
    }
  }
}
