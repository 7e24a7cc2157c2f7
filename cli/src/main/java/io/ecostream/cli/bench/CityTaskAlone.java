package io.ecostream.cli.bench;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.streams.air.AirOutput;
import io.ecostream.streams.air.AirPipeline;
import io.ecostream.streams.air.CityAirInput;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The bench's {@code task} phase: the production city task ({@link AirPipeline#cityTask}) on the
 * readings with no Kafka around it, to tell the domain's cost apart from the client's, the broker's
 * and Streams'. One task per input partition, each reading routed to its partition's task as the
 * producer's partitioner would (by its key, the city id), on the task's production stores (RocksDB)
 * without changelogs or caches, driven by Kafka's {@link MockProcessorContext} in one thread; after
 * every commit interval of processing (production's 1 s) the wall-clock punctuations run and the
 * stores commit, as at a stream thread's commit. The readings are decoded outside the clocks and
 * the outputs are counted, not serialised: decoding and sending are what the {@code floor} phase
 * measures.
 */
final class CityTaskAlone {

  /** Readings decoded at a time, outside the clocks. */
  private static final int DECODED_BATCH = 10_000;

  /** The commit clock is read once every 128 readings (about half a millisecond). */
  private static final int CLOCK_READ_MASK = 127;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final EcostreamTopics topics;
  private final Path stateDir;
  private final String applicationId;

  /**
   * @param stateDir where each task's stores go, under {@code applicationId}
   */
  CityTaskAlone(EcostreamTopics topics, Path stateDir, String applicationId) {
    this.topics = topics;
    this.stateDir = stateDir;
    this.applicationId = applicationId;
  }

  /** Runs the readings through the tasks in a thread of its own. */
  PhaseResult run(List<BenchData.Reading> stations, List<BenchData.Reading> readings) {
    AtomicReference<PhaseResult> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> result.set(measure(stations, readings)), applicationId);
    thread.setUncaughtExceptionHandler((failed, e) -> failure.set(e));
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (failure.get() instanceof RuntimeException e) {
      throw e;
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the task phase failed", failure.get());
    }
    return result.get();
  }

  /**
   * The clocks (wall and the thread's CPU) run only while the tasks process: the readings are
   * decoded a batch at a time between them, so that a million decoded readings never sit on the
   * heap at once.
   */
  private PhaseResult measure(List<BenchData.Reading> stations, List<BenchData.Reading> readings) {
    int partitions = topics.airReadings().partitions();
    long commitNanos = TimeUnit.MILLISECONDS.toNanos(commitIntervalMillis());
    List<Task> tasks = new ArrayList<>(partitions);
    try {
      for (int partition = 0; partition < partitions; partition++) {
        tasks.add(new Task(partition));
      }
      for (Routed province : provinces(stations, partitions)) {
        tasks.get(province.partition()).process(province.record());
      }
      tasks.forEach(Task::commit);
      try (PhaseMeter meter = PhaseMeter.start(null)) {
        long wallNanos = 0;
        long cpuNanos = 0;
        long sinceCommit = 0;
        for (int from = 0; from < readings.size(); from += DECODED_BATCH) {
          List<Routed> batch =
              inputs(
                  readings.subList(from, Math.min(readings.size(), from + DECODED_BATCH)),
                  partitions);
          long wallAtStart = System.nanoTime();
          long cpuAtStart = THREADS.getCurrentThreadCpuTime();
          long last = wallAtStart;
          for (int i = 0; i < batch.size(); i++) {
            Routed input = batch.get(i);
            tasks.get(input.partition()).process(input.record());
            if ((i & CLOCK_READ_MASK) == CLOCK_READ_MASK) {
              long now = System.nanoTime();
              sinceCommit += now - last;
              last = now;
              if (sinceCommit >= commitNanos) {
                commit(tasks);
                sinceCommit = 0;
                last = System.nanoTime();
              }
            }
          }
          if (from + DECODED_BATCH >= readings.size()) {
            commit(tasks);
          }
          wallNanos += System.nanoTime() - wallAtStart;
          cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        }
        PhaseMeter.Usage heap = meter.stop();
        Map<String, Long> outputs = new LinkedHashMap<>();
        tasks.forEach(
            task -> task.outputs.forEach((kind, n) -> outputs.merge(label(kind), n, Long::sum)));
        return PhaseResult.rate(
                "task",
                null,
                readings.size(),
                wallNanos,
                null,
                new PhaseMeter.Usage(
                    null,
                    cpuNanos / 1e9,
                    heap.jitSeconds(),
                    heap.heapAtStartBytes(),
                    heap.peakHeapBytes()))
            .withTopologyFigures(null, null, outputs, null);
      }
    } finally {
      tasks.forEach(Task::close);
    }
  }

  /**
   * A commit of every task at the wall-clock time, its punctuations first, as a stream thread's.
   */
  private static void commit(List<Task> tasks) {
    long now = System.currentTimeMillis();
    tasks.forEach(task -> task.punctuateAndCommit(now));
  }

  private static String label(AirOutput.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** One task: the processor, its context and its stores. */
  private final class Task {
    private final Map<AirOutput.Kind, Long> outputs = new EnumMap<>(AirOutput.Kind.class);
    private final MockProcessorContext<String, AirOutput> context;
    private final List<StateStore> stores = new ArrayList<>();
    private final Processor<String, CityAirInput, String, AirOutput> processor;

    Task(int partition) {
      TaskId id = new TaskId(0, partition);
      File dir = stateDir.resolve(applicationId).resolve(id.toString()).toFile();
      context = new CountingContext(properties(), id, dir, outputs);
      ProcessorSupplier<String, CityAirInput, String, AirOutput> supplier =
          AirPipeline.cityTask(
              PipelineSettings.defaults(), new PipelineMetrics(new SimpleMeterRegistry()), topics);
      for (StoreBuilder<?> builder : supplier.stores()) {
        StateStore store = builder.withCachingDisabled().withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.add(store);
      }
      processor = supplier.get();
      context.setCurrentSystemTimeMs(System.currentTimeMillis());
      processor.init(context);
    }

    void process(Record<String, CityAirInput> record) {
      processor.process(record);
    }

    void punctuateAndCommit(long now) {
      context.setCurrentSystemTimeMs(now);
      for (MockProcessorContext.CapturedPunctuator punctuator : context.scheduledPunctuators()) {
        if (punctuator.getType() == PunctuationType.WALL_CLOCK_TIME && !punctuator.cancelled()) {
          punctuator.getPunctuator().punctuate(now);
        }
      }
      commit();
    }

    void commit() {
      stores.forEach(store -> store.commit(Map.of()));
    }

    void close() {
      processor.close();
      stores.forEach(StateStore::close);
    }
  }

  /** Counts what the processor forwards, by kind, and keeps nothing. */
  private static final class CountingContext extends MockProcessorContext<String, AirOutput> {
    private final Map<AirOutput.Kind, Long> outputs;

    CountingContext(
        Properties config, TaskId id, File stateDir, Map<AirOutput.Kind, Long> outputs) {
      super(config, id, stateDir);
      this.outputs = outputs;
    }

    @Override
    public <K extends String, V extends AirOutput> void forward(Record<K, V> record) {
      outputs.merge(record.value().kind(), 1L, Long::sum);
    }

    @Override
    public <K extends String, V extends AirOutput> void forward(
        Record<K, V> record, String childName) {
      forward(record);
    }
  }

  private Properties properties() {
    Properties properties = StreamsAppConfig.defaults();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return properties;
  }

  private static long commitIntervalMillis() {
    return Long.parseLong(
        StreamsAppConfig.defaults().getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
  }

  /** An input of the city task with the partition, so its task, it goes to. */
  private record Routed(Record<String, CityAirInput> record, int partition) {

    /** Routed as the producer's default partitioner routes the key among this many partitions. */
    static Routed of(String key, CityAirInput input, long timestamp, int partitions) {
      int partition = Utils.toPositive(Utils.murmur2(Utils.utf8(key))) % partitions;
      return new Routed(new Record<>(key, input, timestamp), partition);
    }
  }

  /** The city provinces as the pipeline takes them from the air stations' Station records. */
  private List<Routed> provinces(List<BenchData.Reading> stations, int partitions) {
    Deserializer<Station> decoder = topics.stations().valueSerde().deserializer();
    List<Routed> provinces = new ArrayList<>();
    for (BenchData.Reading record : stations) {
      Station station = decoder.deserialize(topics.stations().name(), record.value());
      if (station.getKind() == StationKind.AIR && station.getProvince() != null) {
        provinces.add(
            Routed.of(
                station.getCityId().toString(),
                CityAirInput.province(station.getProvince().toString()),
                record.timestamp(),
                partitions));
      }
    }
    return provinces;
  }

  /** The readings decoded, keyed by their record keys (their city ids). */
  private List<Routed> inputs(List<BenchData.Reading> readings, int partitions) {
    Deserializer<AirReading> decoder = topics.airReadings().valueSerde().deserializer();
    List<Routed> inputs = new ArrayList<>(readings.size());
    for (BenchData.Reading record : readings) {
      AirReading reading = decoder.deserialize(topics.airReadings().name(), record.value());
      inputs.add(
          Routed.of(
              Utils.utf8(record.key()),
              CityAirInput.reading(reading),
              record.timestamp(),
              partitions));
    }
    return inputs;
  }
}
