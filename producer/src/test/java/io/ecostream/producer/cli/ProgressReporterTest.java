package io.ecostream.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.producer.fixtures.FakeClock;
import io.ecostream.producer.fixtures.Simulations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  @Test
  void shouldPrintAtMostOneLineEveryTenSeconds() {
    FakeClock wall = new FakeClock(Instant.parse("2025-06-01T00:00:00Z"));
    Map<String, Long> sent = new LinkedHashMap<>();
    sent.put("ecostream.air.readings", 0L);
    StringWriter err = new StringWriter();
    ProgressReporter progress =
        new ProgressReporter(
            wall, Duration.ofSeconds(10), Simulations.BEIJING, () -> sent, new PrintWriter(err));

    for (int hour = 1; hour <= 25; hour++) {
      wall.advance(Duration.ofSeconds(1));
      sent.put("ecostream.air.readings", hour * 71L);
      progress.hourDone(Simulations.beijing(2024, 1, 1, 0, 0).plusSeconds(3600L * hour), hour);
    }

    assertThat(err.toString().lines())
        .containsExactly(
            "simulated up to 2024-01-01 10:00 (10 h) | sent ecostream.air.readings 710 | 71"
                + " records/s",
            "simulated up to 2024-01-01 20:00 (20 h) | sent ecostream.air.readings 1,420 | 71"
                + " records/s");
  }
}
