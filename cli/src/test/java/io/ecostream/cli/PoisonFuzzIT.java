package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.WaterSample;
import io.ecostream.cli.report.PipelineDrain;
import io.ecostream.cli.report.TopicSnapshot;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.serde.AvroSerde;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records never stop the pipeline: more than 10,000 of them, of the classes of {@link Poison},
 * are mixed into a valid stream (four days of real hourly readings of the 16 Shandong cities,
 * replayed by the real {@code replay} command, and water samples of eight sections) on {@code
 * air.readings}, {@code water.readings} and {@code stations}, and {@code ecostream run} processes
 * them in its own JVM. It stays RUNNING; every bad record is in the dead letters once, matched by
 * topic, partition and offset, with its reason, size and hash; the dead-letter metric of each
 * reason equals its dead letters; and the valid outputs (last value per key of station-hourly,
 * city-hourly, city-daily and the water topics) equal those of a clean run of the valid records
 * alone.
 *
 * <p>Each run writes the Station records first and lets the application process them before the
 * readings, as a deployment has its stations before its readings: a water sample is classified by
 * its section's Station record, so without this the two runs could differ by timing alone.
 */
class PoisonFuzzIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final String AIR_RESOURCE = "shandong_cities_2022-01-02_hourly.csv.gz";
  private static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);

  /** Four whole days: hours ending 01-01 01:00 to 01-05 00:00 (the file is hour-ending). */
  private static final LocalDate END_DAY = FIRST_DAY.plusDays(4);

  private static final long SEED = 20220104L;
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** Room for a record over the broker's limit, so that the broker is the one that refuses it. */
  private static final int PRODUCER_MAX_REQUEST = 2 * 1024 * 1024;

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> IGNORED_FIELDS = Set.of("revision");
  private static final Set<String> FAILED_STATES =
      Set.of("ERROR", "PENDING_ERROR", "PENDING_SHUTDOWN", "NOT_RUNNING");
  private static final Pattern METRICS_PORT =
      Pattern.compile("metrics on http://[^:/]+:(\\d+)/metrics");
  private static final Pattern STATE = Pattern.compile("ecostream run: streams (\\w+) -> (\\w+)");

  @TempDir static Path dir;

  private static int brokerLimit;
  private static Valid valid;
  private static Run clean;
  private static Run fuzz;

  /** A record as it sits in a partition. */
  private record Raw(byte[] key, byte[] value, long timestamp) {}

  /** The valid input records by topic (stations, air, water) and partition, in partition order. */
  private record Valid(
      Map<Poison.Input, List<List<Raw>>> records,
      List<AirReading> air,
      List<WaterSample> water,
      List<Station> stations) {}

  /** A record to send: valid (no poison) or bad. */
  private record Planned(Poison poison, Raw raw) {}

  /** A bad record as it landed. */
  private record Sent(
      Poison poison, String topic, int partition, long offset, byte[] key, byte[] value) {
    String coordinates() {
      return topic + "/" + partition + "/" + offset;
    }
  }

  /** What one run left: outputs, dead letters, metrics, the application's state lines. */
  private record Run(
      Map<String, Map<String, SpecificRecordBase>> outputs,
      List<ConsumerRecord<String, DeadLetter>> letters,
      List<Sent> sent,
      int refused,
      boolean aliveAtEnd,
      List<String> stateChanges,
      String log,
      Map<String, Double> deadLetterMetric,
      Map<String, Double> skippedMetric,
      Map<String, StationHourlyAqi> stationHourly) {}

  @BeforeAll
  static void runCleanAndFuzzed() throws Exception {
    EcostreamTopics source =
        EcostreamTopics.withPrefix(KafkaBrokerFixture.uniqueName("fuzz-source"));
    TopicCreator.ensureExist(kafka.admin(), source.all(), Optional.empty());
    brokerLimit = maxMessageBytes(source.airReadings().name());
    replay(source, "cnemc-city", airExtract());
    replay(source, "water-csv", waterSamples());
    valid = read(source);
    long started = System.nanoTime();
    clean = run("clean", false);
    log(String.format(Locale.ROOT, "clean run in %.1f s", seconds(started)));
    started = System.nanoTime();
    fuzz = run("fuzz", true);
    log(String.format(Locale.ROOT, "fuzzed run in %.1f s", seconds(started)));
    log(summary());
  }

  @Test
  void shouldKeepRunningThroughEveryBadRecord() {
    assertThat(fuzz.aliveAtEnd())
        .as("the application alive after processing everything%s", tail(fuzz.log()))
        .isTrue();
    assertThat(fuzz.stateChanges())
        .as("state changes of the application until the test stopped it")
        .noneMatch(
            change -> FAILED_STATES.stream().anyMatch(state -> change.endsWith("-> " + state)))
        .anyMatch(change -> change.endsWith("-> RUNNING"));
    assertThat(fuzz.log()).doesNotContain("fatal error in a stream thread");
    assertThat(fuzz.skippedMetric().values())
        .as(
            "records skipped on an error of their own: none, every bad input is a dead letter first")
        .allMatch(count -> count == 0);
  }

  @Test
  void shouldDeadLetterEveryBadRecordOnceWithItsSourceAndReason() {
    Map<String, Sent> expected = new TreeMap<>();
    fuzz.sent().stream()
        .filter(s -> s.poison().deadLettered())
        .forEach(s -> expected.put(s.coordinates(), s));
    Map<String, Long> lettersPerKey =
        fuzz.letters().stream()
            .collect(
                Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));

    assertThat(expected).hasSizeGreaterThanOrEqualTo(10_000);
    assertThat(lettersPerKey)
        .as("dead letters per key (one each)")
        .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
    assertThat(lettersPerKey.keySet())
        .as("dead letters, by source coordinates")
        .isEqualTo(expected.keySet());
    for (ConsumerRecord<String, DeadLetter> record : fuzz.letters()) {
      Sent sent = expected.get(record.key());
      DeadLetter letter = record.value();
      assertThat(
              List.of(
                  letter.getSourceTopic(),
                  letter.getPartition(),
                  letter.getOffset(),
                  letter.getReason()))
          .as(
              "dead letter %s of a %s (%s): %s",
              record.key(), sent.poison(), sent.poison().description, letter.getDetail())
          .containsExactly(sent.topic(), sent.partition(), sent.offset(), sent.poison().outcome);
    }
  }

  @Test
  void shouldKeepTheSizeAndHashOfEveryBadRecordInItsDeadLetter() {
    Map<String, Sent> sent = new HashMap<>();
    fuzz.sent().forEach(s -> sent.put(s.coordinates(), s));
    int truncated = 0;
    for (ConsumerRecord<String, DeadLetter> record : fuzz.letters()) {
      DeadLetter letter = record.value();
      Sent bad = sent.get(record.key());
      String what = record.key() + " (" + bad.poison() + ")";
      assertThat(letter.getValueSize())
          .as("value size of %s", what)
          .isEqualTo(bad.value() == null ? null : bad.value().length);
      assertThat(letter.getValueSha256())
          .as("value hash of %s", what)
          .isEqualTo(sha256(bad.value()));
      assertThat(letter.getKeySize())
          .as("key size of %s", what)
          .isEqualTo(bad.key() == null ? null : bad.key().length);
      assertThat(letter.getKeySha256()).as("key hash of %s", what).isEqualTo(sha256(bad.key()));
      boolean large =
          (bad.value() != null && bad.value().length > 16_384)
              || (bad.key() != null && bad.key().length > 1_024);
      if (large) {
        assertThat(letter.getTruncated()).as("truncated flag of %s", what).isTrue();
        truncated++;
      }
    }
    assertThat(truncated).as("dead letters cut to size").isPositive();
  }

  @Test
  void shouldCountTheDeadLettersOfEachReasonInItsMetric() {
    Map<String, Double> letters =
        fuzz.letters().stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.value().getReason(), TreeMap::new, Collectors.summingDouble(r -> 1.0)));

    assertThat(new TreeMap<>(fuzz.deadLetterMetric()))
        .as("ecostream_dead_letters_total by reason")
        .isEqualTo(letters);
  }

  @Test
  void shouldTakeInUnknownStationsAndFlagSuspiciousValuesAsDesigned() {
    List<Sent> accepted =
        fuzz.sent().stream().filter(s -> s.poison().outcome.equals(Poison.ACCEPTED)).toList();
    AvroSerde<AirReading> serde = AvroSerde.of(AirReading.class);

    assertThat(accepted).isNotEmpty();
    for (Sent sent : accepted) {
      AirReading reading = serde.deserialize("t", sent.value());
      String key = reading.getStationId() + "@" + localHour(reading);
      StationHourlyAqi hour = fuzz.stationHourly().get(key);
      assertThat(hour).as("station-hourly %s of a %s", key, sent.poison()).isNotNull();
      if (sent.poison() == Poison.AIR_SUSPICIOUS_VALUES) {
        assertThat(hour.getQualityFlags()).as("quality flags of %s", key).isNotEmpty();
        assertThat(hour.getPm25()).as("PM2.5 of %s, excluded", key).isNull();
      }
    }
  }

  @Test
  void shouldGiveTheValidOutputsOfACleanRunOfTheValidRecordsAlone() {
    assertThat(clean.letters()).as("dead letters of the clean run").isEmpty();
    assertThat(clean.aliveAtEnd()).isTrue();
    for (String topic : clean.outputs().keySet()) {
      Map<String, SpecificRecordBase> expected = clean.outputs().get(topic);
      Map<String, SpecificRecordBase> actual = new TreeMap<>(fuzz.outputs().get(topic));
      actual.keySet().removeIf(PoisonFuzzIT::ofAcceptedPoison);
      assertThat(expected).as("%s keys of the clean run", topic).isNotEmpty();
      assertThat(comparison(topic, expected, actual)).as(topic).isEmpty();
    }
  }

  @Test
  void shouldLeaveRecordsOverTheBrokersLimitToTheBroker() {
    int overLimit =
        Poison.AIR_OVER_SIZE_LIMIT.count
            + Poison.WATER_OVER_SIZE_LIMIT.count
            + Poison.STATION_OVER_SIZE_LIMIT.count;

    assertThat(fuzz.refused()).as("records the broker refused").isEqualTo(overLimit);
  }

  // --- the valid input ---

  /** The first four days of the Shandong cities' file, as the README of the resource made it. */
  private static Path airExtract() throws IOException {
    Path file = dir.resolve("shandong_cities_4_days.csv");
    try (InputStream in = PoisonFuzzIT.class.getResourceAsStream(AIR_RESOURCE)) {
      assertThat(in).as("test resource " + AIR_RESOURCE).isNotNull();
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      List<String> kept = new ArrayList<>();
      kept.add(lines.readLine());
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] cells = line.split(",", 3);
        LocalDate date = LocalDate.parse(cells[0]);
        int hour = Integer.parseInt(cells[1]);
        boolean inside =
            (!date.isBefore(FIRST_DAY)
                    && date.isBefore(END_DAY)
                    && !(date.equals(FIRST_DAY) && hour == 0))
                || (date.equals(END_DAY) && hour == 0);
        if (inside) {
          kept.add(line);
        }
      }
      return Files.write(file, kept);
    }
  }

  /**
   * Eight sections of four cities (rivers, a lake, drinking-water reservoirs), a sample every four
   * hours over the same four days, with seeded plausible values across the classes.
   */
  private static Path waterSamples() throws IOException {
    String[][] sections = {
      {"W-BZ-1", "binzhou", "river", "false"}, {"W-BZ-2", "binzhou", "reservoir", "true"},
      {"W-JN-1", "jinan", "river", "false"}, {"W-JN-2", "jinan", "lake", "false"},
      {"W-QD-1", "qingdao", "river", "false"}, {"W-QD-2", "qingdao", "reservoir", "true"},
      {"W-WH-1", "weihai", "river", "false"}, {"W-WH-2", "weihai", "lake", "false"},
    };
    java.util.Random random = new java.util.Random(SEED);
    List<String> lines = new ArrayList<>();
    lines.add(
        "station_id,city,kind,drinking_source,sampled_at,ph,do,codmn,cod,bod5,nh3n,tp,tn,fluoride,inorganic_n,phosphate,petroleum");
    for (LocalDateTime at = FIRST_DAY.atStartOfDay();
        at.isBefore(END_DAY.atStartOfDay());
        at = at.plusHours(4)) {
      for (String[] s : sections) {
        lines.add(
            String.join(
                ",",
                s[0],
                s[1],
                s[2],
                s[3],
                at.format(MINUTE),
                decimal(6.8 + 1.6 * random.nextDouble(), 2),
                decimal(4 + 6 * random.nextDouble(), 2),
                decimal(1.5 + 6 * random.nextDouble(), 2),
                "",
                "",
                decimal(0.05 + 1.8 * random.nextDouble(), 3),
                decimal(0.01 + 0.35 * random.nextDouble(), 3),
                decimal(0.3 + 1.8 * random.nextDouble(), 2),
                "",
                "",
                "",
                ""));
      }
    }
    return Files.write(dir.resolve("water_samples.csv"), lines);
  }

  private static void replay(EcostreamTopics topics, String format, Path file) {
    CliRun replay =
        CliRun.of(
            "replay",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic-prefix",
            topics.prefix(),
            "--format",
            format,
            "--speed",
            "max",
            file.toString());
    assertThat(replay.exitCode()).as("replay of %s: %s", file, replay.err()).isZero();
  }

  /** Every input record the replays wrote, partition by partition, in order. */
  private static Valid read(EcostreamTopics topics) {
    Map<Poison.Input, List<List<Raw>>> records = new EnumMap<>(Poison.Input.class);
    records.put(Poison.Input.STATIONS, readPartitions(topics.stations()));
    records.put(Poison.Input.AIR, readPartitions(topics.airReadings()));
    records.put(Poison.Input.WATER, readPartitions(topics.waterReadings()));
    List<AirReading> air = decoded(records.get(Poison.Input.AIR), topics.airReadings());
    List<WaterSample> water = decoded(records.get(Poison.Input.WATER), topics.waterReadings());
    List<Station> stations = decoded(records.get(Poison.Input.STATIONS), topics.stations());
    assertThat(air).as("valid air readings").hasSizeGreaterThan(1_000);
    assertThat(water).as("valid water samples").hasSizeGreaterThan(100);
    log(
        String.format(
            Locale.ROOT,
            "valid input: %d air readings, %d water samples, %d stations",
            air.size(),
            water.size(),
            stations.size()));
    return new Valid(records, air, water, stations);
  }

  private static List<List<Raw>> readPartitions(Topic<String, ?> topic) {
    List<List<Raw>> partitions = new ArrayList<>();
    for (int p = 0; p < topic.partitions(); p++) {
      partitions.add(new ArrayList<>());
    }
    Properties properties = new Properties();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> assigned = new ArrayList<>();
      for (int p = 0; p < topic.partitions(); p++) {
        assigned.add(new TopicPartition(topic.name(), p));
      }
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
      while (assigned.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          partitions
              .get(record.partition())
              .add(new Raw(record.key(), record.value(), record.timestamp()));
        }
      }
    }
    return partitions;
  }

  private static <V> List<V> decoded(List<List<Raw>> partitions, Topic<String, V> topic) {
    return partitions.stream()
        .flatMap(List::stream)
        .map(raw -> topic.valueSerde().deserializer().deserialize(topic.name(), raw.value()))
        .toList();
  }

  // --- one run ---

  private static Run run(String name, boolean poisoned) throws Exception {
    String prefix = KafkaBrokerFixture.uniqueName("fuzz-" + name);
    String applicationId = KafkaBrokerFixture.uniqueName("fuzz-" + name + "-app");
    EcostreamTopics topics = EcostreamTopics.withPrefix(prefix);
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    Map<Poison.Input, List<List<Planned>>> plan = plan(poisoned);
    List<String> inputs = topics.inputs().stream().map(Topic::name).toList();

    List<Sent> sent = new ArrayList<>(send(topics, plan, Poison.Input.STATIONS));
    ChildProcess app =
        ChildProcess.start(
            name,
            dir.resolve(name + ".log"),
            "run",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic-prefix",
            prefix,
            "--application-id",
            applicationId,
            "--state-dir",
            dir.resolve("state-" + name).toString(),
            "--metrics-port",
            "0",
            "--no-create-topics");
    try {
      awaitOrFail(
          app.name() + " RUNNING",
          app,
          () -> stateChanges(readLog(app)).stream().anyMatch(c -> c.endsWith("-> RUNNING")));
      drain(app, applicationId, inputs);
      sent.addAll(send(topics, plan, Poison.Input.AIR));
      sent.addAll(send(topics, plan, Poison.Input.WATER));
      int refused = poisoned ? sendOverTheLimit(topics) : 0;
      drain(app, applicationId, inputs);
      boolean alive = app.isAlive();
      String log = readLog(app);
      Map<String, Map<String, Double>> metrics = alive ? scrape(metricsPort(log)) : Map.of();
      app.stop(STOP_TIMEOUT);
      Map<String, Map<String, SpecificRecordBase>> outputs = new LinkedHashMap<>();
      outputs.put("air.station-hourly", snapshot(topics.stationHourly()));
      outputs.put("air.city-hourly", snapshot(topics.cityHourly()));
      outputs.put("air.city-daily", snapshot(topics.cityDaily()));
      outputs.put("water.sample-class", snapshot(topics.waterSampleClass()));
      outputs.put("water.section-month", snapshot(topics.waterSectionMonth()));
      outputs.put("water.city-period", snapshot(topics.waterCityPeriod()));
      Map<String, StationHourlyAqi> stationHourly =
          TopicSnapshot.latestByKey(client(), topics.stationHourly());
      return new Run(
          outputs,
          deadLetters(topics.deadLetters()),
          sent,
          refused,
          alive,
          stateChanges(log),
          log,
          metrics.getOrDefault("ecostream_dead_letters_total", Map.of()),
          metrics.getOrDefault("ecostream_records_skipped_total", Map.of()),
          stationHourly);
    } finally {
      app.stop(STOP_TIMEOUT);
    }
  }

  /**
   * The records of every input partition: the valid ones in their order and, in a poisoned run, the
   * bad ones of every class at random places among them. A bad air reading that needs the
   * partition's event time (late, or accepted by design) comes after at least one valid reading.
   */
  private static Map<Poison.Input, List<List<Planned>>> plan(boolean poisoned) {
    PoisonRecords poison =
        new PoisonRecords(SEED, brokerLimit, valid.air(), valid.water(), valid.stations());
    java.util.Random random = poison.random();
    record Insertion(Poison poison, byte[] key, int slot, int order) {}
    Map<Poison.Input, List<List<Insertion>>> insertions = new EnumMap<>(Poison.Input.class);
    for (Poison.Input input : Poison.Input.values()) {
      List<List<Insertion>> partitions = new ArrayList<>();
      valid.records().get(input).forEach(p -> partitions.add(new ArrayList<>()));
      insertions.put(input, partitions);
    }
    int order = 0;
    if (poisoned) {
      for (Poison p : Poison.values()) {
        if (p.outcome.equals(Poison.REFUSED)) {
          continue;
        }
        for (int i = 0; i < p.count; i++) {
          byte[] key = poison.key(p);
          List<List<Raw>> partitions = valid.records().get(p.input);
          int partition =
              key == null ? random.nextInt(partitions.size()) : partitionOf(key, partitions.size());
          int size = partitions.get(partition).size();
          int first = p.input == Poison.Input.AIR ? 1 : 0;
          int slot = first + random.nextInt(size + 1 - first);
          insertions.get(p.input).get(partition).add(new Insertion(p, key, slot, order++));
        }
      }
    }
    AvroSerde<AirReading> airSerde = AvroSerde.of(AirReading.class);
    Map<Poison.Input, List<List<Planned>>> plan = new EnumMap<>(Poison.Input.class);
    for (Poison.Input input : Poison.Input.values()) {
      List<List<Planned>> planned = new ArrayList<>();
      List<List<Raw>> partitions = valid.records().get(input);
      for (int p = 0; p < partitions.size(); p++) {
        List<Raw> records = partitions.get(p);
        List<Insertion> bad = new ArrayList<>(insertions.get(input).get(p));
        bad.sort(Comparator.comparingInt(Insertion::slot).thenComparingInt(Insertion::order));
        List<Planned> merged = new ArrayList<>();
        int next = 0;
        for (int slot = 0; slot <= records.size(); slot++) {
          Raw previous = slot == 0 ? null : records.get(slot - 1);
          AirReading previousAir =
              input == Poison.Input.AIR && previous != null
                  ? airSerde.deserialize("t", previous.value())
                  : null;
          while (next < bad.size() && bad.get(next).slot() == slot) {
            Insertion insertion = bad.get(next++);
            long timestamp =
                previous != null
                    ? previous.timestamp()
                    : records.isEmpty() ? 0L : records.get(0).timestamp();
            merged.add(
                new Planned(
                    insertion.poison(),
                    new Raw(
                        insertion.key(),
                        poison.value(insertion.poison(), insertion.key(), previousAir),
                        timestamp)));
          }
          if (slot < records.size()) {
            merged.add(new Planned(null, records.get(slot)));
          }
        }
        planned.add(merged);
      }
      plan.put(input, planned);
    }
    return plan;
  }

  /** The default partitioner's choice for a key. */
  private static int partitionOf(byte[] key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  /**
   * Sends the planned records of one input, partition by partition in order; the bad ones as sent.
   */
  private static List<Sent> send(
      EcostreamTopics topics, Map<Poison.Input, List<List<Planned>>> plan, Poison.Input input)
      throws Exception {
    String topic =
        switch (input) {
          case AIR -> topics.airReadings().name();
          case WATER -> topics.waterReadings().name();
          case STATIONS -> topics.stations().name();
        };
    record Pending(Planned planned, Future<RecordMetadata> metadata) {}
    List<Pending> pending = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      List<List<Planned>> partitions = plan.get(input);
      for (int p = 0; p < partitions.size(); p++) {
        for (Planned planned : partitions.get(p)) {
          Raw raw = planned.raw();
          pending.add(
              new Pending(
                  planned,
                  producer.send(
                      new ProducerRecord<>(topic, p, raw.timestamp(), raw.key(), raw.value()))));
        }
      }
      producer.flush();
    }
    List<Sent> sent = new ArrayList<>();
    for (Pending each : pending) {
      RecordMetadata metadata = each.metadata().get(30, TimeUnit.SECONDS);
      if (each.planned().poison() != null) {
        Raw raw = each.planned().raw();
        sent.add(
            new Sent(
                each.planned().poison(),
                topic,
                metadata.partition(),
                metadata.offset(),
                raw.key(),
                raw.value()));
      }
    }
    return sent;
  }

  /** Sends the records over the broker's limit; how many the broker refused. */
  private static int sendOverTheLimit(EcostreamTopics topics) throws Exception {
    PoisonRecords poison =
        new PoisonRecords(SEED + 1, brokerLimit, valid.air(), valid.water(), valid.stations());
    int refused = 0;
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (Poison p : Poison.values()) {
        if (!p.outcome.equals(Poison.REFUSED)) {
          continue;
        }
        String topic =
            switch (p.input) {
              case AIR -> topics.airReadings().name();
              case WATER -> topics.waterReadings().name();
              case STATIONS -> topics.stations().name();
            };
        for (int i = 0; i < p.count; i++) {
          byte[] key = poison.key(p);
          try {
            producer
                .send(new ProducerRecord<>(topic, key, poison.value(p, key, null)))
                .get(30, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RecordTooLargeException.class);
            refused++;
          }
        }
      }
    }
    return refused;
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = kafka.producerProps();
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, PRODUCER_MAX_REQUEST);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  // --- the application ---

  private static void drain(ChildProcess app, String applicationId, List<String> inputs)
      throws InterruptedException {
    try {
      PipelineDrain.await(kafka.clientProperties(), applicationId, inputs, DRAIN_TIMEOUT);
    } catch (TimeoutException e) {
      fail(e.getMessage() + tail(readLog(app)));
    }
  }

  private static void awaitOrFail(String what, ChildProcess app, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (!app.isAlive()) {
        fail(
            "waiting for "
                + what
                + ": the application exited with code "
                + app.exitCode()
                + tail(readLog(app)));
      }
      if (System.nanoTime() > deadline) {
        fail("no " + what + " after " + STARTUP_TIMEOUT.toSeconds() + " s" + tail(readLog(app)));
      }
      Thread.sleep(100);
    }
  }

  private static List<String> stateChanges(String log) {
    List<String> changes = new ArrayList<>();
    Matcher matcher = STATE.matcher(log);
    while (matcher.find()) {
      changes.add(matcher.group(1) + " -> " + matcher.group(2));
    }
    return changes;
  }

  private static int metricsPort(String log) {
    Matcher matcher = METRICS_PORT.matcher(log);
    assertThat(matcher.find())
        .as("the metrics line in the application's log%s", tail(log))
        .isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  /** The counters of GET /metrics: metric name, then the {@code reason} tag, then the value. */
  private static Map<String, Map<String, Double>> scrape(int port)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Pattern line =
        Pattern.compile("^(ecostream_\\w+_total)\\{[^}]*reason=\"([^\"]+)\"[^}]*} (\\S+)$");
    Map<String, Map<String, Double>> counters = new HashMap<>();
    for (String text : response.body().lines().toList()) {
      Matcher matcher = line.matcher(text);
      if (matcher.matches()) {
        counters
            .computeIfAbsent(matcher.group(1), n -> new HashMap<>())
            .put(matcher.group(2), Double.parseDouble(matcher.group(3)));
      }
    }
    return counters;
  }

  private static String readLog(ChildProcess app) {
    try {
      return Files.exists(app.log()) ? Files.readString(app.log(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return "\n--- last lines of the application's log ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  // --- the outputs ---

  @SuppressWarnings("unchecked")
  private static <V> Map<String, SpecificRecordBase> snapshot(Topic<String, V> topic) {
    return new TreeMap<>(
        (Map<String, SpecificRecordBase>) TopicSnapshot.latestByKey(client(), topic));
  }

  /** Every dead letter, read with read_committed from the beginning to the end offsets of now. */
  private static List<ConsumerRecord<String, DeadLetter>> deadLetters(
      Topic<String, DeadLetter> topic) {
    Properties properties = client();
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    List<ConsumerRecord<String, DeadLetter>> letters = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer =
        new KafkaConsumer<>(
            properties, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
      }
    }
    return letters;
  }

  private static Properties client() {
    Properties client = new Properties();
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return client;
  }

  private static int maxMessageBytes(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config =
        kafka
            .admin()
            .describeConfigs(List.of(resource))
            .all()
            .get(30, TimeUnit.SECONDS)
            .get(resource);
    return Integer.parseInt(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
  }

  /** Keys of the outputs of the records accepted by design (their own city and stations). */
  private static boolean ofAcceptedPoison(String key) {
    return key.contains(PoisonRecords.FUZZ_CITY) || key.startsWith(PoisonRecords.FUZZ_STATION);
  }

  /**
   * Empty if the last values per key are equal but for the ignored fields; else the differences.
   */
  private static String comparison(
      String topic,
      Map<String, SpecificRecordBase> expected,
      Map<String, SpecificRecordBase> actual) {
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    List<String> differences = new ArrayList<>();
    for (String key : keys) {
      SpecificRecordBase e = expected.get(key);
      SpecificRecordBase a = actual.get(key);
      if (e == null || a == null) {
        differences.add(
            key + (a == null ? ": missing from the fuzzed run" : ": only in the fuzzed run"));
        continue;
      }
      for (Schema.Field field : e.getSchema().getFields()) {
        if (!IGNORED_FIELDS.contains(field.name())
            && !Objects.equals(e.get(field.pos()), a.get(field.pos()))) {
          differences.add(
              key + " " + field.name() + ": " + e.get(field.pos()) + " → " + a.get(field.pos()));
        }
      }
    }
    return differences.isEmpty()
        ? ""
        : topic
            + ": "
            + differences.size()
            + " differences (clean → fuzzed), first: "
            + String.join("; ", differences.subList(0, Math.min(20, differences.size())));
  }

  // --- helpers ---

  private static String localHour(AirReading reading) {
    LocalDateTime local = LocalDateTime.ofInstant(reading.getHourStart(), BEIJING);
    return local.toLocalDate() + (local.getHour() < 10 ? "T0" : "T") + local.getHour();
  }

  private static String sha256(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decimal(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }

  /** Records tried and dead letters per class, for docs/reliability.md. */
  private static String summary() {
    Map<Poison, Long> tried =
        fuzz.sent().stream()
            .collect(
                Collectors.groupingBy(
                    Sent::poison, () -> new EnumMap<>(Poison.class), Collectors.counting()));
    Map<String, Sent> byCoordinates = new HashMap<>();
    fuzz.sent().forEach(s -> byCoordinates.put(s.coordinates(), s));
    Map<Poison, Long> letters =
        fuzz.letters().stream()
            .collect(
                Collectors.groupingBy(
                    r -> byCoordinates.get(r.key()).poison(),
                    () -> new EnumMap<>(Poison.class),
                    Collectors.counting()));
    StringBuilder table =
        new StringBuilder(
            "\n| class | topic | tried | dead letters | reason |\n|---|---|---|---|---|\n");
    for (Poison p : Poison.values()) {
      long n = p.outcome.equals(Poison.REFUSED) ? p.count : tried.getOrDefault(p, 0L);
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %s |%n",
              p.description,
              p.input,
              n,
              letters.getOrDefault(p, 0L),
              p.outcome));
    }
    long total = tried.values().stream().mapToLong(Long::longValue).sum() + fuzz.refused();
    table.append(
        String.format(
            Locale.ROOT,
            "bad records tried %d (%d refused by the broker), dead letters %d (%d truncated), skipped %s, state changes %s",
            total,
            fuzz.refused(),
            fuzz.letters().size(),
            fuzz.letters().stream().filter(r -> r.value().getTruncated()).count(),
            fuzz.skippedMetric(),
            fuzz.stateChanges()));
    return table.toString();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void log(String line) {
    System.out.println("PoisonFuzzIT: " + line);
  }
}
