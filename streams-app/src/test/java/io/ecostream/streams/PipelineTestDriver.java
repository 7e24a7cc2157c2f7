package io.ecostream.streams;

import io.ecostream.avro.AirReading;
import io.ecostream.serde.OutputFormat;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.SentAtHeader;
import io.ecostream.topics.Topic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole ecostream topology ({@link EcostreamTopology#build}) on a {@link TopologyTestDriver},
 * with the default topic names, its own metrics and typed input and output topics for ecostream's
 * {@link Topic}s.
 */
public final class PipelineTestDriver implements AutoCloseable {

  /**
   * The commit interval the driver is configured with, as in production: the cities' tasks publish
   * their newest figures once per interval of wall-clock time.
   */
  public static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

  private final EcostreamTopics topics;
  private final PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
  private final Topology topology;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, AirReading> airReadings;

  private PipelineTestDriver(
      PipelineSettings settings, Path stateDir, Instant wallClockStart, OutputFormat outputFormat) {
    topics = EcostreamTopics.withDefaultPrefix().withOutputFormat(outputFormat);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ecostream-pipeline-test");
    // Own state directory: tests of other modules and worktrees may run at the same time.
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // As in production: a store or repartition topic that loses its name fails here, not in a
    // deployment.
    config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(COMMIT_INTERVAL.toMillis()));
    topology = EcostreamTopology.build(topics, settings, metrics);
    driver = new TopologyTestDriver(topology, config, wallClockStart);
    airReadings = input(topics.airReadings());
  }

  /** The pipeline with the driver's wall clock starting now. */
  public static PipelineTestDriver start(PipelineSettings settings, Path stateDir) {
    return start(settings, stateDir, Instant.now());
  }

  /**
   * The pipeline with the driver's wall clock starting at {@code wallClockStart}: the wall clock
   * decides which readings are in the future.
   */
  public static PipelineTestDriver start(
      PipelineSettings settings, Path stateDir, Instant wallClockStart) {
    return new PipelineTestDriver(settings, stateDir, wallClockStart, OutputFormat.AVRO);
  }

  /**
   * The pipeline with its figures and alerts written in {@code outputFormat}, as {@code run
   * --output-format}.
   */
  public static PipelineTestDriver start(
      PipelineSettings settings, Path stateDir, OutputFormat outputFormat) {
    return new PipelineTestDriver(settings, stateDir, Instant.now(), outputFormat);
  }

  public EcostreamTopics topics() {
    return topics;
  }

  public PipelineMetrics metrics() {
    return metrics;
  }

  public Topology topology() {
    return topology;
  }

  public <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), new StringSerializer(), topic.valueSerde().serializer());
  }

  /** The topic without its value serde: for bytes that no serde would write. */
  TestInputTopic<String, byte[]> rawInput(Topic<String, ?> topic) {
    return driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer());
  }

  public <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), new StringDeserializer(), topic.valueSerde().deserializer());
  }

  /** The topic's values as the bytes the pipeline wrote; any topic, internal ones included. */
  TestOutputTopic<String, byte[]> rawOutput(String topicName) {
    return driver.createOutputTopic(
        topicName, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * One reading keyed as ecostream's producers key it, at its hour start, then a commit interval.
   */
  public void send(AirReading reading) {
    pipe(reading);
    advanceWallClockTime(COMMIT_INTERVAL);
  }

  /**
   * One reading keyed as ecostream's producers key it, at its hour start, with no wall-clock time
   * after it: the newest figures wait for a later {@link #advanceWallClockTime}.
   */
  public void pipe(AirReading reading) {
    airReadings.pipeInput(InputKeys.of(reading), reading, reading.getHourStart());
  }

  /**
   * One reading as {@link #pipe(AirReading)}, with the header its producer adds: sent at {@code
   * sentAt} on the producer's wall clock.
   */
  public void pipe(AirReading reading, Instant sentAt) {
    Headers headers =
        new RecordHeaders().add(SentAtHeader.NAME, SentAtHeader.value(sentAt.toEpochMilli()));
    airReadings.pipeInput(
        new TestRecord<>(InputKeys.of(reading), reading, headers, reading.getHourStart()));
  }

  public void advanceWallClockTime(Duration time) {
    driver.advanceWallClockTime(time);
  }

  /** The last value of each key, in the order the keys first appear. */
  public static <V> Map<String, V> latestByKey(List<KeyValue<String, V>> records) {
    Map<String, V> latest = new LinkedHashMap<>();
    records.forEach(kv -> latest.put(kv.key, kv.value));
    return latest;
  }

  /**
   * A store of the topology, for queries: the driver runs one task per sub-topology, so it holds
   * every partition's keys.
   */
  public <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  @Override
  public void close() {
    driver.close();
  }
}
