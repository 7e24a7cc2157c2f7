package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.serde.AvroSerde;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class TopicSchemaTest {

  private static final List<TopicSchema> SCHEMAS =
      TopicSchema.of(EcostreamTopics.withDefaultPrefix());

  @Test
  void shouldHaveOneSchemaPerTopic() {
    assertThat(SCHEMAS)
        .extracting(TopicSchema::topic)
        .contains("air.city-daily", "alerts", "dead-letters")
        .hasSize(15);
    assertThat(SCHEMAS).extracting(TopicSchema::recordName).doesNotHaveDuplicates();
  }

  @Test
  void shouldFindASchemaByTopicWithOrWithoutPrefixOrByRecord() {
    for (String name :
        List.of(
            "air.city-daily",
            "ecostream.air.city-daily",
            "CityDaily",
            "io.ecostream.avro.CityDaily")) {
      assertThat(TopicSchema.find(SCHEMAS, name))
          .as(name)
          .get()
          .extracting(TopicSchema::recordName)
          .isEqualTo("CityDaily");
    }
    assertThat(TopicSchema.find(SCHEMAS, "water.city-period").orElseThrow().recordName())
        .isEqualTo("CityWaterPeriod");
    assertThat(TopicSchema.find(SCHEMAS, "city-daily")).isEmpty();
    assertThat(TopicSchema.find(SCHEMAS, "citydaily")).isEmpty();
  }

  @Test
  void shouldPrintASchemaThatParsesAloneWithTheSharedEnumsInIt() {
    TopicSchema cityDaily = TopicSchema.find(SCHEMAS, "air.city-daily").orElseThrow();

    Schema parsed = new Schema.Parser().parse(cityDaily.json());

    assertThat(SchemaNormalization.parsingFingerprint64(parsed))
        .isEqualTo(SchemaNormalization.parsingFingerprint64(CityDaily.getClassSchema()));
    assertThat(parsed.getField("pm25").doc())
        .isEqualTo(CityDaily.getClassSchema().getField("pm25").doc());
    assertThat(cityDaily.json())
        .doesNotContain("avro.java.string")
        .contains("\"type\" : \"string\"");
    assertThat(parsed.getField("edition").schema().getEnumSymbols())
        .containsExactly("HJ_633_2012", "HJ_633_2026");
  }

  /** The header is what the serde writes: compared with the first 10 bytes of a real value. */
  @Test
  void shouldGiveTheFirstTenBytesOfEverySingleObjectValue() {
    CityDaily day =
        CityDaily.newBuilder()
            .setCityId("binzhou")
            .setDate(LocalDate.of(2026, 3, 2))
            .setEdition(AqiEdition.HJ_633_2026)
            .setStationsReporting(0)
            .setStationsComplete(0)
            .setStationHours(0)
            .setRevision(1)
            .build();
    byte[] value = AvroSerde.of(CityDaily.class).serialize("t", day);

    String header = TopicSchema.find(SCHEMAS, "CityDaily").orElseThrow().singleObjectHeader();

    assertThat(header)
        .hasSize(20)
        .startsWith("c301")
        .isEqualTo(HexFormat.of().formatHex(value, 0, 10));
  }

  /**
   * The .avsc files as written are in the jar beside the classes, and they are the schemas the
   * classes were generated from: parsed after the shared enums, each has its class's fingerprint.
   */
  @Test
  void shouldBundleTheAvscFilesOfEveryTopic() throws IOException, URISyntaxException {
    Schema.Parser parser = new Schema.Parser();
    Path common = Path.of(getClass().getResource("/io/ecostream/avro/common").toURI());
    try (Stream<Path> files = Files.list(common)) {
      for (Path file : files.sorted().toList()) {
        parser.parse(file.toFile());
      }
    }
    for (TopicSchema schema : SCHEMAS) {
      try (InputStream in =
          getClass().getResourceAsStream("/io/ecostream/avro/" + schema.fileName())) {
        assertThat(in).as(schema.fileName()).isNotNull();
        Schema bundled = parser.parse(in);
        assertThat(SchemaNormalization.parsingFingerprint64(bundled))
            .as(schema.fileName())
            .isEqualTo(schema.fingerprint());
      }
    }
  }

  /** docs/consuming.md quotes the header of the city days in its Python Avro example. */
  @Test
  void shouldQuoteTheCurrentCityDailyHeaderInTheConsumingGuide() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "consuming.md"));

    String header = TopicSchema.find(SCHEMAS, "air.city-daily").orElseThrow().singleObjectHeader();

    assertThat(guide).contains("bytes.fromhex(\"" + header + "\")");
  }
}
