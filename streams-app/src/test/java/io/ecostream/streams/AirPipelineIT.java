package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.pm25;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The production topology on a real broker, fed real Avro bytes, with exactly-once processing. */
class AirPipelineIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  @TempDir Path stateDir;

  private EcostreamTopics topics;
  private KafkaStreams streams;

  @BeforeEach
  void startPipeline() {
    topics = EcostreamTopics.withPrefix(KafkaBrokerFixture.uniqueName("it"));
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    Properties flags = new Properties();
    flags.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    flags.put(StreamsConfig.APPLICATION_ID_CONFIG, KafkaBrokerFixture.uniqueName("air-pipeline"));
    flags.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    streams =
        new KafkaStreams(
            EcostreamTopology.build(
                topics, PipelineSettings.defaults(), new PipelineMetrics(new SimpleMeterRegistry())),
            KafkaClientConfig.layered(StreamsAppConfig.defaults(), null, Map.of(), flags));
    streams.start();
  }

  @AfterEach
  void stopPipeline() {
    streams.close(Duration.ofSeconds(30));
  }

  @Test
  void shouldComputeCityDailyPm25FromReadingsSentThroughTheBroker() {
    List<AirReading> readings = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      // 16 hours at 35 and 8 hours at 59: (560 + 472) / 24 = 43.0
      readings.add(pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), h >= 8 && h < 16 ? 59 : 35));
      readings.add(pm25("JN-A01", "jinan", DAY.atTime(h, 0), 80));
    }
    for (int h = 0; h < 21; h++) {
      readings.add(pm25("BZ-A02", "binzhou", DAY.atTime(h, 0), 50)); // 21 hours: valid, 50
    }
    readings.add(pm25("BZ-A02", "binzhou", DAY.atTime(3, 0), 50)); // re-sent: counts once
    for (int h = 0; h < 12; h++) {
      readings.add(pm25("BZ-A03", "binzhou", DAY.atTime(h, 0), 200)); // 12 hours: not valid
    }
    send(readings);
    sendRaw("BZ-A01", "garbage".getBytes(StandardCharsets.UTF_8));
    send(List.of(pm25("BZ-A01", "binzhou", DAY.atTime(4, 0), -1)));

    Map<String, CityDaily> daily =
        latestByKey(
            topics.cityDaily(),
            latest ->
                hours(latest.get("binzhou@2024-01-15")) == 24 + 21 + 12
                    && hours(latest.get("jinan@2024-01-15")) == 24);

    CityDaily binzhou = daily.get("binzhou@2024-01-15");
    assertThat(binzhou.getPm25()).isEqualTo(46.5); // (43.0 + 50.0) / 2; BZ-A03 has too few hours
    assertThat(binzhou.getStationsReporting()).isEqualTo(3);
    assertThat(binzhou.getStationsValid()).isEqualTo(2);
    assertThat(daily.get("jinan@2024-01-15").getPm25()).isEqualTo(80.0);

    Map<String, DeadLetter> deadLetters = latestByKey(topics.deadLetters(), latest -> latest.size() == 2);
    assertThat(deadLetters.values())
        .extracting(DeadLetter::getReason)
        .containsExactlyInAnyOrder("undecodable", "invalid");

    Map<String, StationHourlyAqi> hourly =
        latestByKey(topics.stationHourly(), latest -> latest.size() == 24 + 24 + 21 + 12);
    // PM2.5 59 on the 2012 table: 50 + ceil(50 * 24 / 40) = 80; PM2.5 alone: published only > 100
    StationHourlyAqi tenAm = hourly.get("BZ-A01@2024-01-15T10");
    assertThat(tenAm.getIaqiPm25()).isEqualTo(80);
    assertThat(tenAm.getAqi()).isNull();
  }

  private static int hours(CityDaily daily) {
    return daily == null ? -1 : daily.getHoursReported();
  }

  private void send(List<AirReading> readings) {
    Topic<String, AirReading> topic = topics.airReadings();
    try (KafkaProducer<String, AirReading> producer =
        new KafkaProducer<>(
            kafka.producerProps(), new StringSerializer(), topic.valueSerde().serializer())) {
      for (AirReading reading : readings) {
        producer.send(
            new ProducerRecord<>(
                topic.name(),
                null,
                reading.getHourStart().toEpochMilli(),
                reading.getStationId(),
                reading));
      }
    }
  }

  private void sendRaw(String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(kafka.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.airReadings().name(), key, value));
    }
  }

  /** Reads the topic until the latest value per key satisfies {@code done}, or fails at the deadline. */
  private <V> Map<String, V> latestByKey(Topic<String, V> topic, Predicate<Map<String, V>> done) {
    Map<String, V> latest = new LinkedHashMap<>();
    Properties props = new Properties();
    props.putAll(kafka.consumerProps(KafkaBrokerFixture.uniqueName("reader")));
    props.put("isolation.level", "read_committed");
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!done.test(latest)) {
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
}
