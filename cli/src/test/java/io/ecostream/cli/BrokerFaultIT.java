package io.ecostream.cli;

import static io.ecostream.cli.FaultToleranceIT.awaitOrFail;
import static io.ecostream.cli.FaultToleranceIT.awaitRunning;
import static io.ecostream.cli.FaultToleranceIT.comparison;
import static io.ecostream.cli.FaultToleranceIT.deadLetterReport;
import static io.ecostream.cli.FaultToleranceIT.kill;
import static io.ecostream.cli.FaultToleranceIT.logTails;
import static io.ecostream.cli.FaultToleranceIT.percent;
import static io.ecostream.cli.FaultToleranceIT.readLog;
import static io.ecostream.cli.FaultToleranceIT.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.cli.report.PipelineDrain;
import io.ecostream.cli.report.TopicSnapshot;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker SIGKILL'd and restarted mid-run costs a few seconds and changes no output: the broker
 * runs as {@code ecostream broker} in its own JVM, the Shandong readings of {@link
 * FaultToleranceIT} are replayed into it, one {@code ecostream run} processes them, and the broker
 * is killed twice while it does, each time restarted on the same data dir and ports a few seconds
 * later. The run is never restarted. Its last value per key of air.city-daily, air.city-period,
 * alerts and air.station-hourly must equal an uninterrupted run's on the same broker, every field
 * but {@code revision} (set aside as in {@link FaultToleranceIT}), without dead letters; {@code
 * /health} must say 503 while the broker is down and 200 once the run processes again.
 */
class BrokerFaultIT {

  private static final String INPUT_RESOURCE = "shandong_cities_2022-01-02_hourly.csv.gz";

  /**
   * The share of the input committed at each broker kill: the second kill comes as soon as the run
   * processes again after the first, while it is still recovering from it (a CI run once lost
   * alerts in that pattern, kills at 64 % and 69 %, which nine local runs did not reproduce).
   */
  private static final List<Double> KILL_AT = List.of(0.3, 0.0);

  /**
   * How long the broker stays down: longer than a client's request timeout would be too long here.
   */
  private static final Duration DOWNTIME = Duration.ofSeconds(5);

  /** The contract: processing resumes at most this long after the broker is back. */
  private static final Duration MAX_STALL = Duration.ofSeconds(30);

  private static final Duration BROKER_START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * Runs with broker restarts, of which all but the last may be void (see {@link #skippedMarkers}).
   */
  private static final int MAX_ATTEMPTS = 3;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path dir;

  private static Path input;
  private static Path clientConfig;
  private static Path dataDir;
  private static int brokerPort;
  private static int controllerPort;
  private static ChildProcess broker;
  private static int brokerStarts;
  private static Admin admin;

  /** The settings of {@link #admin}, for the clients the drain check makes. */
  private static Properties client;

  private final List<ChildProcess> apps = new ArrayList<>();

  /** The compared topics' last value per key, and the dead letters. */
  private record Outputs(
      Map<String, CityDaily> cityDaily,
      Map<String, CityPeriod> cityPeriod,
      Map<String, Alert> alerts,
      Map<String, StationHourlyAqi> stationHourly,
      Map<String, DeadLetter> deadLetters,
      Topic<String, Alert> alertsTopic) {

    String summary() {
      return String.format(
          Locale.ROOT,
          "city-daily %d keys, city-period %d, alerts %d, station-hourly %d, dead letters %d",
          cityDaily.size(),
          cityPeriod.size(),
          alerts.size(),
          stationHourly.size(),
          deadLetters.size());
    }
  }

  private record Run(
      String name, EcostreamTopics topics, String applicationId, long inputRecords) {}

  @BeforeAll
  static void startBroker() throws Exception {
    input = dir.resolve(INPUT_RESOURCE);
    try (InputStream in = BrokerFaultIT.class.getResourceAsStream(INPUT_RESOURCE)) {
      assertThat(in).as("test resource " + INPUT_RESOURCE).isNotNull();
      Files.copy(in, input);
    }
    clientConfig =
        Files.writeString(dir.resolve("client.properties"), FaultToleranceIT.CLIENT_CONFIG);
    dataDir = dir.resolve("broker-data");
    brokerPort = LocalKafkaBroker.freePort();
    controllerPort = LocalKafkaBroker.freePort();
    broker = startBrokerProcess();
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    admin = Admin.create(config);
    client = config;
  }

  @AfterAll
  static void stopBroker() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
    if (broker != null) {
      broker.stop(STOP_TIMEOUT);
    }
  }

  @AfterEach
  void killApps() {
    apps.stream().filter(ChildProcess::isAlive).forEach(FaultToleranceIT::kill);
    apps.clear();
  }

  @Test
  void shouldRecoverFromBrokerRestartsWithoutRestartingAndGiveTheUninterruptedOutputs()
      throws Exception {
    Outputs baseline = uninterrupted();
    assertThat(baseline.cityDaily()).as("city-daily keys of the baseline").hasSizeGreaterThan(100);
    assertThat(deadLetterReport(baseline.deadLetters()))
        .as("dead letters of the baseline")
        .isEmpty();

    for (int attempt = 1; ; attempt++) {
      int firstBrokerStart = brokerStarts + 1;
      Attempt run = withBrokerRestarts("restarts-" + attempt);
      Optional<String> skipped = skippedMarkers(firstBrokerStart);
      String differences = differences(baseline, run.outputs());
      if (attempt < MAX_ATTEMPTS && skipped.isPresent() && !differences.isEmpty()) {
        log(
            "attempt "
                + attempt
                + " is void, Kafka's transaction coordinator skipped markers: "
                + skipped.get());
        continue;
      }
      assertThat(differences).as(run.scenario()).isEmpty();
      return;
    }
  }

  /** One run of the readings with the broker killed and restarted under it. */
  private record Attempt(String scenario, Outputs outputs) {}

  private Attempt withBrokerRestarts(String name) throws Exception {
    Run run = replay(name);
    int metricsPort = LocalKafkaBroker.freePort();
    ChildProcess app = start(run, name, metricsPort);
    awaitRunning(app);
    List<String> restarts = new ArrayList<>();
    for (double threshold : KILL_AT) {
      awaitOrFail(
          "committed share of the input ≥ " + percent(threshold),
          PROGRESS_TIMEOUT,
          app,
          () -> committed(run) >= threshold * run.inputRecords());
      long committedAtKill = committed(run);
      kill(broker);
      long killedAt = System.nanoTime();
      awaitOrFail(
          "/health 503 while the broker is down",
          HEALTH_TIMEOUT,
          app,
          () -> health(metricsPort) == 503);
      String downBody = healthBody(metricsPort);
      double noticed = seconds(killedAt);
      pauseUntil(killedAt + DOWNTIME.toNanos(), app);
      broker = startBrokerProcess();
      long backAt = System.nanoTime();
      // Where the run had processed everything before the kill there is no progress to wait for.
      boolean inputLeft = committedAtKill < run.inputRecords();
      awaitOrFail(
          "committed input beyond " + committedAtKill + " after broker start " + brokerStarts,
          PROGRESS_TIMEOUT,
          app,
          () -> !inputLeft || committed(run) > committedAtKill);
      double stall = seconds(backAt);
      awaitOrFail(
          "/health 200 after the broker is back",
          PROGRESS_TIMEOUT,
          app,
          () -> health(metricsPort) == 200);
      double ready = seconds(backAt);
      String resumed =
          inputLeft
              ? String.format(
                  Locale.ROOT, "processing resumed %.1f s after the broker was back", stall)
              : "all input processed before the kill";
      String restart =
          String.format(
              Locale.ROOT,
              "broker killed at %s committed (%d records), /health 503 %.1f s later (\"%s\"), back after %.1f s;"
                  + " %s, /health 200 after %.1f s",
              percent((double) committedAtKill / run.inputRecords()),
              committedAtKill,
              noticed,
              downBody.strip(),
              (backAt - killedAt) / 1e9,
              resumed,
              ready);
      log(restart);
      restarts.add(restart);
      assertThat(stall)
          .as(
              "seconds from the broker back to processing resumed (%s)%s",
              restart, logTails(List.of(app)))
          .isLessThanOrEqualTo(MAX_STALL.toSeconds());
    }
    long inputAfter = endOffsetSum(run.topics().airReadings());
    log(
        String.format(
            Locale.ROOT,
            "air readings: %d replayed, %d in the topic after the restarts",
            run.inputRecords(),
            inputAfter));
    assertThat(inputAfter)
        .as("air readings in the topic after %d broker restarts", KILL_AT.size())
        .isEqualTo(run.inputRecords());
    Outputs outputs = finish(run, app);
    // The tester's symptom: the broker missing records the idempotent producer had written.
    assertThat(readLog(app))
        .as("log of %s", app.name())
        .doesNotContain(
            "fatal error in a stream thread",
            "OUT_OF_ORDER_SEQUENCE_NUMBER",
            "OutOfOrderSequenceException");
    return new Attempt(String.join("; ", restarts), outputs);
  }

  // --- runs ---

  private Outputs uninterrupted() throws Exception {
    Run run = replay("baseline");
    ChildProcess app = start(run, "baseline", -1);
    awaitRunning(app);
    return finish(run, app);
  }

  private static Run replay(String name) throws Exception {
    String prefix = KafkaBrokerFixture.uniqueName("broker-faults-" + name);
    EcostreamTopics topics = EcostreamTopics.withPrefix(prefix);
    TopicCreator.ensureExist(admin, topics.all(), Optional.empty());
    CliRun replay =
        CliRun.of(
            "replay",
            "--bootstrap-servers",
            bootstrapServers(),
            "--topic-prefix",
            prefix,
            "--format",
            "cnemc-city",
            "--speed",
            "max",
            input.toString());
    assertThat(replay.exitCode()).as("replay of %s: %s", name, replay.err()).isZero();
    long records = endOffsetSum(topics.airReadings());
    assertThat(records).as("air readings replayed for %s", name).isPositive();
    return new Run(
        name, topics, KafkaBrokerFixture.uniqueName("broker-faults-" + name + "-app"), records);
  }

  private ChildProcess start(Run run, String instance, int metricsPort) {
    ChildProcess child =
        ChildProcess.start(
            instance,
            dir.resolve(instance + ".log"),
            "run",
            "--bootstrap-servers",
            bootstrapServers(),
            "--command-config",
            clientConfig.toString(),
            "--topic-prefix",
            run.topics().prefix(),
            "--application-id",
            run.applicationId(),
            "--state-dir",
            dir.resolve("state-" + instance).toString(),
            "--metrics-port",
            String.valueOf(metricsPort),
            "--no-create-topics");
    apps.add(child);
    return child;
  }

  private static Outputs finish(Run run, ChildProcess app) throws Exception {
    long started = System.nanoTime();
    try {
      PipelineDrain.await(
          client,
          run.applicationId(),
          run.topics().inputs().stream().map(Topic::name).toList(),
          DRAIN_TIMEOUT);
    } catch (TimeoutException e) {
      fail(e.getMessage() + logTails(List.of(app)));
    }
    assertThat(app.isAlive())
        .as("%s alive after processing everything%s", app.name(), logTails(List.of(app)))
        .isTrue();
    log(
        String.format(
            Locale.ROOT,
            "%s: drained %.1f s after the last broker start",
            run.name(),
            seconds(started)));
    app.stop(STOP_TIMEOUT);
    EcostreamTopics topics = run.topics();
    Outputs outputs =
        new Outputs(
            latestByKey(topics.cityDaily()),
            latestByKey(topics.cityPeriod()),
            latestByKey(topics.alerts()),
            latestByKey(topics.stationHourly()),
            latestByKey(topics.deadLetters()),
            topics.alerts());
    log(run.name() + ": " + outputs.summary());
    return outputs;
  }

  /**
   * Every difference of the run's outputs from the baseline's, and its dead letters; empty if none.
   * Where alerts differ, with the alerts topic as the broker holds it.
   */
  private static String differences(Outputs baseline, Outputs actual) throws Exception {
    String alerts = comparison("alerts", baseline.alerts(), actual.alerts());
    return String.join(
            "\n",
            comparison("air.city-daily", baseline.cityDaily(), actual.cityDaily()),
            comparison("air.city-period", baseline.cityPeriod(), actual.cityPeriod()),
            alerts.isEmpty()
                ? ""
                : alerts + "\nthe run's alerts topic:" + alertsLog(actual.alertsTopic()),
            comparison("air.station-hourly", baseline.stationHourly(), actual.stationHourly()),
            deadLetterReport(actual.deadLetters()))
        .strip();
  }

  /**
   * What Kafka's transaction coordinator logged of markers it skipped since broker start {@code
   * firstStart} (only the attempt's application writes transactions meanwhile), if it did: after a
   * restart it completes the transactions it had prepared, and skips the markers of any partition
   * whose leader it does not see at that moment ("likely deleted"). On a single broker every
   * partition is without a leader for a moment after a restart, and a transaction whose marker is
   * skipped on a partition stays open there for good: {@code read_committed} readers see nothing of
   * that partition after it. A Kafka defect of the single-node restart, not of the application: the
   * attempt proves nothing either way.
   */
  private static Optional<String> skippedMarkers(int firstStart) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int start = firstStart; start <= brokerStarts; start++) {
      Files.readAllLines(dir.resolve("broker-" + start + ".log")).stream()
          .filter(line -> line.contains("Couldn't find leader endpoint"))
          .forEach(lines::add);
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
  }

  // --- the broker ---

  /**
   * {@code ecostream broker} on the same data dir and ports every time; returns once it is ready.
   */
  private static ChildProcess startBrokerProcess() {
    brokerStarts++;
    ChildProcess child =
        ChildProcess.start(
            "broker-" + brokerStarts,
            dir.resolve("broker-" + brokerStarts + ".log"),
            "broker",
            "--port",
            String.valueOf(brokerPort),
            "--controller-port",
            String.valueOf(controllerPort),
            "--data-dir",
            dataDir.toString());
    awaitOrFail(
        "broker start " + brokerStarts + " ready",
        BROKER_START_TIMEOUT,
        child,
        () -> readLog(child).contains("ecostream broker: ready on"));
    return child;
  }

  private static String bootstrapServers() {
    return "localhost:" + brokerPort;
  }

  // --- probes ---

  /** The application's committed offsets on the air readings, summed; 0 if unknown. */
  private static long committed(Run run) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(run.applicationId())
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      String topic = run.topics().airReadings().name();
      return committed.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (ExecutionException | TimeoutException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The alerts topic as the broker holds it, for the diagnosis of a difference: each partition's
   * last stable offset and end (unequal while a transaction is open, or hangs), and every record,
   * aborted transactions' too.
   */
  private static String alertsLog(Topic<String, Alert> topic) throws Exception {
    List<TopicPartition> partitions =
        admin
            .describeTopics(List.of(topic.name()))
            .allTopicNames()
            .get(30, TimeUnit.SECONDS)
            .get(topic.name())
            .partitions()
            .stream()
            .map(p -> new TopicPartition(topic.name(), p.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    var stable =
        admin
            .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get(30, TimeUnit.SECONDS);
    var ends =
        admin
            .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
            .all()
            .get(30, TimeUnit.SECONDS);
    StringBuilder log = new StringBuilder();
    partitions.forEach(
        p ->
            log.append(
                String.format(
                    Locale.ROOT,
                    "%npartition %d: stable offset %d, end %d",
                    p.partition(),
                    stable.get(p).offset(),
                    ends.get(p).offset())));
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    try (KafkaConsumer<String, Alert> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), topic.valueSerde().deserializer())) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p).offset())) {
        for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
          log.append(
              String.format(
                  Locale.ROOT,
                  "%n%d/%d %s %s %s",
                  record.partition(),
                  record.offset(),
                  record.key(),
                  record.value().getStatus(),
                  record.value().getValue()));
        }
      }
    }
    return log.toString();
  }

  private static long endOffsetSum(Topic<String, ?> topic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(List.of(topic.name()))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic.name())
        .partitions()
        .forEach(
            p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  private static <V> Map<String, V> latestByKey(Topic<String, V> topic) {
    Properties client = new Properties();
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return TopicSnapshot.latestByKey(client, topic);
  }

  private static int health(int port) {
    return get(port).statusCode();
  }

  private static String healthBody(int port) {
    return get(port).body();
  }

  private static HttpResponse<String> get(int port) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Keeps the broker down until {@code deadlineNanos}, failing early if the app dies meanwhile. */
  private static void pauseUntil(long deadlineNanos, ChildProcess app) throws InterruptedException {
    while (System.nanoTime() < deadlineNanos) {
      assertThat(app.isAlive())
          .as("%s alive while the broker is down%s", app.name(), logTails(List.of(app)))
          .isTrue();
      Thread.sleep(POLL.toMillis());
    }
  }

  private static void log(String line) {
    System.out.println("BrokerFaultIT: " + line);
  }
}
