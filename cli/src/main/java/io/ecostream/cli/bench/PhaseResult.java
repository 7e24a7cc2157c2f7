package io.ecostream.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One line of the benchmark's table. Fields a phase does not measure are null.
 *
 * @param seconds from the start of the phase's clock to the condition that ends it
 * @param startupSeconds of a streams phase: from {@code start()} to the first RUNNING state, included in seconds
 * @param ratio of a topology phase: its rate over the pass-through's with the same guarantee
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
    Map<String, Long> outputs,
    BenchStats.Latency latencyMillis,
    MemoryFigures memory) {

  static PhaseResult rate(String phase, Guarantee guarantee, long records, long elapsedNanos, Double startupSeconds) {
    return new PhaseResult(
        phase,
        guarantee,
        records,
        elapsedNanos / 1e9,
        BenchStats.recordsPerSecond(records, elapsedNanos),
        startupSeconds,
        null,
        null,
        null,
        null);
  }

  PhaseResult withTopologyFigures(Double ratio, Map<String, Long> outputs, MemoryFigures memory) {
    return new PhaseResult(
        phase, guarantee, records, seconds, recordsPerSecond, startupSeconds, ratio, outputs, latencyMillis, memory);
  }
}
