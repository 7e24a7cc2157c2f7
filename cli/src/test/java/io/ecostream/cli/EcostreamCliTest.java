package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.localkafka.LocalKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcostreamCliTest {

  @Test
  void shouldRequireACommand() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream: a command is required: demo, simulate, replay, run, tail, schemas, record, aqi, broker, bench, scenario (see 'ecostream --help')");
  }

  @Test
  void shouldRejectAnUnknownCommandInOneLine() {
    CliRun run = CliRun.of("demos");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("ecostream: Unmatched argument at index 0: 'demos'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo",
        "simulate",
        "replay",
        "run",
        "tail",
        "schemas",
        "record",
        "aqi",
        "broker",
        "bench",
        "scenario"
      })
  void shouldPrintHelpForEveryCommand(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: ecostream " + command);
  }

  @Test
  void shouldRefuseARecordingThatWouldNeverStartOrNamesNoTopic() {
    CliRun onlyNew = CliRun.of("record", "air.readings");
    CliRun noTopic = CliRun.of("record", "--from-beginning");
    CliRun unknown =
        CliRun.of("record", "--from-beginning", "--topics", "air.readings,air.nothing");

    assertThat(onlyNew.exitCode()).isEqualTo(2);
    assertThat(onlyNew.errLines())
        .containsExactly(
            "ecostream record: nothing to record: without --from-beginning only new records are"
                + " recorded, with --follow (see 'ecostream record --help')");
    assertThat(noTopic.exitCode()).isEqualTo(2);
    assertThat(noTopic.err()).startsWith("ecostream record: name the topics to record");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith(
            "ecostream record: unknown topic 'air.nothing'; ecostream topics are: stations,");
  }

  @Test
  void shouldRejectABadDemoDurationInOneLine() {
    CliRun run = CliRun.of("demo", "--duration", "soon");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("ecostream demo: ").contains("--duration").contains("soon");
  }

  @Test
  void shouldRejectABadDemoSpeedInOneLine() {
    CliRun run = CliRun.of("demo", "--speed", "fast");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream demo: --speed must be a positive number or 'max', got 'fast' (see 'ecostream demo --help')");
  }

  @Test
  void shouldRejectADemoThatWouldStartInTheFuture() {
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

    CliRun run = CliRun.of("demo", "--from", tomorrow.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("ecostream demo: --from " + tomorrow + " is in the future (today is ");
  }

  @Test
  void shouldRejectAKafkaTimeoutUnderASecond() {
    CliRun run = CliRun.of("tail", "air.city-daily", "--kafka-timeout", "500ms");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream tail: --kafka-timeout must be at least 1s, got 500ms (see 'ecostream tail --help')");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--debug tail", "tail --debug"})
  void shouldPrintTheStackTraceOnlyWithDebug(String debugTail) {
    String address = "localhost:" + LocalKafkaBroker.freePort();
    List<String> args = new ArrayList<>(List.of(debugTail.split(" ")));
    args.addAll(List.of("air.city-daily", "--bootstrap-servers", address, "--kafka-timeout", "1s"));

    CliRun plain =
        CliRun.of(
            "tail", "air.city-daily", "--bootstrap-servers", address, "--kafka-timeout", "1s");
    CliRun debug = CliRun.of(args.toArray(String[]::new));

    String message =
        "ecostream tail: no Kafka broker answers at "
            + address
            + " within 1 s; start one with './ecostream broker' or pass --bootstrap-servers";
    assertThat(plain.exitCode()).isEqualTo(EcostreamCli.FAILURE);
    assertThat(plain.errLines()).containsExactly(message);
    assertThat(debug.exitCode()).isEqualTo(EcostreamCli.FAILURE);
    assertThat(debug.errLines().get(0)).isEqualTo(message);
    assertThat(debug.err()).contains("io.ecostream.topics.KafkaClusterException").contains("\tat ");
  }

  @Test
  void shouldRejectClashingDemoPorts() {
    CliRun run = CliRun.of("demo", "--port", "9093");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("must all differ");
  }

  @Test
  void shouldRejectAnUnknownTopicNamingTheKnownOnes() {
    CliRun run = CliRun.of("tail", "air.nothing");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith(
            "ecostream tail: unknown topic 'air.nothing'; ecostream topics are: ecostream.stations,");
  }

  @Test
  void shouldRejectANonNumericMax() {
    CliRun run = CliRun.of("tail", "air.city-daily", "--max", "lots");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
  }

  @Test
  void shouldRejectAnOutOfRangeMetricsPortBeforeConnecting() {
    CliRun run = CliRun.of("run", "--metrics-port", "70000");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream run: --metrics-port must be -1 (off) or 0-65535, got 70000 (see 'ecostream run --help')");
  }

  @Test
  void shouldRejectAMissingClientPropertiesFileInOneLine() {
    CliRun run =
        CliRun.of("tail", "air.city-daily", "--command-config", "/nonexistent/client.properties");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream tail: --command-config: cannot read client properties file"
                + " /nonexistent/client.properties (see 'ecostream tail --help')");
  }

  @Test
  void shouldRejectAMemtableSizeRocksDbWouldChangeInOneLineBeforeConnecting(@TempDir Path dir)
      throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("client.properties"), "ecostream.rocksdb.write.buffer.bytes=1000\n");

    CliRun run = CliRun.of("run", "--command-config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream run: Invalid value 1000 for configuration"
                + " ecostream.rocksdb.write.buffer.bytes: a number of bytes of at least 65536"
                + " (see 'ecostream run --help')");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "demo"})
  void shouldRejectAMissingDustDaysFileInOneLineBeforeStarting(String command) {
    CliRun run = CliRun.of(command, "--dust-days", "/nonexistent/dust.csv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream "
                + command
                + ": --dust-days: cannot read dust-days file /nonexistent/dust.csv"
                + " (see 'ecostream "
                + command
                + " --help')");
  }

  @Test
  void shouldRejectABadDustDaysLineNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("dust.csv"), "city_id,date\n*,2024-03-15\njinan,15.03.2024\n");

    CliRun run = CliRun.of("run", "--dust-days", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream run: --dust-days: "
                + file
                + " line 3: date '15.03.2024' is not a valid yyyy-MM-dd date"
                + " (see 'ecostream run --help')");
  }

  @Test
  void shouldRejectADustRuleOtherThanOnOrOff() {
    CliRun run = CliRun.of("run", "--dust-rule", "maybe");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream run: --dust-rule must be on or off, got 'maybe' (see 'ecostream run --help')");
  }
}
