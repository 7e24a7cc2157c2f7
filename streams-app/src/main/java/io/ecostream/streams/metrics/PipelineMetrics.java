package io.ecostream.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The pipeline's own counters, next to the Kafka Streams metrics: records read per input topic
 * ({@code ecostream.records.in}) and records sent to the dead-letter topic per reason ({@code
 * ecostream.dead.letters}), and valid readings that give no new real-time figure per reason ({@code
 * ecostream.realtime.skipped}: a duplicate, or an hour older than the real-time window; both still
 * count in the daily figures).
 */
public final class PipelineMetrics {

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> recordsIn = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> deadLetters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> realTimeSkipped = new ConcurrentHashMap<>();

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void recordIn(String topic) {
    recordsIn
        .computeIfAbsent(
            topic,
            t ->
                Counter.builder("ecostream.records.in")
                    .description("Records read from an input topic")
                    .tag("topic", t)
                    .register(registry))
        .increment();
  }

  public void deadLetter(String reason) {
    deadLetters
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("ecostream.dead.letters")
                    .description("Records sent to the dead-letter topic")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  public void realTimeSkipped(String reason) {
    realTimeSkipped
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("ecostream.realtime.skipped")
                    .description("Valid readings that changed no real-time (hourly) figure")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  public double realTimeSkippedCount(String reason) {
    Counter counter = realTimeSkipped.get(reason);
    return counter == null ? 0 : counter.count();
  }

  public double deadLetterCount(String reason) {
    Counter counter = deadLetters.get(reason);
    return counter == null ? 0 : counter.count();
  }
}
