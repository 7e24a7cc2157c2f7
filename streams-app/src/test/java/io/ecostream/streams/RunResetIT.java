package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.pm25;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityDaily;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code run --reset}, the whole command, on a real broker. */
class RunResetIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);
  private static final List<String> STATIONS = List.of("BZ-A01", "BZ-A02", "JN-A01", "JN-A02");

  @TempDir Path stateDir;

  private String prefix;
  private EcostreamTopics topics;
  private String applicationId;
  private final List<RunUnderTest> runs = new ArrayList<>();

  @BeforeEach
  void names() {
    prefix = KafkaBrokerFixture.uniqueName("reset");
    topics = EcostreamTopics.withPrefix(prefix);
    applicationId = KafkaBrokerFixture.uniqueName("reset-app");
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
  }

  @AfterEach
  void stopWhatAFailedTestLeftRunning() throws Exception {
    for (RunUnderTest run : runs) {
      if (!run.exit().isDone()) {
        run.stop();
      }
    }
  }

  @Test
  void shouldReprocessAllInputAndEmitTheSameFiguresAgain() throws Exception {
    sendADayOfReadings();

    RunUnderTest first = start();
    awaitCompleteDay(first, Map.of(), Map.of());
    assertThat(first.stop()).isZero();
    Map<TopicPartition, Long> hourlyEnd = endOffsets(topics.stationHourly());
    Map<TopicPartition, Long> dailyEnd = endOffsets(topics.cityDaily());
    Map<String, CityDaily> firstRaw = latestByKey(topics.cityDaily(), Map.of(), dailyEnd);
    Map<String, CityDaily> firstDaily = withoutRevision(firstRaw);
    Map<String, Uuid> internalBefore = internalTopicIds();
    assertThat(internalBefore).containsKey(applicationId + "-air-station-hours-store-changelog");
    String lookalike = applicationId + "-staging-station-store-changelog";
    kafka.createTopics(lookalike);

    RunUnderTest second = start("--reset");
    awaitCompleteDay(second, hourlyEnd, dailyEnd);
    assertThat(second.stop()).isZero();

    long firstPass = count(topics.stationHourly(), Map.of(), hourlyEnd);
    assertThat(firstPass).isEqualTo(STATIONS.size() * 24L);
    // With the old state kept, every re-read reading would be a duplicate, which publishes nothing.
    assertThat(count(topics.stationHourly(), Map.of(), endOffsets(topics.stationHourly())))
        .isEqualTo(2 * firstPass);
    Map<String, CityDaily> secondRaw =
        latestByKey(topics.cityDaily(), dailyEnd, endOffsets(topics.cityDaily()));
    assertThat(withoutRevision(secondRaw)).hasSize(2).isEqualTo(firstDaily);
    // the reset's generation 1: every reprocessed figure supersedes the old one with a higher
    // revision
    secondRaw.forEach(
        (key, daily) ->
            assertThat(daily.getRevision())
                .isEqualTo(PipelineSettings.GENERATION_STEP + firstRaw.get(key).getRevision()));

    Map<String, Uuid> internalAfter = internalTopicIds();
    assertThat(internalAfter.keySet()).containsAll(internalBefore.keySet()).contains(lookalike);
    internalBefore.forEach(
        (name, id) ->
            assertThat(internalAfter.get(name))
                .as("%s was deleted and recreated", name)
                .isNotEqualTo(id));
    List<String> resetLines = second.lines("reset application");
    assertThat(resetLines).hasSize(1);
    assertThat(resetLines.get(0))
        .contains(
            "reset application "
                + applicationId
                + ": offsets of "
                + prefix
                + ".stations, "
                + prefix
                + ".air.readings, "
                + prefix
                + ".water.readings back to the earliest; deleted internal topics ")
        .contains(internalBefore.keySet())
        .doesNotContain(lookalike)
        .endsWith(
            "local state wiped ("
                + stateDir.resolve(applicationId)
                + "); reset generation 1: revisions from"
                + " now on start above 1000000000");
  }

  @Test
  void shouldRefuseToResetWhileAnInstanceRuns() throws Exception {
    sendADayOfReadings();
    RunUnderTest running = start();
    awaitCompleteDay(running, Map.of(), Map.of());

    RunUnderTest reset = start("--reset");
    assertThat(reset.exit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(running.stop()).isZero();

    assertThat(reset.lines("ecostream run: cannot reset"))
        .singleElement()
        .asString()
        .startsWith(
            "ecostream run: cannot reset: application id '"
                + applicationId
                + "' still has 1 active member(s)")
        .contains("stop every instance first");
    assertThat(reset.log().toString())
        .doesNotContain("reset application", "StreamsResetter", "Exception");
    assertThat(count(topics.stationHourly(), Map.of(), endOffsets(topics.stationHourly())))
        .as("nothing reprocessed")
        .isEqualTo(STATIONS.size() * 24L);
  }

  private RunUnderTest start(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic-prefix",
                prefix,
                "--application-id",
                applicationId,
                "--state-dir",
                stateDir.toString(),
                "--metrics-port",
                "-1"));
    args.addAll(List.of(extra));
    RunUnderTest run = RunUnderTest.start(args);
    runs.add(run);
    return run;
  }

  /** Two cities of two stations each, 24 hours in order: one station-hour figure per reading. */
  private void sendADayOfReadings() {
    List<AirReading> readings = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      for (int s = 0; s < STATIONS.size(); s++) {
        String station = STATIONS.get(s);
        String city = station.startsWith("BZ") ? "binzhou" : "jinan";
        readings.add(pm25(station, city, DAY.atTime(h, 0), 30 + 10 * s + h));
      }
    }
    String topic = topics.airReadings().name();
    try (KafkaProducer<String, AirReading> producer =
        new KafkaProducer<>(
            kafka.producerProps(),
            new StringSerializer(),
            topics.airReadings().valueSerde().serializer())) {
      readings.forEach(
          r ->
              producer.send(
                  new ProducerRecord<>(
                      topic, null, r.getHourStart().toEpochMilli(), InputKeys.of(r), r)));
    }
  }

  /**
   * Waits until the pass that wrote from these offsets on has every station-hour and both full city
   * days.
   */
  private void awaitCompleteDay(
      RunUnderTest run, Map<TopicPartition, Long> hourlyFrom, Map<TopicPartition, Long> dailyFrom) {
    Predicate<KafkaConsumer<String, ?>> failIfExited =
        consumer -> {
          assertThat(run.exit())
              .as("the run command is still running; its output:%n%s", run.log())
              .isNotDone();
          return false;
        };
    readUntil(
        topics.stationHourly(),
        hourlyFrom,
        latest -> latest.size() == STATIONS.size() * 24,
        failIfExited::test);
    readUntil(
        topics.cityDaily(),
        dailyFrom,
        latest ->
            stationHours(latest.get("binzhou@2024-01-15")) == 48
                && stationHours(latest.get("jinan@2024-01-15")) == 48,
        failIfExited::test);
  }

  private static int stationHours(CityDaily daily) {
    return daily == null ? -1 : daily.getStationHours();
  }

  /** A reset raises the revisions: the figures of two passes compare without them. */
  private static Map<String, CityDaily> withoutRevision(Map<String, CityDaily> daily) {
    Map<String, CityDaily> figures = new HashMap<>();
    daily.forEach(
        (key, value) -> figures.put(key, CityDaily.newBuilder(value).setRevision(0).build()));
    return figures;
  }

  private Map<String, Uuid> internalTopicIds() throws Exception {
    Set<String> names =
        kafka.admin().listTopics().names().get().stream()
            .filter(name -> name.startsWith(applicationId + "-"))
            .collect(Collectors.toSet());
    return kafka.admin().describeTopics(names).allTopicNames().get().values().stream()
        .collect(Collectors.toMap(TopicDescription::name, TopicDescription::topicId));
  }

  /**
   * The records between two offsets of each partition. Not the difference of the offsets: under
   * exactly-once every transaction also leaves a commit marker in each partition it wrote.
   */
  private <V> long count(
      Topic<String, V> topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    long count = 0;
    try (KafkaConsumer<String, V> consumer = consumer(topic)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!to.entrySet().stream()
          .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
        assertThat(System.nanoTime())
            .as("%s read to its end before the deadline", topic.name())
            .isLessThan(deadline);
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
            count++;
          }
        }
      }
    }
    return count;
  }

  private <V> Map<TopicPartition, Long> endOffsets(Topic<String, V> topic) {
    try (KafkaConsumer<String, V> consumer = consumer(topic)) {
      return consumer.endOffsets(partitions(consumer, topic));
    }
  }

  /** The latest value per key among the records between two offsets of each partition. */
  private <V> Map<String, V> latestByKey(
      Topic<String, V> topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    return readUntil(
        topic,
        from,
        latest -> false,
        consumer ->
            to.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue()));
  }

  /**
   * Reads from the given offsets (the beginning where none) until either condition holds, or fails
   * at the deadline.
   */
  private <V> Map<String, V> readUntil(
      Topic<String, V> topic,
      Map<TopicPartition, Long> from,
      Predicate<Map<String, V>> done,
      Predicate<KafkaConsumer<String, V>> caughtUp) {
    Map<String, V> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, V> consumer = consumer(topic)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!done.test(latest) && !caughtUp.test(consumer)) {
        assertThat(System.nanoTime())
            .as("%s reached the expected state before the deadline; got %s", topic.name(), latest)
            .isLessThan(deadline);
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          latest.put(record.key(), record.value());
        }
      }
    }
    return latest;
  }

  private <V> KafkaConsumer<String, V> consumer(Topic<String, V> topic) {
    Map<String, Object> props =
        Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    return new KafkaConsumer<>(
        props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  private static <V> List<TopicPartition> partitions(
      KafkaConsumer<String, V> consumer, Topic<String, V> topic) {
    return consumer.partitionsFor(topic.name()).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
  }
}
