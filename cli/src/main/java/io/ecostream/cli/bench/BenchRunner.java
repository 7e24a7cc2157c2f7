package io.ecostream.cli.bench;

import io.ecostream.cli.report.PipelineDrain;
import io.ecostream.producer.kafka.KafkaReadingSink;
import io.ecostream.streams.EcostreamTopology;
import io.ecostream.streams.StreamsLifecycle;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.SentAtHeader;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Runs the benchmark's phases against one cluster. Every topic and application id starts with the
 * run id, so runs never share state and {@link #close()} can delete what this run created.
 */
public final class BenchRunner implements AutoCloseable {

  private static final int PARTITIONS = EcostreamTopics.DEFAULT_PARTITIONS;
  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LATENCY_IDLE_TIMEOUT = Duration.ofSeconds(15);
  private static final long POLL_MILLIS = 50;
  private static final long PROCESSED_POLL_MILLIS = 2;
  private static final long CALL_TIMEOUT_SECONDS = 30;
  // The records carry event times of 2025: under the default 7-day retention the broker deletes
  // them at its next retention check (every 5 min), in the middle of a long run (see
  // Topic#configs).
  private static final Map<String, String> NO_TIME_RETENTION = Map.of("retention.ms", "-1");

  private final Properties client;
  private final Path stateDir;
  private final String runId;
  private final Consumer<String> progress;
  private final Admin admin;
  private boolean baselineWritten;

  /**
   * @param client the cluster's client settings: bootstrap servers and, for a secured one, its
   *     security settings; every client of the run starts from them
   */
  public BenchRunner(Properties client, Path stateDir, String runId, Consumer<String> progress) {
    this.client = new Properties();
    this.client.putAll(client);
    this.stateDir = stateDir;
    this.runId = runId;
    this.progress = progress;
    this.admin = Admin.create(this.client);
  }

  /** The topic the producer phase writes and the pass-through phases read. */
  public String baselineTopic() {
    return runId + ".baseline.in";
  }

  /** A plain producer with the simulator's settings sends the readings to a new topic. */
  public PhaseResult producer(List<BenchData.Reading> readings) {
    createTopics(List.of(baselineTopic()));
    try (PhaseMeter meter = PhaseMeter.start(null)) {
      long elapsed = load(readings, baselineTopic());
      baselineWritten = true;
      return PhaseResult.rate("producer", null, readings.size(), elapsed, null, meter.stop());
    }
  }

  /** Sends the readings to a new topic untimed, for when the producer phase is not run. */
  public void preload(List<BenchData.Reading> readings, String topic) {
    createTopics(List.of(topic));
    load(readings, topic);
    baselineWritten |= topic.equals(baselineTopic());
  }

  /** Writes the pass-through's input untimed, unless the producer phase has written it. */
  public void ensureBaseline(List<BenchData.Reading> readings) {
    if (!baselineWritten) {
      preload(readings, baselineTopic());
    }
  }

  /** {@code stream(in).to(out)} with the production Streams settings and the given guarantee. */
  public PhaseResult passThrough(String input, long records, Guarantee guarantee) {
    String output = runId + ".passthrough." + guarantee.shortName() + ".out";
    createTopics(List.of(output));
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    String applicationId = runId + "-passthrough-" + guarantee.shortName();
    Map<TopicPartition, Long> ends = endOffsets(List.of(input));
    try (PhaseMeter meter = PhaseMeter.start(applicationId);
        StreamsLifecycle app =
            start(builder.build(), streamsProperties(applicationId, guarantee))) {
      long elapsed = awaitProcessed(app, ProcessedRecords.byStreamThreads(app.streams()), records);
      PhaseMeter.Usage usage = meter.stop();
      awaitCommitted(app, applicationId, ends, elapsed, "passthrough " + guarantee);
      long written = countCommitted(List.of(output)).get(output);
      if (written != records) {
        throw new IllegalStateException(
            "the pass-through wrote "
                + written
                + " records to "
                + output
                + ", expected "
                + records);
      }
      return PhaseResult.rate(
          "passthrough", guarantee, records, elapsed, startupSeconds(app), usage);
    }
  }

  /**
   * {@link FloorTopology} on the readings with the production Streams settings, timed as the
   * topology phase is.
   */
  public PhaseResult floor(
      List<BenchData.Reading> readings, Guarantee guarantee, Double baselineRate) {
    return hourlyOutputsOnly("floor", FloorTopology::build, readings, guarantee, baselineRate);
  }

  /** {@link KernelTopology}: the floor plus the hourly work no engine can skip, done leanly. */
  public PhaseResult kernel(
      List<BenchData.Reading> readings, Guarantee guarantee, Double baselineRate) {
    return hourlyOutputsOnly("kernel", KernelTopology::build, readings, guarantee, baselineRate);
  }

  /** A topology that publishes the station-hourly and city-hourly figures only, timed. */
  private PhaseResult hourlyOutputsOnly(
      String phase,
      Function<EcostreamTopics, Topology> topology,
      List<BenchData.Reading> readings,
      Guarantee guarantee,
      Double baselineRate) {
    EcostreamTopics topics =
        EcostreamTopics.withPrefix(runId + "." + phase + "." + guarantee.shortName());
    TopicCreator.ensureExist(
        admin,
        List.of(topics.airReadings(), topics.stationHourly(), topics.cityHourly()),
        Optional.empty());
    load(readings, topics.airReadings().name());
    String applicationId = runId + "-" + phase + "-" + guarantee.shortName();
    Map<TopicPartition, Long> ends = endOffsets(List.of(topics.airReadings().name()));
    try (PhaseMeter meter = PhaseMeter.start(applicationId);
        StreamsLifecycle app =
            start(topology.apply(topics), streamsProperties(applicationId, guarantee))) {
      long elapsed =
          awaitProcessed(app, ProcessedRecords.byStreamThreads(app.streams()), readings.size());
      PhaseMeter.Usage usage = meter.stop();
      awaitCommitted(app, applicationId, ends, elapsed, phase + " " + guarantee);
      PhaseResult result =
          PhaseResult.rate(phase, guarantee, readings.size(), elapsed, startupSeconds(app), usage);
      return result.withRatio(result.ratioTo(baselineRate));
    }
  }

  /**
   * The production topology on the readings with the production Streams settings: from start until
   * the application has committed the end offsets of the readings topic. The stations' metadata is
   * sent before, untimed, so that the figures that need a city's province (the rankings) are
   * computed as in production.
   */
  public PhaseResult topology(
      List<BenchData.Reading> stations,
      List<BenchData.Reading> readings,
      Guarantee guarantee,
      Double baselineRate) {
    EcostreamTopics topics =
        EcostreamTopics.withPrefix(runId + ".topology." + guarantee.shortName());
    TopicCreator.ensureExist(admin, topics.all(), Optional.empty());
    load(stations, topics.stations().name());
    load(readings, topics.airReadings().name());
    String applicationId = runId + "-topology-" + guarantee.shortName();
    Map<TopicPartition, Long> ends = endOffsets(List.of(topics.airReadings().name()));
    MemoryFigures.resetPeaks();
    PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
    try (PhaseMeter meter = PhaseMeter.start(applicationId);
        StreamsLifecycle app =
            start(
                EcostreamTopology.build(topics, PipelineSettings.defaults(), metrics),
                streamsProperties(applicationId, guarantee))) {
      long elapsed =
          awaitProcessed(
              app,
              ProcessedRecords.readIn(metrics.registry(), topics.airReadings().name()),
              readings.size());
      PhaseMeter.Usage usage = meter.stop();
      awaitCommitted(app, applicationId, ends, elapsed, "topology " + guarantee);
      PhaseResult result =
          PhaseResult.rate(
              "topology", guarantee, readings.size(), elapsed, startupSeconds(app), usage);
      progress.accept(
          String.format(Locale.ROOT, "topology %s: waiting for the repartition topics", guarantee));
      PipelineDrain.await(
          client, applicationId, List.of(topics.airReadings().name()), PHASE_TIMEOUT);
      // Before close: closing cleans the state directory up.
      long stateBytes = DirectorySize.bytes(stateDir.resolve(applicationId));
      MemoryFigures memory = MemoryFigures.measure();
      List<String> outputs = new ArrayList<>();
      topics.outputs().forEach(t -> outputs.add(t.name()));
      outputs.add(topics.alerts().name());
      outputs.add(topics.deadLetters().name());
      Map<String, Long> counts = new LinkedHashMap<>();
      countCommitted(outputs)
          .forEach(
              (name, count) -> counts.put(name.substring(topics.prefix().length() + 1), count));
      return result.withTopologyFigures(result.ratioTo(baselineRate), stateBytes, counts, memory);
    } catch (TimeoutException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The city task alone, with no Kafka around it ({@link CityTaskAlone}). */
  public PhaseResult task(List<BenchData.Reading> stations, List<BenchData.Reading> readings) {
    return new CityTaskAlone(EcostreamTopics.withDefaultPrefix(), stateDir, runId + "-task")
        .run(stations, readings);
  }

  /**
   * Readings sent at a steady rate through the production topology, each with its send time in a
   * header; a read_committed consumer of the station-hourly topic reads the header back, since
   * Kafka Streams forwards an input record's headers to what it produces from it.
   */
  public PhaseResult latency(
      List<BenchData.Reading> stations,
      List<BenchData.Reading> readings,
      double ratePerSecond,
      Guarantee guarantee)
      throws InterruptedException {
    EcostreamTopics topics =
        EcostreamTopics.withPrefix(runId + ".latency." + guarantee.shortName());
    TopicCreator.ensureExist(admin, topics.all(), Optional.empty());
    load(stations, topics.stations().name());
    String applicationId = runId + "-latency-" + guarantee.shortName();
    PipelineMetrics metrics = new PipelineMetrics(registryWithPercentiles());
    try (StreamsLifecycle app =
            start(
                EcostreamTopology.build(topics, PipelineSettings.defaults(), metrics),
                streamsProperties(applicationId, guarantee));
        LatencyProbe probe =
            new LatencyProbe(consumerProperties(), topics.stationHourly().name())) {
      app.awaitRunning(PHASE_TIMEOUT);
      probe.start();
      PhaseResult result;
      try (PhaseMeter meter = PhaseMeter.start(applicationId)) {
        result = pace(topics, app, probe, meter, readings, ratePerSecond, guarantee);
      }
      for (String figure : List.of("station-hourly", "city-hourly")) {
        progress.accept(
            String.format(
                Locale.ROOT,
                "latency %s: %s",
                guarantee,
                toTheTask(
                    figure,
                    metrics.registry().get("ecostream.latency").tag("figure", figure).timer())));
      }
      return result;
    }
  }

  /** A registry whose timers keep their p50 and p99, which {@link #toTheTask} prints. */
  private static SimpleMeterRegistry registryWithPercentiles() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder()
                    .percentiles(0.5, 0.99)
                    .build()
                    .merge(config);
              }
            });
    return registry;
  }

  /**
   * The share of the latency spent before the city task forwards a reading's {@code figure}
   * (station-hourly or city-hourly): the app's own {@code ecostream.latency} timer, from the
   * reading's send time to that forward. The rest, up to what the probe measures, is the wait for
   * the transaction's commit and the commit.
   */
  private static String toTheTask(String figure, Timer timer) {
    HistogramSnapshot snapshot = timer.takeSnapshot();
    double[] percentiles = new double[2];
    for (ValueAtPercentile value : snapshot.percentileValues()) {
      percentiles[value.percentile() < 0.9 ? 0 : 1] = value.value(TimeUnit.MILLISECONDS);
    }
    return String.format(
        Locale.ROOT,
        "send to the city task's forward of the %s figure (the app's ecostream.latency, %d"
            + " readings): p50 %.0f, p99 %.0f, max %.0f ms",
        figure,
        snapshot.count(),
        percentiles[0],
        percentiles[1],
        snapshot.max(TimeUnit.MILLISECONDS));
  }

  private PhaseResult pace(
      EcostreamTopics topics,
      StreamsLifecycle app,
      LatencyProbe probe,
      PhaseMeter meter,
      List<BenchData.Reading> readings,
      double ratePerSecond,
      Guarantee guarantee)
      throws InterruptedException {
    long started = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      long intervalNanos = Math.round(1e9 / ratePerSecond);
      for (int i = 0; i < readings.size(); i++) {
        long due = started + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        BenchData.Reading reading = readings.get(i);
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(
                topics.airReadings().name(),
                null,
                reading.timestamp(),
                reading.key(),
                reading.value());
        record.headers().add(SentAtHeader.NAME, SentAtHeader.value(System.currentTimeMillis()));
        producer.send(record);
      }
      producer.flush();
    }
    long sendNanos = System.nanoTime() - started;
    probe.awaitAtLeast(readings.size(), LATENCY_IDLE_TIMEOUT);
    PhaseMeter.Usage usage = meter.stop();
    long[] latencies = probe.stop();
    if (latencies.length == 0) {
      throw new IllegalStateException(
          "no station-hourly record came back with the " + SentAtHeader.NAME + " header");
    }
    return PhaseResult.rate(
            "latency", guarantee, readings.size(), sendNanos, startupSeconds(app), usage)
        .withLatency(latencies.length, BenchStats.latency(latencies));
  }

  /**
   * Deletes every topic of this run: on an embedded broker that goes away anyway, on a real cluster
   * it matters.
   */
  public void deleteTopics() {
    try {
      List<String> ours =
          admin.listTopics().names().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
              .filter(name -> name.startsWith(runId))
              .toList();
      if (!ours.isEmpty()) {
        admin.deleteTopics(ours).all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      progress.accept("could not delete the topics of " + runId + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    admin.close(CLOSE_TIMEOUT);
  }

  private long load(List<BenchData.Reading> readings, String topic) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long started = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (BenchData.Reading reading : readings) {
        producer.send(
            new ProducerRecord<>(topic, null, reading.timestamp(), reading.key(), reading.value()),
            (metadata, exception) -> {
              if (exception != null) {
                failure.compareAndSet(null, exception);
              }
            });
      }
      producer.flush();
      long elapsed = System.nanoTime() - started;
      if (failure.get() != null) {
        throw new IllegalStateException(
            "sending to " + topic + " failed: " + failure.get().getMessage(), failure.get());
      }
      return elapsed;
    }
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = new HashMap<>(KafkaReadingSink.DEFAULTS);
    client.forEach((key, value) -> config.put((String) key, value));
    config.put(ProducerConfig.CLIENT_ID_CONFIG, runId + "-producer");
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private Properties streamsProperties(String applicationId, Guarantee guarantee) {
    Properties properties = StreamsAppConfig.defaults();
    properties.putAll(client);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee.config());
    return properties;
  }

  private Properties consumerProperties() {
    Properties properties = new Properties();
    properties.putAll(client);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return properties;
  }

  private void createTopics(Collection<String> names) {
    List<NewTopic> topics =
        names.stream()
            .map(
                name ->
                    new NewTopic(name, Optional.of(PARTITIONS), Optional.empty())
                        .configs(NO_TIME_RETENTION))
            .toList();
    try {
      admin.createTopics(topics).all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      TopicCreator.awaitLeaders(admin, topics, Duration.ofSeconds(CALL_TIMEOUT_SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create " + names + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (String topic : topics) {
        for (int p = 0; p < PARTITIONS; p++) {
          latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      return ends;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot read the end offsets of " + topics + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The time from the app's start until it has processed {@code records} input records: the clock
   * of a throughput phase. It stops there and not at the commit that follows, because commits come
   * once per commit interval (1 s): the wait for the next one is the tail of a finite run, not a
   * cost per record, and at a pass-through's 2 s it put a phase's time on a grid of whole seconds
   * after its start (2.2 or 3.2 s, 4.2, 5.2 or 6.2 s), moving a rate by up to a third. The commits
   * within the run are timed, as the app makes them.
   */
  private long awaitProcessed(StreamsLifecycle app, ProcessedRecords processed, long records) {
    long deadline = app.startedNanos() + PHASE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      app.throwIfFailed();
      long now = System.nanoTime();
      if (processed.count() >= records) {
        return now - app.startedNanos();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PROCESSED_POLL_MILLIS));
    }
    throw new IllegalStateException(
        "the app had not processed its input after " + PHASE_TIMEOUT.toMinutes() + " min");
  }

  /**
   * Waits, untimed, for the commit of the input's end offsets that follows a timed phase, so that
   * its output is complete; the progress log gives the time it came.
   */
  private void awaitCommitted(
      StreamsLifecycle app,
      String groupId,
      Map<TopicPartition, Long> ends,
      long processedNanos,
      String phase) {
    long committed = awaitConsumed(app, groupId, ends);
    progress.accept(
        String.format(
            Locale.ROOT,
            "%s: input processed in %.2f s, committed at %.2f s",
            phase,
            processedNanos / 1e9,
            committed / 1e9));
  }

  /** Nanoseconds from the app's start until its group has committed {@code ends}. */
  private long awaitConsumed(StreamsLifecycle app, String groupId, Map<TopicPartition, Long> ends) {
    long deadline = app.startedNanos() + PHASE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      app.throwIfFailed();
      long now = System.nanoTime();
      if (committedAtLeast(groupId, ends)) {
        return now - app.startedNanos();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
    }
    throw new IllegalStateException(
        groupId + " had not consumed its input after " + PHASE_TIMEOUT.toMinutes() + " min");
  }

  private boolean committedAtLeast(String groupId, Map<TopicPartition, Long> ends) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return ends.entrySet().stream()
          .allMatch(
              end ->
                  end.getValue() == 0
                      || (committed.get(end.getKey()) != null
                          && committed.get(end.getKey()).offset() >= end.getValue()));
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Records a read_committed consumer sees in each topic, from the beginning to the last stable
   * offset.
   */
  private Map<String, Long> countCommitted(List<String> topics) {
    Map<String, Long> counts = new LinkedHashMap<>();
    topics.forEach(topic -> counts.put(topic, 0L));
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      topics.forEach(
          topic ->
              consumer
                  .partitionsFor(topic)
                  .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topics + " to the end");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          counts.merge(record.topic(), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static StreamsLifecycle start(Topology topology, Properties properties) {
    return StreamsLifecycle.of(topology, properties).wipingLocalStateOnClose().start();
  }

  private static Double startupSeconds(StreamsLifecycle app) {
    OptionalDouble seconds = app.startupSeconds();
    return seconds.isPresent() ? seconds.getAsDouble() : null;
  }

  /** Reads the send-time header of every record of one topic on its own thread. */
  private static final class LatencyProbe implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final Thread thread;
    private long[] latencies = new long[1024];
    private int count;

    LatencyProbe(Properties properties, String topic) {
      this.consumer =
          new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      this.topic = topic;
      this.thread = new Thread(this::run, "ecostream-bench-latency");
    }

    void start() {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      thread.start();
    }

    private void run() {
      while (!stop.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.currentTimeMillis();
          long sent = SentAtHeader.millis(record.headers());
          if (sent != SentAtHeader.ABSENT) {
            if (count == latencies.length) {
              latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = now - sent;
            received.incrementAndGet();
          }
        }
      }
    }

    /** Waits until {@code expected} records came back, or none came for {@code idle}. */
    void awaitAtLeast(long expected, Duration idle) throws InterruptedException {
      long last = received.get();
      long lastChange = System.nanoTime();
      while (received.get() < expected && System.nanoTime() - lastChange < idle.toNanos()) {
        Thread.sleep(POLL_MILLIS);
        if (received.get() != last) {
          last = received.get();
          lastChange = System.nanoTime();
        }
      }
    }

    long[] stop() throws InterruptedException {
      stop.set(true);
      thread.join();
      return Arrays.copyOf(latencies, count);
    }

    @Override
    public void close() {
      if (thread.isAlive()) {
        stop.set(true);
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      consumer.close();
    }
  }
}
