package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ecostream schemas} run in-process: no broker is involved. */
class SchemasCommandTest {

  /** Every topic without its prefix, with the record its values are. */
  private static final List<String> TOPICS_AND_RECORDS =
      List.of(
          "stations Station",
          "air.readings AirReading",
          "water.readings WaterSample",
          "air.station-hourly StationHourlyAqi",
          "air.city-hourly CityHourlyAqi",
          "air.pm25-rolling Pm25Rolling",
          "air.city-daily CityDaily",
          "air.city-period CityPeriod",
          "air.ranking ProvinceRanking",
          "water.sample-class WaterSampleClass",
          "water.section-month SectionMonth",
          "water.city-period CityWaterPeriod",
          "water.ranking WaterRanking",
          "alerts Alert",
          "dead-letters DeadLetter");

  @TempDir Path dir;

  @Test
  void shouldListEveryTopicWithItsRecordAndSingleObjectHeader() {
    CliRun run = CliRun.of("schemas");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).split(" +"))
        .containsExactly("topic", "record", "single-object", "header");
    assertThat(lines.subList(1, lines.size()))
        .extracting(line -> line.split(" +")[0] + " " + line.split(" +")[1])
        .containsExactlyElementsOf(TOPICS_AND_RECORDS);
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(line -> assertThat(line.split(" +")[2]).matches("c301[0-9a-f]{16}"));
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "air.city-daily",
        "ecostream.air.city-daily",
        "CityDaily",
        "io.ecostream.avro.CityDaily"
      })
  void shouldPrintOneSchemaByTopicOrRecordName(String name) {
    CliRun run = CliRun.of("schemas", name);

    assertThat(run.exitCode()).isZero();
    Schema printed = new Schema.Parser().parse(run.out());
    assertThat(printed.getFullName()).isEqualTo("io.ecostream.avro.CityDaily");
    assertThat(printed.getField("pm25").doc()).startsWith("PM2.5 daily mean");
    // the shared enum is written out, not only named: the schema parses alone
    assertThat(printed.getField("edition").schema().getEnumSymbols())
        .containsExactly("HJ_633_2012", "HJ_633_2026");
  }

  @Test
  void shouldPrintTheSchemaOfEveryOutputTopic() {
    for (String topicAndRecord : TOPICS_AND_RECORDS) {
      String[] parts = topicAndRecord.split(" ");
      CliRun run = CliRun.of("schemas", parts[0]);

      assertThat(run.exitCode()).as(parts[0]).isZero();
      assertThat(new Schema.Parser().parse(run.out()).getName()).as(parts[0]).isEqualTo(parts[1]);
    }
  }

  @Test
  void shouldExportEveryTopicsSchemaAsAnAvscFileThatParsesAlone() throws IOException {
    Path export = dir.resolve("schemas");

    CliRun run = CliRun.of("schemas", "--export", export.toString());

    assertThat(run.exitCode()).isZero();
    List<String> expectedFiles =
        TOPICS_AND_RECORDS.stream()
            .map(t -> export.resolve(t.split(" ")[1] + ".avsc").toString())
            .toList();
    assertThat(run.out().lines()).containsExactlyElementsOf(expectedFiles);
    try (Stream<Path> files = Files.list(export)) {
      assertThat(files).hasSize(15);
    }
    for (String topicAndRecord : TOPICS_AND_RECORDS) {
      String record = topicAndRecord.split(" ")[1];
      // a fresh parser per file: no file leans on a type another one defined
      Schema schema = new Schema.Parser().parse(export.resolve(record + ".avsc").toFile());
      assertThat(schema.getFullName()).isEqualTo("io.ecostream.avro." + record);
    }
  }

  @Test
  void shouldExportTheNamedSchemaAlone() throws IOException {
    CliRun run = CliRun.of("schemas", "alerts", "--export", dir.toString());

    assertThat(run.exitCode()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("Alert.avsc"));
    }
  }

  @Test
  void shouldRejectAnUnknownNameInOneLine() {
    CliRun run = CliRun.of("schemas", "air.city-dialy");

    assertThat(run.exitCode()).isEqualTo(EcostreamCli.USAGE_ERROR);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith(
            "ecostream schemas: unknown schema 'air.city-dialy'; names are topics (stations, air.readings,")
        .contains("or their records (CityDaily)")
        .endsWith("(see 'ecostream schemas --help')" + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldFailInOneLineWhenTheExportDirectoryIsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "not a directory");

    CliRun run = CliRun.of("schemas", "--export", file.toString());

    assertThat(run.exitCode()).isEqualTo(EcostreamCli.FAILURE);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream schemas: cannot write the schemas to " + file + ": not a directory");
  }

  @Test
  void shouldRejectAnUnknownOutputFormatOfRunBeforeContactingKafka() {
    CliRun run = CliRun.of("run", "--output-format", "xml", "--bootstrap-servers", "localhost:1");

    assertThat(run.exitCode()).isEqualTo(EcostreamCli.USAGE_ERROR);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream run: --output-format: unknown output format 'xml', expected one of avro, json"
                + " (see 'ecostream run --help')");
  }
}
