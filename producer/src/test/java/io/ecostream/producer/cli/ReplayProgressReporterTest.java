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
  void shouldRewriteOneShortLineWithABarOnATerminalAndEndItWhenDone() {
    ReplayProgressReporter reporter = reporter(true);
    sent.put("ecostream.stations", 2L);
    sent.put("ecostream.air.readings", 8L);

    wall.advance(Duration.ofSeconds(10));
    reporter.progress(at("2013-03-01T00:00:00Z", 0.5));
    sent.put("ecostream.air.readings", 12_008L);
    wall.advance(Duration.ofSeconds(10));
    reporter.progress(at("2013-03-02T00:00:00Z", 1.0));
    reporter.finish();

    String first =
        "[##########----------]  50 % | up to 2013-03-01 08:00 | 10 records | 1 records/s | ETA 10s";
    String last =
        "[####################] 100 % | up to 2013-03-02 08:00 | 12,010 records | 1,200 records/s";
    assertThat(err.toString())
        .isEqualTo(
            "\r"
                + first
                + "\r"
                + last
                + " ".repeat(Math.max(0, first.length() - last.length()))
                + System.lineSeparator());
  }

  @Test
  void shouldShowWhereTheReplayEndedOnATerminalEvenWithinTheInterval() {
    ReplayProgressReporter reporter = reporter(true);
    sent.put("ecostream.air.readings", 30L);

    wall.advance(Duration.ofSeconds(10));
    reporter.progress(at("2013-03-01T00:00:00Z", 0.25));
    wall.advance(Duration.ofSeconds(2));
    reporter.progress(at("2013-03-01T03:00:00Z", 1.0));
    reporter.finish();

    String output = err.toString();
    assertThat(output.substring(output.lastIndexOf('\r') + 1))
        .startsWith(
            "[####################] 100 % | up to 2013-03-01 11:00 | 30 records | 0 records/s")
        .endsWith(System.lineSeparator());
  }

  @Test
  void shouldNotRewriteOrDrawABarWhenNotATerminal() {
    ReplayProgressReporter reporter = reporter(false);
    sent.put("ecostream.air.readings", 30L);

    wall.advance(Duration.ofSeconds(10));
    reporter.progress(at("2013-03-01T00:00:00Z", 0.25));
    wall.advance(Duration.ofSeconds(2));
    reporter.progress(at("2013-03-01T03:00:00Z", 1.0));
    reporter.finish();

    assertThat(err.toString().lines())
        .containsExactly(
            "replayed up to 2013-03-01 08:00 | sent ecostream.air.readings 30 | 3 records/s | 25 %"
                + " of input, ETA 30s");
  }

  @Test
  void shouldCountTheDaysReplayedAndTheStationsSent() {
    ReplayProgressReporter reporter = reporter(false);
    sent.put("ecostream.air.readings", 30L);
    Instant firstHour = Instant.parse("2021-12-31T16:00:00Z"); // 2022-01-01 00:00 in Beijing

    wall.advance(Duration.ofSeconds(10));
    // the hour 2022-06-01 12:00-13:00 done: 1 January is day 1, 1 June day 31+28+31+30+31+1 = 152
    reporter.progress(at("2022-06-01T05:00:00Z", 0.25, firstHour, 344));
    wall.advance(Duration.ofSeconds(10));
    // the hour 23:00-24:00 of 1 June done: its end, midnight, is still day 152
    reporter.progress(at("2022-06-01T16:00:00Z", 0.5, firstHour, 344));

    assertThat(err.toString().lines())
        .extracting(line -> line.substring(0, line.indexOf(" | ")))
        .containsExactly(
            "replayed up to 2022-06-01 13:00 (day 152, 344 stations)",
            "replayed up to 2022-06-02 00:00 (day 152, 344 stations)");
  }

  @Test
  void shouldFillTheBarInWholeCellsRoundedDown() {
    assertThat(ReplayProgressReporter.bar(0)).isEqualTo("[--------------------]");
    assertThat(ReplayProgressReporter.bar(0.099)).isEqualTo("[#-------------------]");
    assertThat(ReplayProgressReporter.bar(0.999)).isEqualTo("[###################-]");
    assertThat(ReplayProgressReporter.bar(1.5)).isEqualTo("[####################]");
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

  private static ReplayListener.Progress at(
      String eventTime, double fraction, Instant first, int stations) {
    ReplayListener.Progress at = at(eventTime, fraction);
    return new ReplayListener.Progress() {
      @Override
      public Instant eventTimeReached() {
        return at.eventTimeReached();
      }

      @Override
      public long readingsSent() {
        return 0;
      }

      @Override
      public double inputFraction() {
        return fraction;
      }

      @Override
      public Instant firstEventTime() {
        return first;
      }

      @Override
      public int stationsSent() {
        return stations;
      }
    };
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
