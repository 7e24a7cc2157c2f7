package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench end to end on its own embedded broker: every phase asked for prints its line. No timing asserted. */
class BenchIT {

  @TempDir Path workDir;

  @Test
  void shouldPrintAPositiveRateForEveryPhase() {
    CliRun run =
        CliRun.of(
            "bench",
            "--records", "2000",
            "--phases", "producer,passthrough,topology",
            "--guarantee", "at_least_once",
            "--work-dir", workDir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(rate(run.out(), "producer\\s+-")).isPositive();
    assertThat(rate(run.out(), "passthrough\\s+at_least_once")).isPositive();
    assertThat(rate(run.out(), "topology\\s+at_least_once")).isPositive();
    assertThat(run.out())
        .contains("of pass-through (target 0.40)")
        .contains("records out of topology at_least_once: air.station-hourly 2000,")
        .contains("memory after topology at_least_once: heap after GC");
  }

  private static long rate(String table, String phaseAndGuarantee) {
    Matcher row =
        Pattern.compile("(?m)^" + phaseAndGuarantee + "\\s+(\\d+)\\s+([\\d.]+)\\s+(\\d+)\\s").matcher(table);
    assertThat(row.find()).as(table).isTrue();
    assertThat(Long.parseLong(row.group(1))).isEqualTo(2000);
    return Long.parseLong(row.group(3));
  }
}
