package io.ecostream.cli.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How many input records a running app has processed, read often by a throughput phase's clock: the
 * metric is looked up once it exists and then only read, since listing an app's metrics (a new map
 * of several hundred) every few milliseconds would take CPU from the app being measured.
 */
interface ProcessedRecords {

  long count();

  /**
   * The records Kafka Streams' threads have processed ({@code stream-thread-metrics}, {@code
   * process-total}, the sum of records each loop processed): for a topology with one source topic,
   * its input records.
   */
  static ProcessedRecords byStreamThreads(KafkaStreams streams) {
    return new ProcessedRecords() {
      private List<? extends Metric> totals = List.of();

      @Override
      public long count() {
        if (totals.isEmpty()) {
          totals =
              streams.metrics().values().stream()
                  .filter(
                      m ->
                          m.metricName().group().equals("stream-thread-metrics")
                              && m.metricName().name().equals("process-total"))
                  .toList();
        }
        long sum = 0;
        for (Metric total : totals) {
          sum += ((Number) total.metricValue()).longValue();
        }
        return sum;
      }
    };
  }

  /**
   * The records of {@code topic} that the production topology's intake has read ({@code
   * ecostream.records.in}, counted as each record enters the intake): the topology processes other
   * topics too (stations, its repartitions), which Kafka's count would include.
   */
  static ProcessedRecords readIn(MeterRegistry registry, String topic) {
    return new ProcessedRecords() {
      private Counter counter;

      @Override
      public long count() {
        if (counter == null) {
          counter = registry.find("ecostream.records.in").tag("topic", topic).counter();
          if (counter == null) {
            return 0;
          }
        }
        return (long) counter.count();
      }
    };
  }
}
