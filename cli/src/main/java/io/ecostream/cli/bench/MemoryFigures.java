package io.ecostream.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap and process memory of this JVM. The peak is the sum of the heap pools' peaks since {@link
 * #resetPeaks()}, an upper bound of the real peak since the pools need not peak together. RocksDB's
 * block cache and memtables are off-heap: they show in the RSS only.
 *
 * @param heapAfterGcBytes heap used right after a full GC
 * @param peakHeapBytes sum of the heap pools' peak usage
 * @param rssBytes VmRSS of /proc/self/status; null where the platform has none
 * @param rssPeakBytes VmHWM, the peak RSS of the process's life; null where the platform has none
 */
public record MemoryFigures(
    long heapAfterGcBytes, long peakHeapBytes, Long rssBytes, Long rssPeakBytes) {

  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  public static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Reads the peaks first, then runs a GC and reads the live heap. */
  public static MemoryFigures measure() {
    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum();
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    String status = procStatus();
    return new MemoryFigures(
        live, peak, statusKilobytes(status, "VmRSS"), statusKilobytes(status, "VmHWM"));
  }

  /** A {@code Name: 1234 kB} line of /proc/self/status, in bytes. */
  static Long statusKilobytes(String status, String name) {
    return status
        .lines()
        .filter(line -> line.startsWith(name + ":"))
        .map(line -> line.substring(name.length() + 1).trim())
        .filter(value -> value.endsWith(" kB"))
        .mapToLong(value -> Long.parseLong(value.substring(0, value.length() - 3).trim()) * 1024)
        .boxed()
        .findFirst()
        .orElse(null);
  }

  private static String procStatus() {
    try {
      return Files.exists(PROC_STATUS) ? Files.readString(PROC_STATUS) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
