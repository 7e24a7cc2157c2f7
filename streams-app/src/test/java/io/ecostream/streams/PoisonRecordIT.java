package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.pm25;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.errors.RecordSkips;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One record never stops the pipeline, on a real broker with exactly-once: the tester's record (a
 * 1,048,450-byte value, just under the broker's default {@code message.max.bytes} of 1,048,588)
 * becomes a dead letter cut to size, and an output too large to send is skipped and counted; the
 * readings behind either on the same partition are processed, and the application never fails.
 */
class PoisonRecordIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);
  private static final int NEAR_BROKER_LIMIT = 1_048_450;

  @TempDir Path stateDir;

  private EcostreamTopics topics;
  private KafkaStreams streams;
  private PipelineMetrics metrics;
  private final List<String> states = Collections.synchronizedList(new ArrayList<>());

  /**
   * The production settings, the skip counter passed as {@code run} passes it, and {@code extra}.
   */
  private void startPipeline(Properties extra) {
    topics = EcostreamTopics.withPrefix(KafkaBrokerFixture.uniqueName("poison"));
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    Properties flags = new Properties();
    flags.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    flags.put(StreamsConfig.APPLICATION_ID_CONFIG, KafkaBrokerFixture.uniqueName("poison-app"));
    flags.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    flags.putAll(extra);
    metrics = new PipelineMetrics(new SimpleMeterRegistry());
    Properties properties =
        KafkaClientConfig.layered(StreamsAppConfig.defaults(), null, Map.of(), flags);
    properties.put(RecordSkips.METRICS_CONFIG, metrics);
    streams =
        new KafkaStreams(
            EcostreamTopology.build(topics, PipelineSettings.defaults(), metrics), properties);
    streams.setStateListener((newState, oldState) -> states.add(newState.name()));
    streams.start();
  }

  @AfterEach
  void stopPipeline() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldDeadLetterAValueJustUnderTheBrokersLimitCutToSizeAndProcessTheReadingsBehindIt()
      throws Exception {
    startPipeline(new Properties());
    send(hours("JN-A01", "jinan", 0, 3));
    byte[] poison = new byte[NEAR_BROKER_LIMIT];
    new Random(1).nextBytes(poison);
    RecordMetadata sent = sendRaw("jinan", poison);
    RecordMetadata behind = send(hours("JN-A01", "jinan", 3, 24));

    assertThat(behind.partition())
        .as("the readings behind it are on its partition")
        .isEqualTo(sent.partition());
    // Every hour, not only the last: the topic's partitions are read in no particular order.
    Map<String, StationHourlyAqi> hourly =
        latestByKey(topics.stationHourly(), latest -> latest.size() >= 24);
    assertThat(hourly).hasSize(24).containsKeys("JN-A01@2024-01-15T00", "JN-A01@2024-01-15T23");
    DeadLetter letter =
        latestByKey(topics.deadLetters(), latest -> !latest.isEmpty())
            .get(topics.airReadings().name() + "/" + sent.partition() + "/" + sent.offset());
    assertThat(letter).isNotNull();
    assertThat(letter.getReason()).isEqualTo("undecodable");
    assertThat(letter.getTruncated()).isTrue();
    assertThat(letter.getValueSize()).isEqualTo(NEAR_BROKER_LIMIT);
    assertThat(letter.getValueSha256()).isEqualTo(sha256(poison));
    assertThat(letter.getValue().remaining()).isEqualTo(16_384);
    assertThat(metrics.deadLetterCount("undecodable")).isEqualTo(1.0);
    assertNeverFailed();
  }

  /**
   * With {@code max.request.size} at 64 KiB, a valid reading carrying a 100 kB header gives outputs
   * too large to send (they carry the input's headers): each is skipped and counted, and the
   * readings behind it are processed.
   */
  @Test
  void shouldSkipAndCountOutputsTooLargeToSendAndGoOn() throws Exception {
    Properties smallRequests = new Properties();
    smallRequests.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), "65536");
    startPipeline(smallRequests);
    send(hours("BZ-A01", "binzhou", 0, 3));
    AirReading heavy = pm25("BZ-A01", "binzhou", DAY.atTime(3, 0), 40);
    ProducerRecord<String, AirReading> withHeader =
        new ProducerRecord<>(
            topics.airReadings().name(),
            null,
            heavy.getHourStart().toEpochMilli(),
            "binzhou",
            heavy);
    withHeader.headers().add("probe", new byte[100_000]);
    produce(topics.airReadings(), List.of(withHeader));
    send(hours("BZ-A01", "binzhou", 4, 24));

    // The hours after the skipped one: they may sit on different partitions, read in any order.
    Map<String, StationHourlyAqi> hourly =
        latestByKey(
            topics.stationHourly(),
            latest ->
                latest.containsKey("BZ-A01@2024-01-15T22")
                    && latest.containsKey("BZ-A01@2024-01-15T23"));

    assertThat(hourly)
        .containsKey("BZ-A01@2024-01-15T22")
        .doesNotContainKey("BZ-A01@2024-01-15T03");
    assertThat(metrics.recordsSkippedCount(RecordSkips.TOO_LARGE)).isPositive();
    assertNeverFailed();
  }

  /**
   * The application never failed: a record that failed its transaction would have sent it to ERROR,
   * the readings behind it unprocessed. Its state now may be REBALANCING, which is no failure: a
   * new application joins its group again once the repartition topics it created show in its
   * metadata, and that may come after it was first RUNNING.
   */
  private void assertNeverFailed() {
    assertThat(states).doesNotContain("ERROR", "PENDING_ERROR", "PENDING_SHUTDOWN", "NOT_RUNNING");
    assertThat(streams.state().isRunningOrRebalancing()).as("state " + streams.state()).isTrue();
  }

  /** Hourly PM2.5 of the station for the hours {@code from} (inclusive) to {@code to}. */
  private static List<AirReading> hours(String station, String city, int from, int to) {
    List<AirReading> readings = new ArrayList<>();
    for (int h = from; h < to; h++) {
      readings.add(pm25(station, city, DAY.atTime(h, 0), 30 + h));
    }
    return readings;
  }

  /** Sends the readings keyed by city, in order; the metadata of the last. */
  private RecordMetadata send(List<AirReading> readings) throws Exception {
    String topic = topics.airReadings().name();
    return produce(
        topics.airReadings(),
        readings.stream()
            .map(
                r ->
                    new ProducerRecord<>(
                        topic, null, r.getHourStart().toEpochMilli(), r.getCityId(), r))
            .toList());
  }

  private <V> RecordMetadata produce(
      Topic<String, V> topic, List<ProducerRecord<String, V>> records) throws Exception {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            kafka.producerProps(), new StringSerializer(), topic.valueSerde().serializer())) {
      RecordMetadata last = null;
      for (ProducerRecord<String, V> record : records) {
        last = producer.send(record).get(30, TimeUnit.SECONDS);
      }
      return last;
    }
  }

  private RecordMetadata sendRaw(String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            kafka.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      return producer
          .send(new ProducerRecord<>(topics.airReadings().name(), key, value))
          .get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Reads the topic until the latest value per key satisfies {@code done}, or fails at the
   * deadline.
   */
  private <V> Map<String, V> latestByKey(Topic<String, V> topic, Predicate<Map<String, V>> done) {
    return TopicReader.latestByKeyUntil(kafka, topic, done, DEADLINE, () -> "states " + states);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
