package io.ecostream.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.producer.Pacing;
import io.ecostream.producer.faults.FaultKind;
import io.ecostream.producer.faults.FaultSettings;
import io.ecostream.producer.fixtures.FakeClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class SimulateCommandTest {

  /** 2024-03-01 17:00 UTC is already 2 March in Beijing. */
  private static final Instant NOW = Instant.parse("2024-03-01T17:00:00Z");

  private final FakeClock wall = new FakeClock(NOW);
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final List<Map<String, Object>> producerConfigs = new ArrayList<>();
  private final List<Thread> hooks = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  @Test
  void shouldDefaultToTodayInBeijingAtAnHourPerSecondOnAllCities() {
    SimulationSettings settings = settings();

    assertThat(settings.from()).isEqualTo(LocalDate.of(2024, 3, 2));
    assertThat(settings.to()).isEmpty();
    assertThat(settings.pacing()).isEqualTo(Pacing.speed(3600));
    assertThat(settings.seed()).isEqualTo(42);
    assertThat(settings.topicPrefix()).isEqualTo("ecostream");
    assertThat(settings.cities()).isEmpty();
    assertThat(settings.water()).isTrue();
    assertThat(settings.duration()).isEmpty();
    assertThat(settings.faults()).isEqualTo(FaultSettings.NONE);
    assertThat(settings.producerConfig()).containsEntry("bootstrap.servers", "localhost:9092");
  }

  @Test
  void shouldReadEveryOption() {
    SimulationSettings settings =
        settings(
            "--seed",
            "7",
            "--from",
            "2024-01-01",
            "--days",
            "3",
            "--speed",
            "max",
            "--duration",
            "90s",
            "--cities",
            "Binzhou, weihai",
            "--no-water",
            "--topic-prefix",
            "demo");

    assertThat(settings.seed()).isEqualTo(7);
    assertThat(settings.to()).contains(LocalDate.of(2024, 1, 4));
    assertThat(settings.pacing().isPaced()).isFalse();
    assertThat(settings.duration()).contains(Duration.ofSeconds(90));
    assertThat(settings.cities()).containsExactly("binzhou", "weihai");
    assertThat(settings.water()).isFalse();
    assertThat(settings.topicPrefix()).isEqualTo("demo");
  }

  @Test
  void shouldReadTheFaultRatesAsFractionsOrPercentages() {
    SimulationSettings settings =
        settings(
            "--fault-missing", "0.02",
            "--fault-outage", "0.01%",
            "--fault-stuck", "2e-4",
            "--fault-spike", "1",
            "--fault-negative", "0",
            "--fault-sentinel", "0.5%",
            "--fault-late", "0.1",
            "--fault-out-of-order", "10%",
            "--fault-duplicate", "0.3",
            "--fault-fast-clock", "0.25",
            "--fault-fast-clock-hours", "8");

    assertThat(settings.faults())
        .isEqualTo(new FaultSettings(0.02, 0.0001, 0.0002, 1, 0, 0.005, 0.1, 0.1, 0.3, 0.25, 8));
  }

  @Test
  void shouldStartFromThePresetAndOverrideSingleRates() {
    assertThat(settings("--faults", "realistic").faults()).isEqualTo(FaultSettings.REALISTIC);
    assertThat(
            settings("--faults", "realistic", "--fault-spike", "0", "--fault-late", "5%").faults())
        .isEqualTo(
            FaultSettings.REALISTIC.withRate(FaultKind.SPIKE, 0).withRate(FaultKind.LATE, 0.05));
    assertThat(settings("--fault-fast-clock", "0.1").faults().fastClockHours()).isEqualTo(3);
  }

  @Test
  void shouldTakeHowFarAFastClockIsAheadAsADuration() {
    assertThat(
            settings("--fault-fast-clock", "0.1", "--fault-fast-clock-ahead", "8h")
                .faults()
                .fastClockHours())
        .isEqualTo(8);
    assertThat(
            settings("--fault-fast-clock", "0.1", "--fault-fast-clock-ahead", "2d")
                .faults()
                .fastClockHours())
        .isEqualTo(48);
    assertInvalid(
        "--fault-fast-clock-ahead must be whole hours, got PT1H30M",
        "--fault-fast-clock",
        "0.1",
        "--fault-fast-clock-ahead",
        "90m");
  }

  @Test
  void shouldRejectBadFaultOptionsInOneLine() {
    assertInvalid(
        "Invalid value for option '--fault-missing': rate must be between 0 and 1, got '1.5'",
        "--fault-missing",
        "1.5");
    assertInvalid(
        "Invalid value for option '--fault-spike': rate must be between 0 and 1, got '-0.1'",
        "--fault-spike=-0.1");
    assertInvalid(
        "Invalid value for option '--fault-late': rate must be between 0 and 1, got '150%'",
        "--fault-late", "150%");
    assertInvalid(
        "Invalid value for option '--fault-outage': expected a rate between 0 and 1 like 0.01 or"
            + " 1%, got 'often'",
        "--fault-outage", "often");
    assertInvalid(
        "Invalid value for option '--fault-stuck': expected a rate between 0 and 1 like 0.01 or"
            + " 1%, got 'NaN'",
        "--fault-stuck", "NaN");
    assertInvalid("--faults must be none or realistic, got 'chaos'", "--faults", "chaos");
    assertInvalid(
        "--fault-fast-clock-hours must be 1-8760, got 0",
        "--fault-fast-clock",
        "0.1",
        "--fault-fast-clock-hours",
        "0");
    assertInvalid(
        "--fault-fast-clock-hours needs a share of fast clocks: give --fault-fast-clock",
        "--fault-fast-clock-hours",
        "2");
  }

  @Test
  void shouldExitWithCodeTwoAndNoStackTraceOnABadRate() {
    int exitCode = execute("--from", "2024-01-01", "--days", "1", "--fault-missing", "lots");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--fault-missing': expected a rate between 0 and 1 like 0.01"
                + " or 1%, got 'lots'")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldTakeBootstrapServersFromTheFlagThenTheEnvironmentThenTheFile() throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "bootstrap.servers=from-file:9093\nsecurity.protocol=SSL\n");
    Map<String, String> env =
        Map.of(io.ecostream.topics.KafkaClientConfig.BOOTSTRAP_ENV, "from-env:9092");

    assertThat(settings(Map.of(), "--command-config", file.toString()).producerConfig())
        .containsEntry("bootstrap.servers", "from-file:9093")
        .containsEntry("security.protocol", "SSL");
    assertThat(settings(env, "--command-config", file.toString()).producerConfig())
        .containsEntry("bootstrap.servers", "from-env:9092");
    assertThat(
            settings(env, "--command-config", file.toString(), "--bootstrap-servers", "flag:9092")
                .producerConfig())
        .containsEntry("bootstrap.servers", "flag:9092");
  }

  @Test
  void shouldRejectASpeedThatIsNeitherANumberNorMax() {
    assertInvalid("--speed must be a positive number or 'max', got 'fast'", "--speed", "fast");
    assertInvalid("--speed must be a positive number or 'max', got '0'", "--speed", "0");
    assertInvalid("--speed must be a positive number or 'max', got '-60'", "--speed=-60");
  }

  @Test
  void shouldRejectContradictoryOrEmptyPeriods() {
    assertInvalid(
        "--to and --days are mutually exclusive; give one of them",
        "--to",
        "2024-02-01",
        "--days",
        "3");
    assertInvalid("--days must be at least 1, got 0", "--days", "0");
    assertInvalid(
        "--to (2024-01-01) must be after --from (2024-01-05)",
        "--from",
        "2024-01-05",
        "--to",
        "2024-01-01");
  }

  @Test
  void shouldRejectAFirstDayAfterTodayInBeijing() {
    assertInvalid(
        "--from 2024-03-03 is in the future (today is 2024-03-02 in Asia/Shanghai): simulated"
            + " readings never run ahead of the clock",
        "--from",
        "2024-03-03");
    assertThat(settings("--from", "2024-03-02").from()).isEqualTo(LocalDate.of(2024, 3, 2));
  }

  @Test
  void shouldAcceptMaxSpeedWithoutAnEndBecauseTheClockHoldsItBack() {
    assertThat(settings("--speed", "max").pacing().isPaced()).isFalse();
  }

  @Test
  void shouldGoOnInRealTimeOnceItReachesTheClockAndSaySoOnce() {
    // NOW is 01:00 on 2 March in Beijing: one past hour, then the hour to 02:00 when it ends.
    int exitCode =
        execute(
            "--from",
            "2024-03-02",
            "--speed",
            "max",
            "--duration",
            "90m",
            "--cities",
            "binzhou",
            "--no-water");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("simulated 2024-03-02 00:00 .. 2024-03-02 02:00 (+08:00), 2 h, duration elapsed");
    assertThat(err.toString().lines().filter(line -> line.startsWith("caught up")))
        .containsExactly(
            "caught up with the clock at 2024-03-02 01:00: from now on in real time, each hour sent"
                + " when it ends (next at 2024-03-02 02:00)");
    assertThat(producer.history())
        .allSatisfy(r -> assertThat(r.timestamp()).isLessThanOrEqualTo(wall.millis()));
  }

  @Test
  void shouldRejectUnknownCitiesBadPrefixesAndMissingConfigFiles() {
    assertInvalid(
        "--cities: unknown city 'beijing' (known: jinan,qingdao,zibo,zaozhuang,dongying,yantai,"
            + "weifang,jining,taian,weihai,rizhao,linyi,dezhou,liaocheng,binzhou,heze)",
        "--cities",
        "binzhou,beijing");
    assertInvalid(
        "--topic-prefix: topic prefix must be 1-100 characters of [A-Za-z0-9._-], got 'my topics'",
        "--topic-prefix",
        "my topics");
    Path missing = dir.resolve("missing.properties");
    assertInvalid(
        "--command-config: cannot read client properties file " + missing,
        "--command-config",
        missing.toString());
  }

  @Test
  void shouldExplainBadDatesAndDurationsInOneLine() {
    assertThatThrownBy(() -> settings("--from", "yesterday"))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "Invalid value for option '--from': expected a date like 2024-01-15, got 'yesterday'");
    assertThatThrownBy(() -> settings("--duration", "5 minutes"))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "Invalid value for option '--duration': expected a duration like 90s, 5m, 2h or 1d,"
                + " got '5 minutes'");
  }

  @Test
  void shouldSendADayOfBinzhouAndPrintASummary() {
    int exitCode =
        execute("--from", "2024-01-01", "--days", "1", "--speed", "max", "--cities", "binzhou");

    assertThat(exitCode).isZero();
    assertThat(producer.history().stream().map(ProducerRecord::topic).distinct())
        .containsExactly(
            "ecostream.stations", "ecostream.air.readings", "ecostream.water.readings");
    assertThat(out.toString())
        .contains("simulated 2024-01-01 00:00 .. 2024-01-02 00:00 (+08:00), 24 h, end reached")
        .contains(
            "sent ecostream.stations 17, ecostream.air.readings 96, ecostream.water.readings 66");
    assertThat(err.toString())
        .startsWith("simulating 4 air stations and 13 water sections from 2024-01-01 at max");
    assertThat(producer.closed()).isTrue();
    assertThat(producerConfigs)
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("acks", "all"));
  }

  @Test
  void shouldCountTheInjectedFaultsInTheSummary() {
    int exitCode =
        execute(
            "--from",
            "2024-01-01",
            "--days",
            "1",
            "--speed",
            "max",
            "--cities",
            "binzhou",
            "--no-water",
            "--fault-duplicate",
            "1",
            "--fault-spike",
            "0.5");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("sent ecostream.stations 4, ecostream.air.readings 192")
        .containsPattern("faults injected \\(readings\\): spike \\d+, duplicate 96\\R");
  }

  @Test
  void shouldLeaveTheSummaryAsItWasWithoutFaults() {
    execute("--from", "2024-01-01", "--days", "1", "--speed", "max", "--cities", "binzhou");

    assertThat(out.toString()).doesNotContain("faults");
  }

  @Test
  void shouldStopAfterTheWallClockDuration() {
    int exitCode =
        execute("--from", "2024-01-01", "--duration", "5s", "--cities", "binzhou", "--no-water");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("5 h, duration elapsed")
        .contains("ecostream.air.readings 20");
  }

  @Test
  void shouldRegisterACtrlCHandlerThatStopsTheRunAndRemoveItAtTheEnd() {
    execute("--from", "2024-01-01", "--days", "1", "--speed", "max", "--cities", "heze");

    assertThat(hooks).isEmpty();
  }

  @Test
  void shouldExitNonZeroWhenRecordsCannotBeDelivered() {
    SimulateCommand command = command(Map.of(), config -> failingProducer());
    CommandLine cli =
        new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

    int exitCode = cli.execute("--from", "2024-01-01", "--days", "1", "--speed", "max");

    assertThat(exitCode).isOne();
    assertThat(err.toString())
        .contains("error: sending to Kafka at localhost:9092 failed: broker unreachable");
    assertThat(out.toString()).contains("simulation failed");
  }

  @Test
  void shouldEndWithinFiveSecondsOfCtrlCWhileASendWaitsForTheBroker() throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    MockProducer<byte[], byte[]> waitingForMetadata =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
          // As KafkaProducer.send waits for the metadata of a broker that does not answer, until
          // closed.
          @Override
          public Future<RecordMetadata> send(
              ProducerRecord<byte[], byte[]> record, Callback callback) {
            sending.countDown();
            try {
              closed.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new KafkaException("Requested metadata update after close");
          }

          @Override
          public void close(Duration timeout) {
            closed.countDown();
            super.close(timeout);
          }
        };
    CommandLine cli =
        new CommandLine(command(Map.of(), config -> waitingForMetadata))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    CompletableFuture<Integer> exitCode =
        CompletableFuture.supplyAsync(
            () -> cli.execute("--from", "2024-01-01", "--days", "1", "--cities", "binzhou"));
    assertThat(sending.await(10, TimeUnit.SECONDS)).as("a send started").isTrue();

    long started = System.nanoTime();
    hooks.get(0).run();
    Duration ctrlC = Duration.ofNanos(System.nanoTime() - started);

    assertThat(ctrlC).isLessThan(Duration.ofSeconds(5));
    assertThat(exitCode.get(1, TimeUnit.SECONDS)).isOne();
    assertThat(err.toString())
        .contains(
            "error: stopped before Kafka at localhost:9092 had taken every record (Requested metadata"
                + " update after close)");
  }

  private int execute(String... args) {
    CommandLine cli =
        new CommandLine(command(Map.of(), this::recordingProducer))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Producer<byte[], byte[]> recordingProducer(Map<String, Object> config) {
    producerConfigs.add(config);
    return producer;
  }

  private SimulateCommand command(
      Map<String, String> env, Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
    return new SimulateCommand(
        env,
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
        SimulateCommand.ClusterRequirement.NONE);
  }

  private SimulationSettings settings(String... args) {
    return settings(Map.of(), args);
  }

  private SimulationSettings settings(Map<String, String> env, String... args) {
    SimulateCommand command = command(env, this::recordingProducer);
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
