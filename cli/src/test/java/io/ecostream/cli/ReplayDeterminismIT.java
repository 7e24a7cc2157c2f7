package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.cli.report.TopicSnapshot;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.producer.Pacing;
import io.ecostream.producer.ReadingSink;
import io.ecostream.producer.Simulator;
import io.ecostream.streams.EcostreamTopology;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay equals live: the same readings, replayed through the real {@code replay} command into the
 * production topology, give the same city-daily and city-period figures (revisions included)
 * whatever the replay speed, the arrival order within the grace, or duplicates.
 */
class ReplayDeterminismIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final long SEED = 20240101L;
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  private static final LocalDate END_DAY = LocalDate.of(2024, 1, 9);
  private static final List<String> CITIES = List.of("binzhou", "weihai", "liaocheng");
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final String HEADER =
      "station_id,city_id,hour_start,station_name,pm25,pm10,so2,no2,co,o3";

  /**
   * 100 simulated hours per wall second: the 192 hours take about 2 s, slow enough that the streams
   * app processes the hours as they come rather than in one backlog.
   */
  private static final String PACED_SPEED = "360000";

  /**
   * Half the default grace of 48 h: shuffling within 24-hour blocks puts no reading more than 23 h
   * behind the newest one sent before it, so nothing may be dead-lettered as late.
   */
  private static final int SHUFFLE_BLOCK_HOURS = 24;

  private static final double DUPLICATE_SHARE = 0.10;
  private static final int MAX_DUPLICATE_DELAY_HOURS = 24;

  private static final Set<String> REVISION = Set.of("revision");

  @TempDir static Path dir;

  /** The simulated readings, in the order the simulator made them (time order). */
  private static List<Line> readings;

  /** The reference run: the file in time order at full speed, as a live feed would arrive. */
  private static Figures live;

  /** One line of the replay file, with the hour it is about. */
  private record Line(Instant hourStart, String csv) {}

  /** Last record per key of the compared topics, and the dead letters by reason. */
  private record Figures(
      Map<String, CityDaily> cityDaily,
      Map<String, CityPeriod> cityPeriod,
      Map<String, Long> deadLettersByReason) {}

  @BeforeAll
  static void replayInTimeOrder() throws IOException {
    readings = simulate();
    live = replay("live", readings, "max");
  }

  @Test
  void shouldComputeEveryDayMonthAndYearOfTheCitiesInTheLiveRun() {
    List<String> days = new ArrayList<>();
    List<String> periods = new ArrayList<>();
    for (String city : CITIES) {
      FIRST_DAY.datesUntil(END_DAY).forEach(day -> days.add(city + "@" + day));
      periods.add(city + "@2024");
      periods.add(city + "@2024-01");
    }

    assertThat(live.cityDaily()).containsOnlyKeys(days);
    assertThat(live.cityPeriod()).containsOnlyKeys(periods);
    assertThat(live.deadLettersByReason()).doesNotContainKey("late");
  }

  @Test
  void shouldGiveTheLiveFiguresWhenReplayedAtAPacedSpeed() throws IOException {
    assertSameFiguresAsLive(replay("paced", readings, PACED_SPEED));
  }

  @Test
  void shouldGiveTheLiveFiguresWhenReadingsArriveOutOfOrderWithinTheGrace() throws IOException {
    assertSameFiguresAsLive(replay("shuffled", shuffledWithinBlocks(readings), "max"));
  }

  @Test
  void shouldGiveTheLiveFiguresWhenReadingsAreDuplicated() throws IOException {
    assertSameFiguresAsLive(replay("duplicated", withDuplicates(readings), "max"));
  }

  /**
   * Figures without the revision first, then the revisions alone: together they are exact equality,
   * and a failure says which of the two parts differs.
   */
  private static void assertSameFiguresAsLive(Figures replayed) {
    assertSoftly(
        soft -> {
          soft.assertThat(differences(live.cityDaily(), replayed.cityDaily(), REVISION::contains))
              .as("city-daily figures other than revision (key field: live → replayed)")
              .isEmpty();
          soft.assertThat(differences(live.cityPeriod(), replayed.cityPeriod(), REVISION::contains))
              .as("city-period figures other than revision (key field: live → replayed)")
              .isEmpty();
          soft.assertThat(
                  differences(live.cityDaily(), replayed.cityDaily(), f -> !REVISION.contains(f)))
              .as("city-daily revisions (key field: live → replayed)")
              .isEmpty();
          soft.assertThat(
                  differences(live.cityPeriod(), replayed.cityPeriod(), f -> !REVISION.contains(f)))
              .as("city-period revisions (key field: live → replayed)")
              .isEmpty();
          soft.assertThat(replayed.deadLettersByReason()).doesNotContainKey("late");
        });
  }

  // --- the readings and their variants ---

  private static List<Line> simulate() {
    Map<String, String> names = new HashMap<>();
    List<AirReading> air = new ArrayList<>();
    Simulator.builder(SEED, FIRST_DAY)
        .endExclusive(END_DAY)
        .cities(CITIES)
        .water(false)
        .pacing(Pacing.asFastAsPossible())
        .build(
            new ReadingSink() {
              @Override
              public void station(Station station) {
                names.put(station.getStationId(), station.getName());
              }

              @Override
              public void air(AirReading reading) {
                air.add(reading);
              }

              @Override
              public void water(WaterSample sample) {}

              @Override
              public void flush() {}
            })
        .run();
    return air.stream().map(r -> line(r, names.get(r.getStationId()))).toList();
  }

  private static Line line(AirReading r, String stationName) {
    String csv =
        String.join(
            ",",
            r.getStationId(),
            r.getCityId(),
            LocalDateTime.ofInstant(r.getHourStart(), ZONE).format(HOUR),
            stationName == null ? "" : stationName,
            cell(r.getPm25()),
            cell(r.getPm10()),
            cell(r.getSo2()),
            cell(r.getNo2()),
            cell(r.getCo()),
            cell(r.getO3()));
    return new Line(r.getHourStart(), csv);
  }

  /** Double.toString is the shortest text that parses back to the same double. */
  private static String cell(Double value) {
    return value == null ? "" : Double.toString(value);
  }

  private static List<Line> shuffledWithinBlocks(List<Line> lines) {
    Instant start = FIRST_DAY.atStartOfDay(ZONE).toInstant();
    Map<Long, List<Line>> blocks = new TreeMap<>();
    for (Line line : lines) {
      long block = Duration.between(start, line.hourStart()).toHours() / SHUFFLE_BLOCK_HOURS;
      blocks.computeIfAbsent(block, b -> new ArrayList<>()).add(line);
    }
    Random random = new Random(SEED);
    List<Line> shuffled = new ArrayList<>();
    for (List<Line> block : blocks.values()) {
      Collections.shuffle(block, random);
      shuffled.addAll(block);
    }
    return shuffled;
  }

  /**
   * About a tenth of the lines again: half right after the original, half behind the lines of a
   * later hour, up to 24 h later (within the grace).
   */
  private static List<Line> withDuplicates(List<Line> lines) {
    record Placed(Instant after, long order, Line line) {}
    Random random = new Random(SEED + 1);
    List<Placed> placed = new ArrayList<>();
    long n = lines.size();
    for (int i = 0; i < n; i++) {
      Line line = lines.get(i);
      placed.add(new Placed(line.hourStart(), 2L * i, line));
      if (random.nextDouble() < DUPLICATE_SHARE) {
        if (random.nextBoolean()) {
          placed.add(new Placed(line.hourStart(), 2L * i + 1, line));
        } else {
          Instant later =
              line.hourStart()
                  .plus(Duration.ofHours(1 + random.nextInt(MAX_DUPLICATE_DELAY_HOURS)));
          // After every original of that later hour.
          placed.add(new Placed(later, 2 * n + i, line));
        }
      }
    }
    placed.sort(Comparator.comparing(Placed::after).thenComparingLong(Placed::order));
    return placed.stream().map(Placed::line).toList();
  }

  // --- one run: fresh topics, application and state, the real replay command ---

  private static Figures replay(String name, List<Line> lines, String speed) throws IOException {
    String prefix = KafkaBrokerFixture.uniqueName("determinism-" + name);
    String applicationId = KafkaBrokerFixture.uniqueName("determinism-" + name + "-app");
    Path file =
        Files.write(
            dir.resolve(name + ".csv"),
            Stream.concat(Stream.of(HEADER), lines.stream().map(Line::csv)).toList());
    EcostreamTopics topics = EcostreamTopics.withPrefix(prefix);
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    Properties flags = new Properties();
    flags.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    flags.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    flags.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + name).toString());
    try (KafkaStreams streams =
        new KafkaStreams(
            EcostreamTopology.build(
                topics,
                PipelineSettings.defaults(),
                new PipelineMetrics(new SimpleMeterRegistry())),
            KafkaClientConfig.layered(StreamsAppConfig.defaults(), null, Map.of(), flags))) {
      streams.start();
      CliRun run =
          CliRun.of(
              "replay",
              "--bootstrap-servers",
              kafka.bootstrapServers(),
              "--topic-prefix",
              prefix,
              "--application-id",
              applicationId,
              "--format",
              "csv",
              "--speed",
              speed,
              "--wait",
              "--wait-timeout",
              "60s",
              file.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      Map<String, Long> deadLetters = new TreeMap<>();
      latestByKey(topics.deadLetters())
          .values()
          .forEach(d -> deadLetters.merge(d.getReason(), 1L, Long::sum));
      return new Figures(
          latestByKey(topics.cityDaily()), latestByKey(topics.cityPeriod()), deadLetters);
    }
  }

  /** The last value of every key, read from the beginning to the end offsets of now. */
  private static <V> Map<String, V> latestByKey(Topic<String, V> topic) {
    Properties client = new Properties();
    client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return TopicSnapshot.latestByKey(client, topic);
  }

  // --- readable differences ---

  /**
   * Every difference of two topic snapshots as {@code key field: expected → actual}, sorted by key;
   * {@code ignored} names fields left out. Empty (with nothing ignored) iff the maps are equal.
   */
  private static <V extends SpecificRecordBase> List<String> differences(
      Map<String, V> expected, Map<String, V> actual, Predicate<String> ignored) {
    List<String> differences = new ArrayList<>();
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      V e = expected.get(key);
      V a = actual.get(key);
      if (e == null || a == null) {
        differences.add(key + (e == null ? ": only in the replay" : ": missing from the replay"));
        continue;
      }
      for (Schema.Field field : e.getSchema().getFields()) {
        if (ignored.test(field.name())) {
          continue;
        }
        Object ev = e.get(field.pos());
        Object av = a.get(field.pos());
        if (!Objects.equals(ev, av)) {
          differences.add(key + " " + field.name() + ": " + ev + " → " + av);
        }
      }
    }
    return differences;
  }
}
