package io.ecostream.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One line of the benchmark's table. Fields a phase does not measure are null.
 *
 * @param seconds from the start of the phase's clock to the condition that ends it
 * @param startupSeconds of a streams phase: from {@code start()} to the first RUNNING state,
 *     included in seconds
 * @param ratio of a topology or floor phase: its rate over the pass-through's with the same
 *     guarantee
 * @param cpuSeconds CPU time of the whole process (broker, bench and app) while the clock ran
 * @param appCpuSeconds of a streams phase: CPU time of the app's own threads while the clock ran
 * @param jitSeconds time the JIT spent compiling while the clock ran (the whole JVM's): near zero
 *     once the warm-up has settled it
 * @param heapAtStartBytes heap used after a GC just before the phase: the broker and the bench's
 *     input
 * @param peakHeapBytes highest heap used sampled while the clock ran (the whole JVM)
 * @param stateBytes of a topology phase: bytes under the app's state directory once its input is
 *     processed and its repartition topics drained
 * @param outputs of a topology phase: committed records per output topic
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhaseResult(
    String phase,
    Guarantee guarantee,
    long records,
    double seconds,
    Double recordsPerSecond,
    Double startupSeconds,
    Double ratio,
    Double cpuSeconds,
    Double appCpuSeconds,
    Double jitSeconds,
    Long heapAtStartBytes,
    Long peakHeapBytes,
    Long stateBytes,
    Map<String, Long> outputs,
    BenchStats.Latency latencyMillis,
    MemoryFigures memory) {

  static PhaseResult rate(
      String phase,
      Guarantee guarantee,
      long records,
      long elapsedNanos,
      Double startupSeconds,
      PhaseMeter.Usage usage) {
    return new PhaseResult(
        phase,
        guarantee,
        records,
        elapsedNanos / 1e9,
        BenchStats.recordsPerSecond(records, elapsedNanos),
        startupSeconds,
        null,
        usage.cpuSeconds(),
        usage.appCpuSeconds(),
        usage.jitSeconds(),
        usage.heapAtStartBytes(),
        usage.peakHeapBytes(),
        null,
        null,
        null,
        null);
  }

  /** This phase's rate over {@code baselineRate}, or null without a baseline. */
  Double ratioTo(Double baselineRate) {
    return baselineRate == null ? null : recordsPerSecond() / baselineRate;
  }

  /** Whether the JIT compiled for at most {@code share} of the phase's time. */
  boolean jitSettled(double share) {
    return jitSeconds == null || jitSeconds <= share * seconds;
  }

  PhaseResult withRatio(Double ratio) {
    return withTopologyFigures(ratio, stateBytes, outputs, memory);
  }

  PhaseResult withTopologyFigures(
      Double ratio, Long stateBytes, Map<String, Long> outputs, MemoryFigures memory) {
    return new PhaseResult(
        phase,
        guarantee,
        records,
        seconds,
        recordsPerSecond,
        startupSeconds,
        ratio,
        cpuSeconds,
        appCpuSeconds,
        jitSeconds,
        heapAtStartBytes,
        peakHeapBytes,
        stateBytes,
        outputs,
        latencyMillis,
        memory);
  }

  PhaseResult withLatency(long received, BenchStats.Latency latency) {
    return new PhaseResult(
        phase,
        guarantee,
        received,
        seconds,
        recordsPerSecond,
        startupSeconds,
        ratio,
        cpuSeconds,
        appCpuSeconds,
        jitSeconds,
        heapAtStartBytes,
        peakHeapBytes,
        stateBytes,
        outputs,
        latency,
        memory);
  }
}
