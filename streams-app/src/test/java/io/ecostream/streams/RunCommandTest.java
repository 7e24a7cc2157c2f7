package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

  private static RunCommand parse(String... args) {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run;
  }

  @Test
  void shouldServeMetricsOnLoopbackUnlessTold() {
    assertThat(parse().httpHost).isEqualTo("127.0.0.1");
    assertThat(parse("--http-host", "0.0.0.0").httpHost).isEqualTo("0.0.0.0");
  }

  @Test
  void shouldTakeTheStallTimeoutAsADurationOrAsSecondsAsBefore() {
    assertThat(parse().stallTimeout).isEqualTo(Duration.ofSeconds(30));
    assertThat(parse("--stall-timeout", "2m").stallTimeout).isEqualTo(Duration.ofMinutes(2));
    assertThat(parse("--stall-timeout", "45").stallTimeout).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void shouldResetOnlyWhenAsked() {
    assertThat(parse().reset).isFalse();
    assertThat(parse("--reset").reset).isTrue();
  }
}
