package io.ecostream.producer.kafka;

import static io.ecostream.producer.fixtures.Simulations.NEW_YEAR_2024;
import static io.ecostream.producer.fixtures.Simulations.simulate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.fixtures.RecordingSink;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.SentAtHeader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaReadingSinkTest {

  private static final EcostreamTopics TOPICS = EcostreamTopics.withPrefix("test");
  private static final Instant SIMULATION_START = Instant.parse("2023-12-31T16:00:00Z");

  /** One day of Binzhou: 17 stations, 96 air readings, 66 water samples. */
  private static final RecordingSink BINZHOU_DAY = simulate(NEW_YEAR_2024, 1, "binzhou");

  private final MockProducer<byte[], byte[]> producer = acknowledgingProducer();
  private final KafkaReadingSink sink =
      new KafkaReadingSink(TOPICS, producer, Optional.of(SIMULATION_START));

  @Test
  void shouldKeyReadingsAndSamplesByCityAndStampWithTheEventTime() {
    AirReading reading = BINZHOU_DAY.air.get(10);
    WaterSample sample = BINZHOU_DAY.water.get(3);

    sink.air(reading);
    sink.water(sample);

    assertThat(producer.history())
        .extracting(ProducerRecord::topic, r -> key(r), ProducerRecord::timestamp)
        .containsExactly(
            tuple("test.air.readings", reading.getCityId(), reading.getHourStart().toEpochMilli()),
            tuple("test.water.readings", sample.getCityId(), sample.getSampledAt().toEpochMilli()));
  }

  @Test
  void shouldStampAReadingAheadOfTheClockWithTheClockAndKeepItsHourStart() {
    AirReading onTime = BINZHOU_DAY.air.get(0);
    Instant sentAt = onTime.getHourStart().plus(Duration.ofHours(1));
    AirReading fastClock =
        AirReading.newBuilder(onTime)
            .setHourStart(onTime.getHourStart().plus(Duration.ofHours(3)))
            .build();
    KafkaReadingSink live =
        new KafkaReadingSink(
            TOPICS,
            producer,
            Optional.of(SIMULATION_START),
            Optional.of(Clock.fixed(sentAt, ZoneOffset.UTC)));

    live.air(onTime);
    live.air(fastClock);

    assertThat(producer.history())
        .extracting(ProducerRecord::timestamp)
        .containsExactly(onTime.getHourStart().toEpochMilli(), sentAt.toEpochMilli());
    assertThat(
            TOPICS
                .airReadings()
                .valueSerde()
                .deserializer()
                .deserialize("test.air.readings", producer.history().get(1).value())
                .getHourStart())
        .isEqualTo(fastClock.getHourStart());
  }

  @Test
  void shouldHeadEachAirReadingWithItsSendTimeOnTheWallClockNotTheSimulations() {
    Instant simulated = Instant.parse("2024-01-01T12:00:00Z");
    Instant wallClock = Instant.parse("2026-02-26T07:13:20.123Z");
    KafkaReadingSink live =
        new KafkaReadingSink(
            TOPICS,
            producer,
            Optional.of(SIMULATION_START),
            Optional.of(Clock.fixed(simulated, ZoneOffset.UTC)),
            Clock.fixed(wallClock, ZoneOffset.UTC));

    live.station(BINZHOU_DAY.stations.get(0));
    live.air(BINZHOU_DAY.air.get(0));
    live.water(BINZHOU_DAY.water.get(0));

    assertThat(producer.history())
        .extracting(r -> SentAtHeader.millis(r.headers()))
        .containsExactly(SentAtHeader.ABSENT, wallClock.toEpochMilli(), SentAtHeader.ABSENT);
    assertThat(producer.history().get(1).headers().toArray()).hasSize(1);
  }

  @Test
  void shouldStampStationMetadataWithTheSimulationStart() {
    Station station = BINZHOU_DAY.stations.get(0);

    sink.station(station);

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("test.stations");
    assertThat(key(sent)).isEqualTo("BZ-A01");
    assertThat(sent.timestamp()).isEqualTo(SIMULATION_START.toEpochMilli());
  }

  @Test
  void shouldWriteValuesTheTopicsSerdesRead() {
    AirReading reading = BINZHOU_DAY.air.get(0);

    sink.air(reading);

    byte[] value = producer.history().get(0).value();
    assertThat(
            TOPICS
                .airReadings()
                .valueSerde()
                .deserializer()
                .deserialize("test.air.readings", value))
        .isEqualTo(reading);
  }

  @Test
  void shouldCountAcknowledgedRecordsPerTopic() {
    BINZHOU_DAY.stations.forEach(sink::station);
    BINZHOU_DAY.air.forEach(sink::air);
    BINZHOU_DAY.water.forEach(sink::water);
    sink.flush();

    assertThat(sink.sentPerTopic())
        .containsExactly(
            Map.entry("test.stations", 17L),
            Map.entry("test.air.readings", 96L),
            Map.entry("test.water.readings", 66L));
    assertThat(sink.totalSent()).isEqualTo(17 + 96 + 66);
    assertThat(sink.failedSends()).isZero();
    assertThat(sink.firstError()).isEmpty();
  }

  @Test
  void shouldReportTheFirstFailedSendAndRefuseFurtherRecords() {
    KafkaReadingSink failing =
        new KafkaReadingSink(TOPICS, failingProducer("broker unreachable"), Optional.empty());

    failing.air(BINZHOU_DAY.air.get(0));

    assertThat(failing.firstError())
        .get()
        .extracting(Throwable::getMessage)
        .isEqualTo("broker unreachable");
    assertThat(failing.failedSends()).isOne();
    assertThat(failing.airReadingsSent()).isZero();
    assertThatThrownBy(failing::flush)
        .isInstanceOf(KafkaSinkException.class)
        .hasMessage("sending to Kafka failed: broker unreachable (1 failed sends)");
    assertThatThrownBy(() -> failing.air(BINZHOU_DAY.air.get(1)))
        .isInstanceOf(KafkaSinkException.class);
  }

  @Test
  void shouldCloseTheProducer() {
    sink.close();

    assertThat(producer.closed()).isTrue();
  }

  @Test
  void shouldDefaultToAnIdempotentBatchingProducer() {
    assertThat(KafkaReadingSink.producerConfig(KafkaReadingSink.defaults()))
        .containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("acks", "all")
        .containsEntry("linger.ms", "5")
        .containsEntry("batch.size", "65536")
        .containsEntry("compression.type", "lz4");
  }

  @Test
  void shouldDropSerializerSettingsBecauseTheSinkSendsBytes() {
    Properties settings = KafkaReadingSink.defaults();
    settings.setProperty("security.protocol", "SASL_SSL");
    settings.setProperty("key.serializer", "org.example.Custom");
    settings.setProperty("value.serializer", "org.example.Custom");

    assertThat(KafkaReadingSink.producerConfig(settings))
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKeys("key.serializer", "value.serializer");
  }

  private static String key(ProducerRecord<byte[], byte[]> record) {
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  static MockProducer<byte[], byte[]> acknowledgingProducer() {
    return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** A producer whose every send fails asynchronously, as when the brokers are unreachable. */
  static MockProducer<byte[], byte[]> failingProducer(String message) {
    return new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
      @Override
      public synchronized Future<RecordMetadata> send(
          ProducerRecord<byte[], byte[]> record, Callback callback) {
        TimeoutException failure = new TimeoutException(message);
        callback.onCompletion(null, failure);
        return CompletableFuture.failedFuture(failure);
      }
    };
  }
}
