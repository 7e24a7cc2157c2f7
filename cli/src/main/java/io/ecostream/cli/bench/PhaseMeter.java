package io.ecostream.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU and heap of this JVM while one phase runs. The broker, the bench and the app share the JVM,
 * so the process figures hold all three; the app's own CPU is told apart by its threads' names,
 * which all contain its application id (stream threads, their producers' network threads, the
 * consumer's heartbeat thread). The heap cannot be split by thread: the live heap after a GC at the
 * start (broker and the bench's input) is kept beside the peak so that the app's growth shows.
 */
final class PhaseMeter implements AutoCloseable {

  /** Often enough to come within a few MB of a peak between two young collections. */
  private static final long SAMPLE_MILLIS = 10;

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final String threadNamePart;
  private final long heapAtStartBytes;
  private final long cpuAtStartNanos;
  private final long jitAtStartMillis;
  private final Map<Long, Long> appThreadCpuAtStart;
  private final AtomicLong peakHeapBytes = new AtomicLong();
  private volatile boolean stopped;
  private final Thread sampler;

  private PhaseMeter(String threadNamePart) {
    this.threadNamePart = threadNamePart;
    System.gc();
    this.heapAtStartBytes = heapUsed();
    this.peakHeapBytes.set(heapAtStartBytes);
    this.sampler = new Thread(this::sample, "ecostream-bench-heap-sampler");
    this.sampler.setDaemon(true);
    this.sampler.start();
    this.appThreadCpuAtStart = appThreadCpu();
    this.cpuAtStartNanos = processCpuNanos();
    this.jitAtStartMillis = jitMillis();
  }

  /**
   * @param threadNamePart the application id whose threads' CPU to add up, null for none
   */
  static PhaseMeter start(String threadNamePart) {
    return new PhaseMeter(threadNamePart);
  }

  /**
   * Stops sampling; call when the phase's clock stops, before the app closes (its threads go with
   * it).
   */
  Usage stop() {
    long cpuNow = processCpuNanos();
    Double cpu = cpuNow < 0 || cpuAtStartNanos < 0 ? null : (cpuNow - cpuAtStartNanos) / 1e9;
    long jitNow = jitMillis();
    Double jit = jitNow < 0 || jitAtStartMillis < 0 ? null : (jitNow - jitAtStartMillis) / 1e3;
    Double appCpu = null;
    if (threadNamePart != null) {
      // Threads that ran before the phase (the latency phase starts its app first) count from the
      // start.
      long nanos = 0;
      for (Map.Entry<Long, Long> thread : appThreadCpu().entrySet()) {
        nanos += thread.getValue() - appThreadCpuAtStart.getOrDefault(thread.getKey(), 0L);
      }
      appCpu = nanos / 1e9;
    }
    stopped = true;
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    peakHeapBytes.accumulateAndGet(heapUsed(), Math::max);
    return new Usage(cpu, appCpu, jit, heapAtStartBytes, peakHeapBytes.get());
  }

  /**
   * @param cpuSeconds CPU time of the whole process during the phase; null where the JVM cannot
   *     tell
   * @param appCpuSeconds CPU time of the app's threads during the phase, of those alive at its end
   * @param jitSeconds time the JIT's compiler threads spent compiling during the phase (the whole
   *     JVM's, whatever they compiled); null where the JVM cannot tell
   * @param heapAtStartBytes heap used right after a GC before the phase
   * @param peakHeapBytes highest heap used sampled during the phase
   */
  record Usage(
      Double cpuSeconds,
      Double appCpuSeconds,
      Double jitSeconds,
      long heapAtStartBytes,
      long peakHeapBytes) {}

  /** Stops the sampler of a phase that failed before {@link #stop()}. */
  @Override
  public void close() {
    stopped = true;
  }

  private void sample() {
    while (!stopped) {
      peakHeapBytes.accumulateAndGet(heapUsed(), Math::max);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS));
    }
  }

  /** CPU nanoseconds by thread id of the app's live threads. */
  private Map<Long, Long> appThreadCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    if (threadNamePart == null || !THREADS.isThreadCpuTimeSupported()) {
      return cpu;
    }
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(threadNamePart)) {
        cpu.put(info.getThreadId(), Math.max(0, THREADS.getThreadCpuTime(info.getThreadId())));
      }
    }
    return cpu;
  }

  private static long heapUsed() {
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported()
        ? JIT.getTotalCompilationTime()
        : -1;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
