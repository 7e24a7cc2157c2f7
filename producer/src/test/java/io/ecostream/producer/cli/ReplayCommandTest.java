package io.ecostream.producer.cli;

import static io.ecostream.producer.fixtures.ReplayFixtures.CSV_HEADER;
import static io.ecostream.producer.fixtures.ReplayFixtures.DONGSI;
import static io.ecostream.producer.fixtures.ReplayFixtures.GENERIC;
import static io.ecostream.producer.fixtures.ReplayFixtures.TIANTAN;
import static io.ecostream.producer.fixtures.ReplayFixtures.cnemcWater;
import static io.ecostream.producer.fixtures.ReplayFixtures.csvLine;
import static io.ecostream.producer.fixtures.ReplayFixtures.file;
import static io.ecostream.producer.fixtures.ReplayFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecostream.producer.Pacing;
import io.ecostream.producer.fixtures.FakeClock;
import io.ecostream.producer.replay.ReplayFormat;
import io.ecostream.producer.replay.ReplaySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class ReplayCommandTest {

  private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

  private final FakeClock wall = new FakeClock(NOW);
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final List<Map<String, Object>> producerConfigs = new ArrayList<>();
  private final List<Thread> hooks = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  @Test
  void shouldReplayEverythingAsFastAsPossibleByDefault() {
    Path file = sample(dir, DONGSI);

    ReplaySettings settings = settings("--format", "prsa", file.toString());

    assertThat(settings)
        .isEqualTo(
            new ReplaySettings(
                ReplayFormat.PRSA,
                List.of(file),
                Optional.empty(),
                Optional.empty(),
                Pacing.asFastAsPossible()));
  }

  @Test
  void shouldReadEveryOptionAndExpandDirectories() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path tiantan = sample(data, TIANTAN);
    Path dongsi = sample(data, DONGSI);

    ReplayCommand command = command(this::recordingProducer);
    new CommandLine(command)
        .parseArgs(
            "--format=prsa",
            "--speed",
            "7200",
            "--from",
            "2013-03-01",
            "--to",
            "2013-04-01",
            "--skip-bad-lines",
            "--topic-prefix",
            "demo",
            data.toString());

    assertThat(command.settings())
        .isEqualTo(
            new ReplaySettings(
                ReplayFormat.PRSA,
                List.of(dongsi, tiantan),
                Optional.of(LocalDate.of(2013, 3, 1)),
                Optional.of(LocalDate.of(2013, 4, 1)),
                Pacing.speed(7200)));
    assertThat(command.skipBadLines()).isTrue();
    assertThat(command.topics().prefix()).isEqualTo("demo");
    assertThat(command.producerConfig()).containsEntry("client.id", "ecostream-replay");
  }

  @Test
  void shouldExplainInvalidArgumentsInOneLine() {
    Path file = sample(dir, DONGSI);
    Path missing = dir.resolve("missing.csv.gz");

    assertInvalid(
        "Invalid value for option '--format': unknown format 'json' (valid: prsa, cnemc-city, cnemc-daily, csv, water-csv, cnemc-water, ndjson)",
        "--format",
        "json",
        file.toString());
    assertInvalid("Missing required option: '--format=FORMAT'", file.toString());
    assertInvalid("Missing required parameter: 'FILE'", "--format", "prsa");
    assertInvalid(
        "no such file or directory: " + missing,
        "--format",
        "prsa",
        file.toString(),
        missing.toString());
    assertInvalid(
        "--speed must be a positive number or 'max', got 'fast'",
        "--format",
        "prsa",
        "--speed",
        "fast",
        file.toString());
    assertInvalid(
        "--to (2013-03-01) must be after --from (2013-03-01)",
        "--format",
        "prsa",
        "--from",
        "2013-03-01",
        "--to",
        "2013-03-01",
        file.toString());
  }

  @Test
  void shouldRefuseAFileOfAnotherFormatAsAUsageError() {
    Path csv = sample(dir, GENERIC);

    int exitCode = execute("--format", "prsa", csv.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("--format prsa: " + csv + ": not a prsa file: no column year, month, day,");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldSendStationsKeyedByStationThenReadingsKeyedByCityStampedWithTheirHour() {
    Path file =
        file(
            dir,
            "two.csv",
            CSV_HEADER,
            csvLine("BZ-X02", "binzhou", "2024-01-15T10:00", "30"),
            csvLine("BZ-X01", "binzhou", "2024-01-15T10:00", "35"),
            csvLine("BZ-X01", "binzhou", "2024-01-15T11:00", "40"));
    long tenOClock = Instant.parse("2024-01-15T02:00:00Z").toEpochMilli();

    int exitCode = execute("--format", "csv", file.toString());

    assertThat(exitCode).isZero();
    assertThat(producer.history())
        .extracting(ProducerRecord::topic, r -> new String(r.key()), ProducerRecord::timestamp)
        .containsExactly(
            tuple("ecostream.stations", "BZ-X02", tenOClock),
            tuple("ecostream.stations", "BZ-X01", tenOClock),
            tuple("ecostream.air.readings", "binzhou", tenOClock),
            tuple("ecostream.air.readings", "binzhou", tenOClock),
            tuple("ecostream.air.readings", "binzhou", tenOClock + 3_600_000));
    assertThat(err.toString())
        .startsWith(
            "replaying 1 csv file (hour-beginning) with 2 stations from 2024-01-15 10:00 (+08:00)"
                + " at max to localhost:9092 (topics ecostream.*)")
        .contains("replayed 2024-01-15 10:00 .. 2024-01-15 12:00 (+08:00), end reached")
        .contains("sent ecostream.stations 2, ecostream.air.readings 3 (")
        .contains("2 stations: BZ-X02, BZ-X01")
        .contains("read 3 readings from 1 file");
    assertThat(out.toString()).isEmpty();
    assertThat(producer.closed()).isTrue();
    assertThat(hooks).isEmpty();
  }

  @Test
  void shouldReadTheWaterFormats() {
    Path file = file(dir, "samples.csv", "station_id,city,kind,sampled_at,nh3n");

    assertThat(settings("--format", "water-csv", file.toString()))
        .isEqualTo(
            new ReplaySettings(
                ReplayFormat.WATER_CSV,
                List.of(file),
                Optional.empty(),
                Optional.empty(),
                Pacing.asFastAsPossible()));
    assertThat(settings("--format", "cnemc-water", file.toString()).format())
        .isEqualTo(ReplayFormat.CNEMC_WATER);
  }

  @Test
  void shouldSendWaterStationsThenSamplesToTheWaterTopicStampedWithTheirSamplingTime() {
    Path file =
        file(
            dir,
            "samples.csv",
            "station_id,city,kind,drinking_source,sampled_at,ph,nh3n",
            "BZ-W02,binzhou,river,false,2024-01-10T10:05,8.01,0.412",
            "BZ-W01,binzhou,reservoir,true,2024-01-10T09:35,7.92,0.061",
            "BZ-W01,binzhou,reservoir,true,2024-02-10T09:40,7.95,0.058");
    long nineThirtyFive = Instant.parse("2024-01-10T01:35:00Z").toEpochMilli();
    long tenOFive = Instant.parse("2024-01-10T02:05:00Z").toEpochMilli();
    long february = Instant.parse("2024-02-10T01:40:00Z").toEpochMilli();

    int exitCode = execute("--format", "water-csv", file.toString());

    assertThat(exitCode).isZero();
    assertThat(producer.history())
        .extracting(ProducerRecord::topic, r -> new String(r.key()), ProducerRecord::timestamp)
        .containsExactly(
            // stamped with the first sample sent; the second line, earlier, is sent as it comes
            tuple("ecostream.stations", "BZ-W02", tenOFive),
            tuple("ecostream.stations", "BZ-W01", tenOFive),
            tuple("ecostream.water.readings", "binzhou", tenOFive),
            tuple("ecostream.water.readings", "binzhou", nineThirtyFive),
            tuple("ecostream.water.readings", "binzhou", february));
    assertThat(err.toString())
        .startsWith(
            "replaying 1 water-csv file (sampling instant) with 2 stations from 2024-01-10 10:05"
                + " (+08:00) at max to localhost:9092 (topics ecostream.*)")
        .contains("replayed 2024-01-10 09:35 .. 2024-02-10 09:40 (+08:00), end reached")
        .contains("sent ecostream.stations 2, ecostream.water.readings 3 (")
        .contains("read 3 samples from 1 file, 1 out of time order within their file");
  }

  @Test
  void shouldReplayACnemcWaterFolderInTimeOrderWithItsStationList() {
    Path file = cnemcWater(dir);

    int exitCode = execute("--format", "cnemc-water", "--skip-bad-lines", dir.toString());

    assertThat(exitCode).isZero();
    assertThat(producer.history())
        .extracting(ProducerRecord::topic, r -> new String(r.key()))
        .startsWith(
            tuple("ecostream.stations", "HAI-01"),
            tuple("ecostream.stations", "HAI-04"),
            tuple("ecostream.stations", "HUAI-22"),
            tuple("ecostream.stations", "HUANG-05"),
            // samples keyed by city id: HUANG-05 is in the former Laiwu, part of Jinan since 2019
            tuple("ecostream.water.readings", "jinan"),
            tuple("ecostream.water.readings", "binzhou"));
    assertThat(err.toString())
        .startsWith("replaying 1 cnemc-water file (sampling instant) with 4 stations")
        .contains("replayed 2023-03-01 04:00 .. 2023-06-10 12:00 (+08:00), end reached")
        .contains("sent ecostream.stations 4, ecostream.water.readings 9 (")
        .contains("read 9 samples from 1 file")
        .contains(file + ":8: bad date or hour: observed_at '2023/6/10 8:00'");
  }

  @Test
  void shouldListBadLinesAndExitWithOne() {
    Path file = sample(dir, GENERIC);

    int exitCode = execute("--format", "csv", file.toString());

    assertThat(exitCode).isOne();
    assertThat(err.toString())
        .contains(
            "skipped 3 lines that could not be read: not a number 1, bad date or hour 1,"
                + " no station or city 1")
        .contains(
            "  " + file + ":5: bad date or hour: hour_start '2024-01-15T11:30' is not on the hour")
        .contains("  " + file + ":6: not a number: pm25 'x'")
        .contains("  " + file + ":7: no station or city: empty station_id")
        .endsWith(
            "error: 3 lines could not be read (see above); --skip-bad-lines accepts that"
                + System.lineSeparator());
    assertThat(producer.history()).hasSize(3 + 4);
  }

  @Test
  void shouldExitWithZeroDespiteBadLinesWhenTheyMayBeSkipped() {
    int exitCode = execute("--format", "csv", "--skip-bad-lines", sample(dir, GENERIC).toString());

    assertThat(exitCode).isZero();
    assertThat(err.toString())
        .contains("skipped 3 lines that could not be read")
        .doesNotContain("error:");
  }

  @Test
  void shouldTellThePeriodReplayed() {
    Path file = sample(dir, DONGSI);

    execute("--format", "prsa", "--from", "2013-03-01", "--skip-bad-lines", file.toString());

    // the well-formed rows are hours 0, 1, 2 and 6 of 1 March: 00:00 to the end of 06:00-07:00
    assertThat(err.toString())
        .contains("replayed 2013-03-01 00:00 .. 2013-03-01 07:00 (+08:00), end reached")
        .contains("read 4 readings from 1 file")
        .doesNotContain("outside --from/--to");
  }

  @Test
  void shouldExitNonZeroWhenRecordsCannotBeDelivered() {
    ReplayCommand command = command(config -> failingProducer());
    CommandLine cli =
        new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

    int exitCode = cli.execute("--format", "prsa", sample(dir, DONGSI).toString());

    assertThat(exitCode).isOne();
    assertThat(err.toString())
        .contains("replay failed")
        .contains("error: sending to Kafka at localhost:9092 failed: broker unreachable");
  }

  private int execute(String... args) {
    CommandLine cli =
        new CommandLine(command(this::recordingProducer))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Producer<byte[], byte[]> recordingProducer(Map<String, Object> config) {
    producerConfigs.add(config);
    return producer;
  }

  private ReplayCommand command(Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
    return new ReplayCommand(
        Map.of(),
        wall,
        wall.sleeper(),
        producers,
        new SimulateCommand.ShutdownHooks() {
          @Override
          public void add(Thread hook) {
            hooks.add(hook);
          }

          @Override
          public void remove(Thread hook) {
            hooks.remove(hook);
          }
        },
        false,
        SimulateCommand.ClusterRequirement.NONE);
  }

  private ReplaySettings settings(String... args) {
    ReplayCommand command = command(this::recordingProducer);
    new CommandLine(command).parseArgs(args);
    return command.settings();
  }

  private void assertInvalid(String message, String... args) {
    assertThatThrownBy(() -> settings(args))
        .isInstanceOf(ParameterException.class)
        .hasMessage(message);
  }

  private static MockProducer<byte[], byte[]> failingProducer() {
    return new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
      @Override
      public synchronized Future<RecordMetadata> send(
          ProducerRecord<byte[], byte[]> record, Callback callback) {
        TimeoutException failure = new TimeoutException("broker unreachable");
        callback.onCompletion(null, failure);
        return CompletableFuture.failedFuture(failure);
      }
    };
  }
}
