package io.ecostream.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plain-text rendering of the benchmark's results. */
public final class BenchTable {

  /** The figure the full topology should reach, as a fraction of the pass-through's rate. */
  public static final double TARGET_RATIO = 0.4;

  private static final String ROW = "%-12s %-16s %9s %8s %10s %9s  %s%n";
  private static final double MIB = 1024.0 * 1024.0;

  private BenchTable() {}

  public static String format(List<PhaseResult> results) {
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, ROW, "phase", "guarantee", "records", "seconds", "records/s", "startup s", "notes"));
    for (PhaseResult r : results) {
      table.append(String.format(Locale.ROOT, ROW,
          r.phase(),
          r.guarantee() == null ? "-" : r.guarantee().config(),
          r.records(),
          String.format(Locale.ROOT, "%.2f", r.seconds()),
          String.format(Locale.ROOT, "%.0f", r.recordsPerSecond()),
          r.startupSeconds() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.startupSeconds()),
          notes(r)));
    }
    for (PhaseResult r : results) {
      if (r.outputs() != null) {
        table.append(String.format(Locale.ROOT, "%nrecords out of topology %s: %s", r.guarantee(),
            r.outputs().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
      }
      if (r.memory() != null) {
        table.append(String.format(Locale.ROOT, "%nmemory after topology %s: %s", r.guarantee(), memory(r.memory())));
      }
    }
    if (results.stream().anyMatch(r -> r.memory() != null)) {
      table.append(String.format(Locale.ROOT,
          "%n(the broker, the bench's input and the app share this JVM; RocksDB memory is off-heap, in the RSS only)"));
    }
    if (results.stream().anyMatch(r -> r.outputs() != null || r.memory() != null)) {
      table.append(System.lineSeparator());
    }
    return table.toString();
  }

  /** One line for the progress log. */
  public static String summary(PhaseResult r) {
    String notes = notes(r);
    return String.format(Locale.ROOT, "%s%s: %d records in %.2f s, %.0f records/s%s",
        r.phase(), r.guarantee() == null ? "" : " " + r.guarantee(), r.records(), r.seconds(), r.recordsPerSecond(),
        notes.isEmpty() ? "" : "; " + notes);
  }

  static String notes(PhaseResult r) {
    if (r.ratio() != null) {
      return String.format(Locale.ROOT, "%.2f of pass-through (target %.2f)", r.ratio(), TARGET_RATIO);
    }
    if (r.latencyMillis() != null) {
      BenchStats.Latency l = r.latencyMillis();
      return String.format(Locale.ROOT, "sent at this rate; latency ms p50 %d, p95 %d, p99 %d, max %d",
          l.p50(), l.p95(), l.p99(), l.max());
    }
    return "";
  }

  static String memory(MemoryFigures m) {
    return String.format(Locale.ROOT, "heap after GC %.0f MiB, peak heap %.0f MiB, RSS %s, peak RSS %s",
        m.heapAfterGcBytes() / MIB, m.peakHeapBytes() / MIB, mib(m.rssBytes()), mib(m.rssPeakBytes()));
  }

  private static String mib(Long bytes) {
    return bytes == null ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
  }
}
