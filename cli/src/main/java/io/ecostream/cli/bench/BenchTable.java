package io.ecostream.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plain-text rendering of the benchmark's results. */
public final class BenchTable {

  /** The figure the full topology should reach, as a fraction of the pass-through's rate. */
  public static final double TARGET_RATIO = 0.4;

  private static final String ROW = "%-12s %-16s %9s %8s %10s %9s %7s %9s %6s %15s %9s  %s%n";
  private static final double MIB = 1024.0 * 1024.0;

  private BenchTable() {}

  /**
   * @param input what was measured on, for the line under the table (the network, the warm-up)
   */
  public static String format(List<PhaseResult> results, String input) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            ROW,
            "phase",
            "guarantee",
            "records",
            "seconds",
            "records/s",
            "startup s",
            "cpu s",
            "app cpu s",
            "jit s",
            "heap MiB",
            "state MiB",
            "notes"));
    for (PhaseResult r : results) {
      table.append(
          String.format(
              Locale.ROOT,
              ROW,
              r.phase(),
              r.guarantee() == null ? "-" : r.guarantee().config(),
              r.records(),
              String.format(Locale.ROOT, "%.2f", r.seconds()),
              String.format(Locale.ROOT, "%.0f", r.recordsPerSecond()),
              seconds(r.startupSeconds()),
              seconds(r.cpuSeconds()),
              seconds(r.appCpuSeconds()),
              seconds(r.jitSeconds()),
              heap(r),
              r.stateBytes() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", r.stateBytes() / MIB),
              notes(r)));
    }
    for (PhaseResult r : results) {
      if (r.outputs() != null) {
        table.append(
            String.format(
                Locale.ROOT,
                "%nrecords out of %s: %s",
                r.guarantee() == null ? r.phase() : r.phase() + " " + r.guarantee(),
                r.outputs().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))));
      }
      if (r.memory() != null) {
        table.append(
            String.format(
                Locale.ROOT, "%nmemory after topology %s: %s", r.guarantee(), memory(r.memory())));
      }
    }
    table.append(String.format(Locale.ROOT, "%ninput: %s", input));
    table.append(
        String.format(
            Locale.ROOT,
            "%n(cpu s: the whole process while the clock ran; app cpu s: the streams app's own threads;"
                + " jit s: the JIT compiling, the whole JVM."
                + "%n heap MiB: live heap after a GC before the phase -> highest heap used sampled during it;"
                + " the broker, the bench's input and the app share this JVM; RocksDB memory is off-heap, in the RSS only."
                + "%n state MiB: the topology's state directory once its input is processed."
                + "%n records out: what each topic holds when read at the end; the log cleaner may already have"
                + " compacted superseded records away)"));
    table.append(System.lineSeparator());
    return table.toString();
  }

  /** One line for the progress log. */
  public static String summary(PhaseResult r) {
    String notes = notes(r);
    return String.format(
        Locale.ROOT,
        "%s%s: %d records in %.2f s, %.0f records/s%s",
        r.phase(),
        r.guarantee() == null ? "" : " " + r.guarantee(),
        r.records(),
        r.seconds(),
        r.recordsPerSecond(),
        notes.isEmpty() ? "" : "; " + notes);
  }

  static String notes(PhaseResult r) {
    if (r.ratio() != null && r.phase().equals("floor")) {
      return String.format(
          Locale.ROOT, "%.2f of pass-through (decoding and the outputs' sends only)", r.ratio());
    }
    if (r.ratio() != null && r.phase().equals("kernel")) {
      return String.format(
          Locale.ROOT,
          "%.2f of pass-through (the floor and the essential hourly work, leanly)",
          r.ratio());
    }
    if (r.ratio() != null) {
      return String.format(
          Locale.ROOT, "%.2f of pass-through (target %.2f)", r.ratio(), TARGET_RATIO);
    }
    if (r.phase().equals("task") && r.appCpuSeconds() != null) {
      return String.format(
          Locale.ROOT,
          "%.1f µs of CPU a reading (the city task alone, no Kafka)",
          r.appCpuSeconds() * 1e6 / r.records());
    }
    if (r.latencyMillis() != null) {
      BenchStats.Latency l = r.latencyMillis();
      return String.format(
          Locale.ROOT,
          "sent at this rate; latency ms p50 %d, p95 %d, p99 %d, max %d",
          l.p50(),
          l.p95(),
          l.p99(),
          l.max());
    }
    return "";
  }

  private static String seconds(Double seconds) {
    return seconds == null ? "-" : String.format(Locale.ROOT, "%.2f", seconds);
  }

  private static String heap(PhaseResult r) {
    if (r.peakHeapBytes() == null) {
      return "-";
    }
    return String.format(
        Locale.ROOT, "%.0f->%.0f", r.heapAtStartBytes() / MIB, r.peakHeapBytes() / MIB);
  }

  static String memory(MemoryFigures m) {
    return String.format(
        Locale.ROOT,
        "heap after GC %.0f MiB, peak heap %.0f MiB, RSS %s, peak RSS %s",
        m.heapAfterGcBytes() / MIB,
        m.peakHeapBytes() / MIB,
        mib(m.rssBytes()),
        mib(m.rssPeakBytes()));
  }

  private static String mib(Long bytes) {
    return bytes == null ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
  }
}
