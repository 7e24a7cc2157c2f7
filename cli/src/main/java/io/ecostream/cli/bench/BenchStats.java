package io.ecostream.cli.bench;

import java.util.Arrays;

/** The arithmetic of the benchmark figures, Kafka-free so that it can be checked by hand. */
public final class BenchStats {

  private BenchStats() {}

  /** Records per second of {@code records} handled in {@code elapsedNanos}. */
  public static double recordsPerSecond(long records, long elapsedNanos) {
    if (records < 0 || elapsedNanos <= 0) {
      throw new IllegalArgumentException(
          "records must be >= 0 and the elapsed time positive, got "
              + records
              + " in "
              + elapsedNanos
              + " ns");
    }
    return records * 1e9 / elapsedNanos;
  }

  /**
   * The nearest-rank percentile: the smallest value such that at least {@code p} % of the values
   * are at or below it (p50 of 1..10 is 5, p95 is 10).
   *
   * @param sorted values in ascending order, at least one
   * @param p percent, 0 < p <= 100
   */
  public static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be within (0, 100], got " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** p50, p95, p99 and max of end-to-end latencies in milliseconds. */
  public static Latency latency(long[] millis) {
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latency(
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted[sorted.length - 1]);
  }

  /** Latency percentiles in milliseconds over {@code count} records. */
  public record Latency(long count, long p50, long p95, long p99, long max) {}
}
