package io.ecostream.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DrainProgressTest {

  private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

  private final StringWriter out = new StringWriter();
  private Instant now = START;
  private final DrainProgress progress =
      new DrainProgress(new PrintWriter(out, true), () -> now, Duration.ofSeconds(10));

  @Test
  void shouldSayHowFarAndHowFastOncePerInterval() {
    progress.report(new PipelineDrain.Progress(1_000_000, 5_933_997));
    now = START.plusSeconds(4);
    progress.report(new PipelineDrain.Progress(1_200_000, 5_933_997));
    assertThat(out.toString()).as("a short wait stays silent").isEmpty();

    now = START.plusSeconds(10);
    progress.report(new PipelineDrain.Progress(1_412_000, 5_933_997));
    now = START.plusSeconds(15);
    progress.report(new PipelineDrain.Progress(1_600_000, 5_933_997));
    now = START.plusSeconds(30);
    progress.report(new PipelineDrain.Progress(5_933_997, 5_933_997));

    // 412,000 in the first 10 s; then 4,521,997 in 20 s
    assertThat(out.toString().lines())
        .containsExactly(
            "ecostream replay: processed 1,412,000 of 5,933,997 input records (24 %), 41,200/s",
            "ecostream replay: processed 5,933,997 of 5,933,997 input records (100 %), 226,100/s");
  }
}
