package io.ecostream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.FlaggedValue;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.avro.testing.Bearing;
import io.ecostream.avro.testing.CompassPoint;
import io.ecostream.avro.testing.EveryAvroType;
import io.ecostream.avro.testing.Leaf;
import io.ecostream.serde.WriterCompiler.UnsupportedSchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled writer against Avro's own {@link BinaryMessageEncoder}, the standard: the same bytes
 * for every generated record class, on records drawn at random from the values hardest to encode.
 */
class SingleObjectWriterTest {

  private static final int RECORDS_PER_CLASS = 300;

  /**
   * Created first, as it also tells Avro to trust the generated classes: the tests build records
   * and look classes up through Avro before any other serde exists.
   */
  private static final AvroSerde<Alert> ALERTS = AvroSerde.of(Alert.class);

  /** Where the schemas of ecostream's topics and stores, and of these tests, are. */
  private static final List<Path> SCHEMA_DIRECTORIES =
      List.of(Path.of("src/main/avro"), Path.of("src/test/avro"));

  private static final Instant TEN_O_CLOCK_BEIJING = Instant.parse("2024-01-15T02:00:00Z");

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedRecordClasses")
  <T extends SpecificRecord> void shouldWriteTheBytesAvroWritesForEveryGeneratedRecordClass(
      Class<T> type) {
    AvroSerde<T> serde = AvroSerde.of(type);
    SpecificData model = SpecificData.getForClass(type);
    Schema schema = model.getSchema(type);
    assertThatCode(() -> SingleObjectWriter.compile(model, schema)).doesNotThrowAnyException();
    SingleObjectWriter<T> writer = serde.compiledWriter().orElseThrow();
    BinaryMessageEncoder<T> avro = new BinaryMessageEncoder<>(model, schema);
    RandomRecords records = new RandomRecords(type.getName().hashCode(), model);

    for (int i = 0; i < RECORDS_PER_CLASS; i++) {
      T record = records.next(type);
      byte[] expected = avroBytes(avro, record);

      assertThat(writer.write(record)).as(() -> "record " + record).isEqualTo(expected);
      assertThat(serde.serialize("t", record)).isEqualTo(expected);
      // Read back, it is the same record to Avro. (The generated equals compares doubles with
      // !=, so that a record with a NaN is never equal even to itself.)
      assertThat(avroBytes(avro, serde.deserialize("t", expected)))
          .as(() -> "read back: " + record)
          .isEqualTo(expected);
    }
    assertThat(records.neverDrawn()).as("enum symbols and union branches never drawn").isEmpty();
  }

  @Test
  void shouldFindEveryGeneratedRecordClassNestedOnesIncluded() {
    assertThat(generatedRecordClasses())
        .contains(
            StationHourlyAqi.class,
            FlaggedValue.class,
            CityYearState.class,
            CityDayEntry.class,
            DeadLetter.class,
            EveryAvroType.class,
            Leaf.class)
        .hasSizeGreaterThan(30);
  }

  @Test
  void shouldWriteAnyCharSequenceAsAvroDoes() {
    StationHourlyAqi hour = stationHour();
    hour.put(
        "primaryPollutants",
        new ArrayList<>(List.of(new Utf8("PM2.5"), new StringBuilder("O3"), new Utf8("济南"))));

    assertSameBytesAsAvro(StationHourlyAqi.class, hour);
  }

  @Test
  void shouldWriteUnpairedSurrogatesAsAvroDoes() {
    for (String message :
        List.of("\uD800", "a\uDC00b", "\uD83D", "x\uD83D\uD83D\uDE00", "\uDE00\uD83D", "é\uDBFF")) {
      Alert alert = alert();
      alert.setMessage(message);

      assertSameBytesAsAvro(Alert.class, alert);
    }
  }

  @Test
  void shouldWriteInstantsFinerThanAMillisecondAsAvroDoes() {
    for (Instant instant :
        List.of(
            Instant.parse("2024-01-15T02:00:00.123456789Z"),
            Instant.parse("1969-12-31T23:59:59.999999999Z"),
            Instant.ofEpochSecond(-1, 1))) {
      Alert alert = alert();
      alert.put("eventTime", instant);

      assertSameBytesAsAvro(Alert.class, alert);
    }
  }

  @Test
  void shouldLeaveTheByteBuffersItWritesAsTheyWere() {
    ByteBuffer key = ByteBuffer.wrap(new byte[] {9, 9, 9, 1, 2, 3, 9}, 3, 3);
    ByteBuffer value = ByteBuffer.allocateDirect(4).put(new byte[] {4, 5, 6, 7}).flip();
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic("ecostream.air.readings")
            .setPartition(2)
            .setOffset(41)
            .setReason("undecodable")
            .setDetail("not Avro")
            .setKey(key)
            .setValue(value)
            .build();

    byte[] written = assertSameBytesAsAvro(DeadLetter.class, letter);

    assertThat(key.position()).isEqualTo(3);
    assertThat(key.remaining()).isEqualTo(3);
    assertThat(value.position()).isZero();
    assertThat(AvroSerde.of(DeadLetter.class).deserialize("t", written)).isEqualTo(letter);
  }

  @Test
  void shouldLeaveToAvroARecordHoldingAValueOfAnotherClassThanGenerated() {
    EveryAvroType record =
        new RandomRecords(7, SpecificData.getForClass(EveryAvroType.class))
            .next(EveryAvroType.class);
    GenericData.Record genericLeaf = new GenericData.Record(Leaf.getClassSchema());
    genericLeaf.put("name", "a leaf of no class");
    genericLeaf.put("tags", java.util.Map.of("k", "v"));
    record.setAnything(genericLeaf);
    SingleObjectWriter<EveryAvroType> writer =
        AvroSerde.of(EveryAvroType.class).compiledWriter().orElseThrow();

    assertThatThrownBy(() -> writer.write(record)).isInstanceOf(ValueWriter.UnexpectedValue.class);
    assertSameBytesAsAvro(EveryAvroType.class, record);
  }

  @Test
  void shouldRejectWhatAvroRejectsWithASerializationException() {
    Alert noMessage = alert();
    noMessage.setMessage(null);
    EveryAvroType unknownBranch =
        new RandomRecords(11, SpecificData.getForClass(EveryAvroType.class))
            .next(EveryAvroType.class);
    unknownBranch.setAnything(new Object());

    assertThatThrownBy(() -> ALERTS.serialize("ecostream.alerts", noMessage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Alert")
        .hasMessageContaining("ecostream.alerts");
    assertThatThrownBy(() -> AvroSerde.of(EveryAvroType.class).serialize("t", unknownBranch))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldLeaveToAvroAnEnumWhoseOrdinalsAreNotTheIndexesOfItsSymbols() {
    SpecificData model = SpecificData.getForClass(Bearing.class);

    assertThatThrownBy(() -> SingleObjectWriter.compile(model, Bearing.SCHEMA$))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("Bearing.point")
        .hasMessageContaining("ordinal");
    assertThat(AvroSerde.of(Bearing.class).compiledWriter()).isEmpty();
    for (CompassPoint point : CompassPoint.values()) {
      assertSameBytesAsAvro(Bearing.class, new Bearing(point, 90.0));
    }
  }

  @Test
  void shouldNotCompileARecordWithNoGeneratedClass() {
    Schema noClass =
        new Schema.Parser()
            .parse(
                """
                {"type": "record", "name": "Unknown", "namespace": "io.ecostream.serde.none",
                 "fields": [{"name": "a", "type": "int"}]}""");

    assertThatThrownBy(() -> SingleObjectWriter.compile(SpecificData.get(), noClass))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("no class for io.ecostream.serde.none.Unknown");
  }

  @Test
  void shouldWriteTheSameBytesFromSeveralThreadsAtOnce() throws Exception {
    SpecificData model = SpecificData.getForClass(CityYearState.class);
    List<CityYearState> states = new ArrayList<>();
    RandomRecords random = new RandomRecords(3, model);
    for (int i = 0; i < 200; i++) {
      states.add(random.next(CityYearState.class));
    }
    BinaryMessageEncoder<CityYearState> avro =
        new BinaryMessageEncoder<>(model, CityYearState.getClassSchema());
    List<byte[]> expected = states.stream().map(state -> avroBytes(avro, state)).toList();
    AvroSerde<CityYearState> serde = AvroSerde.of(CityYearState.class);

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<byte[]>>> written = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        written.add(
            threads.submit(() -> states.stream().map(s -> serde.serialize("t", s)).toList()));
      }
      for (Future<List<byte[]>> thread : written) {
        assertThat(thread.get()).containsExactlyElementsOf(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static <T extends SpecificRecord> byte[] assertSameBytesAsAvro(Class<T> type, T record) {
    SpecificData model = SpecificData.getForClass(type);
    byte[] expected = avroBytes(new BinaryMessageEncoder<>(model, model.getSchema(type)), record);
    byte[] written = AvroSerde.of(type).serialize("t", record);
    assertThat(written).as("%s", record).isEqualTo(expected);
    return written;
  }

  private static <T> byte[] avroBytes(BinaryMessageEncoder<T> avro, T record) {
    try {
      ByteBuffer encoded = avro.encode(record);
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StationHourlyAqi stationHour() {
    return StationHourlyAqi.newBuilder()
        .setStationId("BZ-A01")
        .setCityId("binzhou")
        .setHourStart(TEN_O_CLOCK_BEIJING)
        .setLocalDate(LocalDate.of(2024, 1, 15))
        .setLocalHour(10)
        .setEdition(io.ecostream.avro.AqiEdition.HJ_633_2012)
        .setPm25(80.0)
        .setAqi(106)
        .build();
  }

  private static Alert alert() {
    return Alert.newBuilder()
        .setAlertId("heavy-pollution@binzhou@2024-01-15")
        .setType("HEAVY_POLLUTION_DAY")
        .setStatus(AlertStatus.PROVISIONAL)
        .setCityId("binzhou")
        .setMessage("AQI 215")
        .setEventTime(TEN_O_CLOCK_BEIJING)
        .build();
  }

  /**
   * Every record class generated from the schemas: the top-level record of each {@code .avsc} and
   * the records nested in it, so that a schema added later is tested without being listed here.
   */
  static List<Class<? extends SpecificRecord>> generatedRecordClasses() {
    Set<Class<? extends SpecificRecord>> classes =
        new TreeSet<>(Comparator.comparing(Class::getName));
    ObjectMapper json = new ObjectMapper();
    for (Path directory : SCHEMA_DIRECTORIES) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).toList()) {
          JsonNode schema = json.readTree(file.toFile());
          if (schema.path("type").asText().equals("record")) {
            Class<?> type =
                Class.forName(schema.get("namespace").asText() + "." + schema.get("name").asText());
            SpecificData model = SpecificData.getForClass(type);
            collectRecordClasses(model, model.getSchema(type), classes, new HashSet<>());
          }
        }
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException("cannot list the generated classes of " + directory, e);
      }
    }
    return List.copyOf(classes);
  }

  @SuppressWarnings("unchecked")
  private static void collectRecordClasses(
      SpecificData model,
      Schema schema,
      Set<Class<? extends SpecificRecord>> classes,
      Set<String> seen) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          classes.add((Class<? extends SpecificRecord>) model.getClass(schema));
          schema.getFields().forEach(f -> collectRecordClasses(model, f.schema(), classes, seen));
        }
      }
      case UNION -> schema.getTypes().forEach(t -> collectRecordClasses(model, t, classes, seen));
      case ARRAY -> collectRecordClasses(model, schema.getElementType(), classes, seen);
      case MAP -> collectRecordClasses(model, schema.getValueType(), classes, seen);
      default -> {}
    }
  }
}
