package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Option validation only: a bad value stops the bench before any broker starts. */
class BenchCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--records|0|--records must be positive, got 0",
        "--records|-5|--records must be positive, got -5",
        "--stations|0|--stations must be positive, got 0",
        "--stations|-3|--stations must be positive, got -3",
        "--warmup|-1|--warmup must not be negative, got -1",
        "--warmup-rounds|0|--warmup-rounds must be positive, got 0",
        "--latency-rate|0|--latency-rate must be positive, got 0",
        "--latency-seconds|-1|--latency-seconds must be positive, got -1",
        "--latency-duration|500ms|--latency-duration must be at least 1s, got 500ms",
        "--output-format|csv|--output-format must be table or json, got 'csv'",
        "--phases|producer,warmup|--phases: unknown phase 'warmup'; choose from producer, passthrough, floor, kernel, topology, task, latency",
        "--phases|''|--phases: unknown phase ''",
        "--guarantee|exactly_once|--guarantee must be at_least_once, exactly_once_v2 or both, got 'exactly_once'"
      })
  void shouldRejectABadValueInOneLineWithExitCode2(String option, String value, String message) {
    CliRun run = CliRun.of("bench", option, value);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("ecostream bench: " + message);
  }

  @ParameterizedTest
  @CsvSource({
    "--records,many",
    "--latency-rate,1.5",
    "--stations,many",
    "--stations,1.5",
    "--warmup,few",
    "--warmup-rounds,two"
  })
  void shouldRejectANonNumberInOneLine(String option, String value) {
    CliRun run = CliRun.of("bench", option, value);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("ecostream bench: ").contains(option).contains(value);
  }
}
