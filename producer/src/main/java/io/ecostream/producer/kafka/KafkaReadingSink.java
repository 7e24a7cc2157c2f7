package io.ecostream.producer.kafka;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.ReadingSink;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.SentAtHeader;
import io.ecostream.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the records of the simulator and of replay to the input topics: key = station id, record
 * timestamp = event time (hourStart, sampledAt), values in the topics' own serdes. One producer
 * serves the three topics, so it works on bytes and each record is serialised with its topic's
 * serdes before the send.
 *
 * <p>Each air reading carries the header {@link SentAtHeader#NAME}, the wall-clock time of its
 * send, from which the streams app measures how long a reading takes to become a city figure.
 *
 * <p>Counts acknowledged records per topic. A failed send is never silent: the first failure is
 * logged and kept ({@link #firstError()}), and every later call to this sink throws, so that the
 * simulation or replay stops instead of producing into a broken pipe.
 */
public final class KafkaReadingSink implements ReadingSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaReadingSink.class);

  /** Producer settings the simulator needs unless a properties file says otherwise. */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
          ProducerConfig.CLIENT_ID_CONFIG, "ecostream-simulator",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.LINGER_MS_CONFIG, "5",
          ProducerConfig.BATCH_SIZE_CONFIG, "65536",
          ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");

  private final Producer<byte[], byte[]> producer;
  private final Optional<Instant> stationTimestamp;
  private final Optional<Clock> timestampsNotAfter;
  private final Clock sendClock;
  private final Target<Station> stations;
  private final Target<AirReading> air;
  private final Target<WaterSample> water;
  private final AtomicReference<Exception> firstError = new AtomicReference<>();
  private final AtomicLong failed = new AtomicLong();

  /**
   * @param producer takes ownership: {@link #close()} closes it
   * @param stationTimestamp timestamp of the station metadata records; the simulation start is a
   *     good one, so that metadata is older than every reading it describes (an as-of join by event
   *     time finds it). Empty: the producer's current time.
   */
  public KafkaReadingSink(
      EcostreamTopics topics,
      Producer<byte[], byte[]> producer,
      Optional<Instant> stationTimestamp) {
    this(topics, producer, stationTimestamp, Optional.empty());
  }

  /**
   * @param timestampsNotAfter when present, no record timestamp is later than this clock's time: a
   *     reading stamped ahead of it (a station whose clock runs fast) goes out with the send time
   *     as its record timestamp, the stamp in its value unchanged. A broker refuses record
   *     timestamps more than log.message.timestamp.after.max.ms (1 h by default) ahead of its own
   *     clock, and one refused record would end a live simulation.
   */
  public KafkaReadingSink(
      EcostreamTopics topics,
      Producer<byte[], byte[]> producer,
      Optional<Instant> stationTimestamp,
      Optional<Clock> timestampsNotAfter) {
    this(topics, producer, stationTimestamp, timestampsNotAfter, Clock.systemUTC());
  }

  /**
   * @param sendClock the time of the {@link SentAtHeader} of air readings: the real wall clock (the
   *     streams app measures against its own), whatever time the simulation is at
   */
  public KafkaReadingSink(
      EcostreamTopics topics,
      Producer<byte[], byte[]> producer,
      Optional<Instant> stationTimestamp,
      Optional<Clock> timestampsNotAfter,
      Clock sendClock) {
    this.producer = producer;
    this.stationTimestamp = stationTimestamp;
    this.timestampsNotAfter = timestampsNotAfter;
    this.sendClock = sendClock;
    this.stations = new Target<>(topics.stations());
    this.air = new Target<>(topics.airReadings());
    this.water = new Target<>(topics.waterReadings());
  }

  /** A sink on a new {@link KafkaProducer} with the given client configuration. */
  public static KafkaReadingSink create(
      EcostreamTopics topics, Map<String, Object> config, Optional<Instant> stationTimestamp) {
    return new KafkaReadingSink(
        topics,
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
        stationTimestamp);
  }

  /** {@link #DEFAULTS} as the base layer of the client settings (see ClusterOptions). */
  public static Properties defaults() {
    Properties defaults = new Properties();
    defaults.putAll(DEFAULTS);
    return defaults;
  }

  /**
   * The producer configuration from the layered client settings, without serializer settings: the
   * sink hands the producer bytes it serialised with the topics' serdes.
   */
  public static Map<String, Object> producerConfig(Properties clientSettings) {
    Map<String, Object> config = new HashMap<>();
    clientSettings
        .stringPropertyNames()
        .forEach(name -> config.put(name, clientSettings.getProperty(name)));
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    return config;
  }

  @Override
  public void station(Station station) {
    stations.send(InputKeys.of(station), station, stationTimestamp.orElse(null), null);
  }

  @Override
  public void air(AirReading reading) {
    air.send(InputKeys.of(reading), reading, reading.getHourStart(), sentAt());
  }

  @Override
  public void water(WaterSample sample) {
    water.send(InputKeys.of(sample), sample, sample.getSampledAt(), null);
  }

  /**
   * Waits for every record sent so far to be acknowledged.
   *
   * @throws KafkaSinkException if any send has failed
   */
  @Override
  public void flush() {
    producer.flush();
    throwIfFailed();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  public void close(Duration timeout) {
    producer.close(timeout);
  }

  public long stationsSent() {
    return stations.acknowledged.get();
  }

  public long airReadingsSent() {
    return air.acknowledged.get();
  }

  public long waterSamplesSent() {
    return water.acknowledged.get();
  }

  public long totalSent() {
    return stationsSent() + airReadingsSent() + waterSamplesSent();
  }

  /** Acknowledged records per topic name, in the order stations, air readings, water readings. */
  public Map<String, Long> sentPerTopic() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(stations.topic.name(), stationsSent());
    counts.put(air.topic.name(), airReadingsSent());
    counts.put(water.topic.name(), waterSamplesSent());
    return counts;
  }

  public long failedSends() {
    return failed.get();
  }

  public Optional<Exception> firstError() {
    return Optional.ofNullable(firstError.get());
  }

  private long notAfterTheClock(long timestamp) {
    return timestampsNotAfter.map(clock -> Math.min(timestamp, clock.millis())).orElse(timestamp);
  }

  private Headers sentAt() {
    return new RecordHeaders().add(SentAtHeader.NAME, SentAtHeader.value(sendClock.millis()));
  }

  private void throwIfFailed() {
    Exception error = firstError.get();
    if (error != null) {
      throw new KafkaSinkException(
          "sending to Kafka failed: " + error.getMessage() + " (" + failed.get() + " failed sends)",
          error);
    }
  }

  /** One topic with its serialisers, its acknowledgement count and a shared callback. */
  private final class Target<V> implements Callback {
    private final Topic<String, V> topic;
    private final Serializer<String> keys;
    private final Serializer<V> values;
    private final AtomicLong acknowledged = new AtomicLong();

    Target(Topic<String, V> topic) {
      this.topic = topic;
      this.keys = topic.keySerde().serializer();
      this.values = topic.valueSerde().serializer();
    }

    /**
     * @param headers null for none
     */
    void send(String key, V value, Instant timestamp, Headers headers) {
      throwIfFailed();
      String name = topic.name();
      producer.send(
          new ProducerRecord<>(
              name,
              null,
              timestamp == null ? null : notAfterTheClock(timestamp.toEpochMilli()),
              keys.serialize(name, key),
              values.serialize(name, value),
              headers),
          this);
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      if (exception == null) {
        acknowledged.incrementAndGet();
        return;
      }
      failed.incrementAndGet();
      // The command reports the failure in one line; the stack trace is for --debug.
      if (firstError.compareAndSet(null, exception)) {
        LOG.debug("sending to {} failed; stopping", topic.name(), exception);
      }
    }
  }
}
