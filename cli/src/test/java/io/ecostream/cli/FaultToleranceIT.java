package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.ProvinceRanking;
import io.ecostream.cli.report.PipelineDrain;
import io.ecostream.cli.report.TopicSnapshot;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes, restarts and a second instance change no output: real hourly data of the 16 Shandong
 * cities (January and February 2022, with heavy-pollution days) replayed by the real {@code replay}
 * command, processed by {@code ecostream run} in separate JVMs that are killed with SIGKILL, and
 * the last value per key of air.city-daily, air.city-period, air.ranking and alerts compared with
 * an uninterrupted run of the same input (every field but {@code revision}: a crash may re-publish
 * a figure, which raises its revision without changing it).
 *
 * <p>Every scenario has its own topic prefix, application id and state directories. The input is
 * replayed in full before the first instance starts, so every run processes the same backlog.
 */
class FaultToleranceIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final String INPUT_RESOURCE = "shandong_cities_2022-01-02_hourly.csv.gz";
  private static final long SEED = 20220110L;

  /**
   * A SIGKILL'd member stays in its group until its session times out (45 s by default), and the
   * next rebalance waits for it: a short session keeps restarts and take-overs quick. Memtables of
   * 64 KiB make the stores flush to disk within this small input, as Kafka's 16 MiB do within a
   * long run, so that a restart after a crash has stored offsets to resume from. The same settings
   * for every run, the baseline included.
   */
  static final String CLIENT_CONFIG =
      """
      session.timeout.ms=8000
      heartbeat.interval.ms=1000
      ecostream.rocksdb.write.buffer.bytes=65536
      """;

  /** The app's commit interval (StreamsAppConfig): a kill lands at a random point within one. */
  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

  /** 128 + 9: the JVM died of SIGKILL, it did not exit on its own. */
  private static final int SIGKILL_EXIT_CODE = 137;

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);

  /** Generous: a baseline drains in 35-100 s on a busy 2-core machine with today's topology. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  /** Set aside in every comparison; every other field must be equal. */
  private static final Set<String> IGNORED_FIELDS = Set.of("revision");

  private static final int DIFFERENCES_SHOWN = 25;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path dir;

  private static Path input;
  private static Path clientConfig;

  /** The uninterrupted reference run. */
  private static Outputs baseline;

  /** The processes of the running test, killed after it whatever happened. */
  private final List<ChildProcess> children = new ArrayList<>();

  /** The compared topics' last value per key, and the dead letters. */
  private record Outputs(
      Map<String, CityDaily> cityDaily,
      Map<String, CityPeriod> cityPeriod,
      Map<String, ProvinceRanking> ranking,
      Map<String, Alert> alerts,
      Map<String, DeadLetter> deadLetters) {

    String summary() {
      return String.format(
          Locale.ROOT,
          "city-daily %d keys, city-period %d, ranking %d, alerts %d %s, dead letters %d",
          cityDaily.size(),
          cityPeriod.size(),
          ranking.size(),
          alerts.size(),
          alerts.values().stream()
              .collect(
                  Collectors.groupingBy(
                      a -> a.getType() + " " + a.getStatus(), TreeMap::new, Collectors.counting())),
          deadLetters.size());
    }

    long heavyPollutionDays() {
      return alerts.keySet().stream().filter(k -> k.startsWith("heavy-pollution@")).count();
    }
  }

  /** One scenario's topics and application, with the input already replayed into them. */
  private record Run(
      String name, EcostreamTopics topics, String applicationId, long inputRecords) {}

  @BeforeAll
  static void runBaseline() throws Exception {
    input = dir.resolve(INPUT_RESOURCE);
    try (InputStream in = FaultToleranceIT.class.getResourceAsStream(INPUT_RESOURCE)) {
      assertThat(in).as("test resource " + INPUT_RESOURCE).isNotNull();
      Files.copy(in, input);
    }
    clientConfig = Files.writeString(dir.resolve("client.properties"), CLIENT_CONFIG);
    FaultToleranceIT setup = new FaultToleranceIT();
    try {
      baseline = setup.uninterrupted("baseline");
    } finally {
      setup.killChildren();
    }
  }

  @AfterEach
  void killChildren() {
    for (ChildProcess child : children) {
      if (child.isAlive()) {
        kill(child);
      }
    }
    children.clear();
  }

  @Test
  void shouldProduceFiguresAndHeavyPollutionAlertsWithoutDeadLettersInTheBaseline() {
    assertThat(baseline.cityDaily()).as("city-daily keys of the baseline").hasSizeGreaterThan(100);
    assertThat(baseline.cityPeriod()).as("city-period keys of the baseline").isNotEmpty();
    assertThat(baseline.ranking()).as("ranking keys of the baseline").isNotEmpty();
    assertThat(baseline.heavyPollutionDays())
        .as("heavy-pollution day alerts of the baseline; alerts: %s", baseline.alerts().keySet())
        .isPositive();
    assertThat(baseline.alerts().values())
        .as("confirmed heavy-pollution days of the baseline")
        .anyMatch(
            a ->
                a.getType().equals("HEAVY_POLLUTION_DAY")
                    && a.getStatus() == AlertStatus.CONFIRMED);
    assertThat(deadLetterReport(baseline.deadLetters()))
        .as("dead letters of the baseline")
        .isEmpty();
  }

  @Test
  void shouldGiveTheBaselineOutputsInASecondCleanRun() throws Exception {
    assertSameAsBaseline("second clean run", uninterrupted("clean"));
  }

  @Test
  void shouldGiveTheBaselineOutputsWhenKilledThreeTimesAndRestarted() throws Exception {
    Random random = new Random(SEED);
    Run run = replay("restarts");
    Path stateDir = dir.resolve("state-restarts");
    List<String> kills = new ArrayList<>();
    ChildProcess app = start(run, stateDir, "restarts-0");
    for (int k = 0; k < 3; k++) {
      // Spread over the processing: the k-th kill after 10-30 %, 40-60 %, 70-90 % of the input
      // offsets are committed, then a random part of a commit interval later.
      double threshold = 0.1 + 0.3 * k + 0.2 * random.nextDouble();
      Duration delay = Duration.ofMillis(random.nextInt((int) COMMIT_INTERVAL.toMillis()));
      awaitRunning(app);
      awaitOrFail(
          "committed share of the input ≥ " + percent(threshold) + " (" + app.name() + ")",
          PROGRESS_TIMEOUT,
          app,
          () -> committedShare(run) >= threshold);
      pauseAlive(app, delay);
      double share = committedShare(run);
      kill(app);
      assertThat(app.exitCode())
          .as("exit code of %s after SIGKILL", app.name())
          .isEqualTo(SIGKILL_EXIT_CODE);
      kills.add(
          String.format(
              Locale.ROOT,
              "kill %d of %s (pid %d): threshold %s + %d ms, %s of the input committed at the kill%s",
              k + 1,
              app.name(),
              app.pid(),
              percent(threshold),
              delay.toMillis(),
              percent(share),
              share >= 1 ? " (all of it: the kill came after the input was processed)" : ""));
      app = start(run, stateDir, "restarts-" + (k + 1));
    }
    kills.forEach(FaultToleranceIT::log);
    Outputs outputs = finish(run, List.of(app));
    assertSameAsBaseline(
        "killed 3 times and restarted (" + String.join("; ", kills) + ")", outputs);
    for (int k = 1; k <= 3; k++) {
      String instance = "restarts-" + k;
      List<String> restored =
          Files.readString(dir.resolve(instance + ".log"), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> line.startsWith("ecostream run: state restored: "))
              .toList();
      log(instance + ": " + restored);
      if (k == 1) {
        // Killed at 10-30 % of the input: its stores may not have filled a memtable yet.
        continue;
      }
      assertThat(restored)
          .as(
              "%s, restarted after a SIGKILL: its first restoration resumed some stores from the"
                  + " offsets they kept instead of wiping them and restoring every changelog from"
                  + " its start (%s)",
              instance, kills.get(k - 1))
          .first()
          .asString()
          .containsPattern(" [1-9]\\d* resumed from the offset their store kept");
    }
  }

  @Test
  void shouldGiveTheBaselineOutputsWhenOneOfTwoInstancesIsKilled() throws Exception {
    Random random = new Random(SEED + 1);
    Run run = replay("two-instances");
    ChildProcess first = start(run, dir.resolve("state-two-a"), "two-instances-a");
    ChildProcess second = start(run, dir.resolve("state-two-b"), "two-instances-b");
    awaitRunning(first);
    awaitRunning(second);
    awaitOrFail(
        "two members of " + run.applicationId() + " with input partitions each",
        STARTUP_TIMEOUT,
        first,
        () -> membersWithPartitions(run) == 2);
    double threshold = 0.3 + 0.3 * random.nextDouble();
    Duration delay = Duration.ofMillis(random.nextInt((int) COMMIT_INTERVAL.toMillis()));
    ChildProcess victim = random.nextBoolean() ? first : second;
    ChildProcess survivor = victim == first ? second : first;
    awaitOrFail(
        "committed share of the input ≥ " + percent(threshold) + " (two instances)",
        PROGRESS_TIMEOUT,
        survivor,
        () -> committedShare(run) >= threshold);
    pauseAlive(survivor, delay);
    double share = committedShare(run);
    assertThat(victim.isAlive())
        .as("%s alive until its kill%s", victim.name(), logTails(List.of(victim)))
        .isTrue();
    kill(victim);
    assertThat(victim.exitCode())
        .as("exit code of %s after SIGKILL", victim.name())
        .isEqualTo(SIGKILL_EXIT_CODE);
    String kill =
        String.format(
            Locale.ROOT,
            "%s (pid %d) killed at threshold %s + %d ms, %s of the input committed; %s carries on alone",
            victim.name(),
            victim.pid(),
            percent(threshold),
            delay.toMillis(),
            percent(share),
            survivor.name());
    log(kill);
    Outputs outputs = finish(run, List.of(survivor));
    assertSameAsBaseline("two instances, one killed (" + kill + ")", outputs);
  }

  // --- runs ---

  private Outputs uninterrupted(String name) throws Exception {
    Run run = replay(name);
    ChildProcess app = start(run, dir.resolve("state-" + name), name);
    return finish(run, List.of(app));
  }

  /** Fresh topics, the input replayed into them by the real replay command at full speed. */
  private static Run replay(String name)
      throws ExecutionException, InterruptedException, TimeoutException {
    String prefix = KafkaBrokerFixture.uniqueName("faults-" + name);
    EcostreamTopics topics = EcostreamTopics.withPrefix(prefix);
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    long started = System.nanoTime();
    CliRun replay =
        CliRun.of(
            "replay",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic-prefix",
            prefix,
            "--format",
            "cnemc-city",
            "--speed",
            "max",
            input.toString());
    assertThat(replay.exitCode()).as("replay of %s: %s", name, replay.err()).isZero();
    long records =
        endOffsets(topics.airReadings()).values().stream().mapToLong(Long::longValue).sum();
    assertThat(records).as("air readings replayed for %s", name).isPositive();
    log(
        String.format(
            Locale.ROOT,
            "%s: replayed %d air readings in %.1f s",
            name,
            records,
            seconds(started)));
    return new Run(name, topics, KafkaBrokerFixture.uniqueName("faults-" + name + "-app"), records);
  }

  /** {@code ecostream run} in its own JVM, its output in a log file of the temporary directory. */
  private ChildProcess start(Run run, Path stateDir, String instance) {
    ChildProcess child =
        ChildProcess.start(
            instance,
            dir.resolve(instance + ".log"),
            "run",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--command-config",
            clientConfig.toString(),
            "--topic-prefix",
            run.topics().prefix(),
            "--application-id",
            run.applicationId(),
            "--state-dir",
            stateDir.toString(),
            "--metrics-port",
            "-1",
            "--no-create-topics");
    children.add(child);
    return child;
  }

  /**
   * Waits until the application has processed everything, checks that the instances are still alive
   * (none failed on its own), stops them cleanly and reads the outputs.
   */
  private Outputs finish(Run run, List<ChildProcess> instances) throws Exception {
    long started = System.nanoTime();
    for (ChildProcess instance : instances) {
      awaitRunning(instance);
    }
    try {
      PipelineDrain.await(
          kafka.clientProperties(),
          run.applicationId(),
          run.topics().inputs().stream().map(Topic::name).toList(),
          DRAIN_TIMEOUT);
    } catch (TimeoutException e) {
      fail(
          e.getMessage()
              + "; committed share of the input "
              + percent(committedShare(run))
              + logTails(instances));
    }
    for (ChildProcess instance : instances) {
      assertThat(instance.isAlive())
          .as(
              "%s alive after processing everything%s%s",
              instance.name(),
              instance.isAlive()
                  ? ""
                  : ", but it exited with code "
                      + instance.exitCode()
                      + exitMeaning(instance.exitCode()),
              logTails(List.of(instance)))
          .isTrue();
    }
    log(
        String.format(
            Locale.ROOT,
            "%s: processed everything %.1f s after the last start or kill",
            run.name(),
            seconds(started)));
    for (ChildProcess instance : instances) {
      instance.stop(STOP_TIMEOUT);
    }
    for (ChildProcess instance : instances) {
      String log = Files.readString(instance.log(), StandardCharsets.UTF_8);
      assertThat(log)
          .as("log of %s", instance.name())
          .doesNotContain("fatal error in a stream thread");
    }
    Outputs outputs = snapshot(run.topics());
    log(run.name() + ": " + outputs.summary());
    return outputs;
  }

  private static Outputs snapshot(EcostreamTopics topics) {
    return new Outputs(
        latestByKey(topics.cityDaily()),
        latestByKey(topics.cityPeriod()),
        latestByKey(topics.airRanking()),
        latestByKey(topics.alerts()),
        latestByKey(topics.deadLetters()));
  }

  /** Read with read_committed, from the beginning to the end offsets of now. */
  private static <V> Map<String, V> latestByKey(Topic<String, V> topic) {
    Properties client = new Properties();
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return TopicSnapshot.latestByKey(client, topic);
  }

  // --- the processes ---

  /** Until the instance's streams client reports RUNNING; fails with its log if it died. */
  static void awaitRunning(ChildProcess app) {
    awaitOrFail(
        app.name() + " RUNNING",
        STARTUP_TIMEOUT,
        app,
        () ->
            readLog(app)
                .lines()
                .anyMatch(line -> line.matches("ecostream run: streams \\w+ -> RUNNING")));
  }

  /** SIGKILL: no shutdown hook, no commit, no state-store flush, no leaving the group. */
  static void kill(ChildProcess app) {
    ProcessHandle.of(app.pid()).ifPresent(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    while (app.isAlive()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            app.name() + " (pid " + app.pid() + ") still alive after SIGKILL");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Lets the app work on for {@code delay} (a deliberate crash point, not a synchronisation),
   * failing early if it dies on its own.
   */
  static void pauseAlive(ChildProcess app, Duration delay) throws InterruptedException {
    long end = System.nanoTime() + delay.toNanos();
    while (System.nanoTime() < end) {
      assertThat(app.isAlive()).as("%s alive%s", app.name(), logTails(List.of(app))).isTrue();
      Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
    }
  }

  static void awaitOrFail(
      String what, Duration timeout, ChildProcess app, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (!app.isAlive()) {
        fail(
            "waiting for "
                + what
                + ": "
                + app.name()
                + " (pid "
                + app.pid()
                + ") exited with code "
                + app.exitCode()
                + exitMeaning(app.exitCode())
                + logTails(List.of(app)));
      }
      if (System.nanoTime() > deadline) {
        fail("no " + what + " after " + timeout.toSeconds() + " s" + logTails(List.of(app)));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** This test sends SIGKILL only to the instances it kills, and SIGTERM only after the drain. */
  static String exitMeaning(int exitCode) {
    return switch (exitCode) {
      case 137 ->
          " (SIGKILL, not sent by this test at this point: out of memory, or another process)";
      case 143 -> " (SIGTERM, not sent by this test at this point: another process stopped it)";
      case 130 -> " (SIGINT from another process)";
      default -> " (it stopped on its own)";
    };
  }

  static String readLog(ChildProcess app) {
    try {
      return Files.exists(app.log()) ? Files.readString(app.log(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String logTails(List<ChildProcess> apps) {
    StringBuilder tails = new StringBuilder();
    for (ChildProcess app : apps) {
      List<String> lines = readLog(app).lines().toList();
      tails.append("\n--- last lines of ").append(app.log()).append(" ---\n");
      lines
          .subList(Math.max(0, lines.size() - 40), lines.size())
          .forEach(l -> tails.append(l).append('\n'));
    }
    return tails.toString();
  }

  // --- progress ---

  /** The share of the air readings whose offsets the application has committed, 0 to 1. */
  private static double committedShare(Run run) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          kafka
              .admin()
              .listConsumerGroupOffsets(run.applicationId())
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      String topic = run.topics().airReadings().name();
      long done =
          committed.entrySet().stream()
              .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
              .mapToLong(e -> e.getValue().offset())
              .sum();
      return (double) done / run.inputRecords();
    } catch (ExecutionException | TimeoutException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Members of the application's group that have input partitions assigned. */
  private static long membersWithPartitions(Run run) {
    try {
      ConsumerGroupDescription group =
          kafka
              .admin()
              .describeConsumerGroups(List.of(run.applicationId()))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(run.applicationId());
      return group.members().stream()
          .filter(m -> !m.assignment().topicPartitions().isEmpty())
          .count();
    } catch (ExecutionException | TimeoutException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Topic<String, ?> topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> latest =
        new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
    kafka
        .admin()
        .describeTopics(List.of(topic.name()))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic.name())
        .partitions()
        .forEach(
            p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
    return kafka.admin().listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  // --- comparison ---

  /**
   * Empty without dead letters; else how many, by reason, and the first few as {@code
   * topic/partition/offset reason: detail}.
   */
  static String deadLetterReport(Map<String, DeadLetter> deadLetters) {
    if (deadLetters.isEmpty()) {
      return "";
    }
    Map<String, Long> byReason =
        deadLetters.values().stream()
            .collect(
                Collectors.groupingBy(DeadLetter::getReason, TreeMap::new, Collectors.counting()));
    return deadLetters.size()
        + " dead letters, by reason "
        + byReason
        + "; first:"
        + deadLetters.values().stream()
            .limit(DIFFERENCES_SHOWN / 5)
            .map(
                d ->
                    String.format(
                        Locale.ROOT,
                        "%n  %s/%d/%d %s: %s",
                        d.getSourceTopic(),
                        d.getPartition(),
                        d.getOffset(),
                        d.getReason(),
                        d.getDetail()))
            .collect(Collectors.joining());
  }

  private static void assertSameAsBaseline(String scenario, Outputs actual) {
    assertSoftly(
        soft -> {
          soft.assertThat(comparison("air.city-daily", baseline.cityDaily(), actual.cityDaily()))
              .as("%s: air.city-daily", scenario)
              .isEmpty();
          soft.assertThat(comparison("air.city-period", baseline.cityPeriod(), actual.cityPeriod()))
              .as("%s: air.city-period", scenario)
              .isEmpty();
          soft.assertThat(comparison("air.ranking", baseline.ranking(), actual.ranking()))
              .as("%s: air.ranking", scenario)
              .isEmpty();
          soft.assertThat(comparison("alerts", baseline.alerts(), actual.alerts()))
              .as("%s: alerts", scenario)
              .isEmpty();
          soft.assertThat(deadLetterReport(actual.deadLetters()))
              .as("%s: dead letters", scenario)
              .isEmpty();
        });
  }

  /**
   * Empty if the last values per key are equal but for the ignored fields; else a report: how many
   * keys are missing, extra and different, then the first differences as {@code key: missing},
   * {@code key: extra} or {@code key field: baseline → run}.
   */
  static <V extends SpecificRecordBase> String comparison(
      String topic, Map<String, V> expected, Map<String, V> actual) {
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    int missing = 0;
    int extra = 0;
    int different = 0;
    List<String> shown = new ArrayList<>();
    for (String key : keys) {
      V e = expected.get(key);
      V a = actual.get(key);
      List<String> lines = new ArrayList<>();
      if (a == null) {
        missing++;
        lines.add(key + ": missing (baseline: " + e + ")");
      } else if (e == null) {
        extra++;
        lines.add(key + ": extra (" + a + ")");
      } else {
        for (Schema.Field field : e.getSchema().getFields()) {
          if (IGNORED_FIELDS.contains(field.name())) {
            continue;
          }
          Object ev = e.get(field.pos());
          Object av = a.get(field.pos());
          if (!Objects.equals(ev, av)) {
            lines.add(key + " " + field.name() + ": " + ev + " → " + av);
          }
        }
        if (!lines.isEmpty()) {
          different++;
        }
      }
      for (String line : lines) {
        if (shown.size() < DIFFERENCES_SHOWN) {
          shown.add(line);
        }
      }
    }
    if (missing + extra + different == 0) {
      return "";
    }
    return String.format(
            Locale.ROOT,
            "%s: %d keys in the baseline, %d in the run: %d missing, %d extra, %d different (fields but %s);"
                + " first differences (key field: baseline → run):%n  ",
            topic,
            expected.size(),
            actual.size(),
            missing,
            extra,
            different,
            IGNORED_FIELDS)
        + String.join(System.lineSeparator() + "  ", shown);
  }

  // --- helpers ---

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void log(String line) {
    System.out.println("FaultToleranceIT: " + line);
  }
}
