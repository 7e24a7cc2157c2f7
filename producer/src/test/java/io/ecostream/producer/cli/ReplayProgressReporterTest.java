package io.ecostream.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.producer.fixtures.FakeClock;
import io.ecostream.producer.replay.ReplayListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayProgressReporterTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final FakeClock wall = new FakeClock(Instant.parse("2025-06-01T08:00:00Z"));
  private final Map<String, Long> sent = new LinkedHashMap<>();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldPrintAtMostOneLinePerIntervalWithRateShareAndTimeLeft() {
    ReplayProgressReporter reporter = reporter(false);
    sent.put("ecostream.stations", 12L);
    sent.put("ecostream.air.readings", 0L);

    wall.advance(Duration.ofSeconds(5));
    reporter.progress(at("2013-03-01T00:00:00Z", 0.1));
    sent.put("ecostream.air.readings", 100_000L);
    wall.advance(Duration.ofSeconds(5));
    reporter.progress(at("2013-06-01T00:00:00Z", 0.25));

    assertThat(err.toString())
        .isEqualTo(
            "replayed up to 2013-06-01 08:00 | sent ecostream.stations 12, ecostream.air.readings"
                + " 100,000 | 10,001 records/s | 25 % of input, ETA 30s"
                + System.lineSeparator());
  }

  @Test
  void shouldRewriteOneLineOnATerminalAndEndItWhenDone() {
    ReplayProgressReporter reporter = reporter(true);
    sent.put("ecostream.air.readings", 10L);

    wall.advance(Duration.ofSeconds(10));
    reporter.progress(at("2013-03-01T00:00:00Z", 0.5));
    wall.advance(Duration.ofSeconds(10));
    reporter.progress(at("2013-03-02T00:00:00Z", 1.0));
    reporter.finish();

    String first =
        "replayed up to 2013-03-01 08:00 | sent ecostream.air.readings 10 | 1 records/s |"
            + " 50 % of input, ETA 10s";
    String last =
        "replayed up to 2013-03-02 08:00 | sent ecostream.air.readings 10 | 0 records/s |"
            + " 100 % of input";
    assertThat(err.toString())
        .isEqualTo(
            "\r"
                + first
                + "\r"
                + last
                + " ".repeat(first.length() - last.length())
                + System.lineSeparator());
  }

  @Test
  void shouldGiveTimeLeftInHoursMinutesOrSeconds() {
    assertThat(ReplayProgressReporter.eta(Duration.ofMinutes(30), 0.2)).isEqualTo(", ETA 2h 00m");
    assertThat(ReplayProgressReporter.eta(Duration.ofSeconds(65), 0.5)).isEqualTo(", ETA 1m 05s");
    assertThat(ReplayProgressReporter.eta(Duration.ofSeconds(65), 0)).isEmpty();
  }

  private ReplayProgressReporter reporter(boolean terminal) {
    return new ReplayProgressReporter(
        wall, Duration.ofSeconds(10), BEIJING, () -> sent, new PrintWriter(err), terminal);
  }

  private static ReplayListener.Progress at(String eventTime, double fraction) {
    return new ReplayListener.Progress() {
      @Override
      public Instant eventTimeReached() {
        return Instant.parse(eventTime);
      }

      @Override
      public long readingsSent() {
        return 0;
      }

      @Override
      public double inputFraction() {
        return fraction;
      }
    };
  }
}
