package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

  private static RunCommand parse(String... args) {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run;
  }

  @Test
  void shouldResetOnlyWhenAsked() {
    assertThat(parse().reset).isFalse();
    assertThat(parse("--reset").reset).isTrue();
  }
}
