package io.ecostream.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The pipeline's own counters, next to the Kafka Streams metrics: records read per input topic
 * ({@code ecostream.records.in}) and records sent to the dead-letter topic per reason ({@code
 * ecostream.dead.letters}).
 */
public final class PipelineMetrics {

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> recordsIn = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> deadLetters = new ConcurrentHashMap<>();

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

  public double deadLetterCount(String reason) {
    Counter counter = deadLetters.get(reason);
    return counter == null ? 0 : counter.count();
  }
}
