package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench end to end on its own embedded broker, on a small network: every phase asked for prints
 * its line and its figures. No timing asserted.
 */
class BenchIT {

  private static final int RECORDS = 5000;

  /** Of the bench's log, shown when it fails. */
  private static final int LOG_LINES_SHOWN = 200;

  @TempDir Path workDir;

  @Test
  void shouldPrintAPositiveRateForEveryPhase() {
    CliRun run =
        CliRun.of(
            "bench",
            "--stations",
            "20",
            "--records",
            String.valueOf(RECORDS),
            "--warmup",
            "1000",
            "--warmup-rounds",
            "2",
            "--phases",
            "producer,passthrough,floor,kernel,topology,task",
            "--guarantee",
            "at_least_once",
            "--work-dir",
            workDir.toString());

    assertThat(run.exitCode()).as(() -> failure(run)).isZero();
    assertThat(run.err())
        .containsPattern(
            "warm-up topology at_least_once: 1000 records in [0-9.]+ s, [0-9]+ records/s"
                + " \\(round 1\\); the JIT compiled for [0-9.]+ s of it")
        .contains("warm-up task: 1000 records")
        .doesNotContain("(round 3)")
        .containsPattern("topology at_least_once: input processed in [0-9.]+ s, committed at");
    assertThat(rate(run.out(), "producer\\s+-")).isPositive();
    assertThat(rate(run.out(), "passthrough\\s+at_least_once")).isPositive();
    assertThat(rate(run.out(), "floor\\s+at_least_once")).isPositive();
    assertThat(rate(run.out(), "kernel\\s+at_least_once")).isPositive();
    assertThat(rate(run.out(), "topology\\s+at_least_once")).isPositive();
    assertThat(rate(run.out(), "task\\s+-")).isPositive();
    assertThat(run.out())
        .contains("of pass-through (decoding and the outputs' sends only)")
        .contains("of pass-through (the floor and the essential hourly work, leanly)")
        .contains("of pass-through (target 0.40)")
        .contains("records out of topology at_least_once: air.station-hourly " + RECORDS + ",")
        .contains("records out of task: station-hourly " + RECORDS + ",")
        .contains("µs of CPU a reading (the city task alone, no Kafka)")
        .contains("memory after topology at_least_once: heap after GC")
        .contains(
            "input: 20 air stations in 4 cities of 1 province, after a warm-up of 1000 records per"
                + " phase kind, run until the JIT settled (at most 2 rounds)");
  }

  @Test
  void shouldPrintTheFiguresOfEveryPhaseAsJson() throws Exception {
    CliRun run =
        CliRun.of(
            "bench",
            "--stations",
            "80",
            "--records",
            "4000",
            "--warmup",
            "0",
            "--phases",
            "topology",
            "--work-dir",
            workDir.toString(),
            "--output-format",
            "json");

    assertThat(run.exitCode()).as(() -> failure(run)).isZero();
    assertThat(run.err()).doesNotContain("warm-up");
    JsonNode phases = new ObjectMapper().readTree(run.out());
    assertThat(phases).hasSize(1);
    JsonNode topology = phases.get(0);
    assertThat(topology.get("phase").asText()).isEqualTo("topology");
    assertThat(topology.get("guarantee").asText()).isEqualTo("exactly_once_v2");
    assertThat(topology.get("recordsPerSecond").asDouble()).isPositive();
    assertThat(topology.get("cpuSeconds").asDouble()).isPositive();
    assertThat(topology.get("appCpuSeconds").asDouble()).isPositive();
    // The JVM runs a JIT, and a cold one compiles while a topology starts.
    assertThat(topology.get("jitSeconds").asDouble()).isPositive();
    assertThat(topology.get("peakHeapBytes").asLong())
        .isGreaterThanOrEqualTo(topology.get("heapAtStartBytes").asLong());
    assertThat(topology.get("stateBytes").asLong()).isPositive();
    assertThat(topology.get("outputs").get("air.station-hourly").asLong()).isEqualTo(4000);
    // A city's figures are ranked only once its province is known: the station records came first.
    assertThat(topology.get("outputs").get("air.ranking").asLong()).isPositive();
  }

  /**
   * The latency phase's readings carry the header the app measures its own latency from, so every
   * one of them is counted by the app's timer as well as by the probe.
   */
  @Test
  void shouldMeasureTheLatencyToTheTaskAndToTheCommittedFigure() {
    CliRun run =
        CliRun.of(
            "bench",
            "--stations",
            "20",
            "--warmup",
            "0",
            "--phases",
            "latency",
            "--latency-rate",
            "200",
            "--latency-duration",
            "3s",
            "--work-dir",
            workDir.toString());

    assertThat(run.exitCode()).as(() -> failure(run)).isZero();
    assertThat(run.err())
        .contains(
            "latency exactly_once_v2: send to the city task's forward of the station-hourly"
                + " figure (the app's ecostream.latency, 600 readings): p50 ",
            "latency exactly_once_v2: send to the city task's forward of the city-hourly"
                + " figure (the app's ecostream.latency, ");
    assertThat(run.out()).contains("latency ms p50 ");
  }

  /**
   * The bench's stderr and the end of its log (the embedded broker's and the clients' lines), which
   * the temporary work directory takes with it: enough to tell a broker that stopped answering from
   * a phase that failed.
   */
  private String failure(CliRun run) {
    Path log = workDir.resolve("logs/bench.log");
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return run.err()
          + "\n--- the last lines of "
          + log
          + ":\n"
          + String.join(
              "\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
    } catch (IOException e) {
      return run.err() + "\n(" + log + " unreadable: " + e + ")";
    }
  }

  private static long rate(String table, String phaseAndGuarantee) {
    Matcher row =
        Pattern.compile("(?m)^" + phaseAndGuarantee + "\\s+(\\d+)\\s+([\\d.]+)\\s+(\\d+)\\s")
            .matcher(table);
    assertThat(row.find()).as(table).isTrue();
    assertThat(Long.parseLong(row.group(1))).isEqualTo(RECORDS);
    return Long.parseLong(row.group(3));
  }
}
