package io.ecostream.producer.cli;

import io.ecostream.producer.replay.ReplayListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints the progress of a replay at most every interval: event time reached, records sent, rate,
 * share of the input read and the time left at the rate so far. On a terminal it keeps rewriting
 * one line instead of adding lines.
 */
final class ReplayProgressReporter implements ReplayListener {

  private final Clock clock;
  private final Duration interval;
  private final ZoneId zone;
  private final Supplier<Map<String, Long>> sentPerTopic;
  private final PrintWriter err;
  private final boolean terminal;
  private final Instant started;
  private Instant lastPrint;
  private long lastTotal;
  private int lastLength;

  ReplayProgressReporter(
      Clock clock,
      Duration interval,
      ZoneId zone,
      Supplier<Map<String, Long>> sentPerTopic,
      PrintWriter err,
      boolean terminal) {
    this.clock = clock;
    this.interval = interval;
    this.zone = zone;
    this.sentPerTopic = sentPerTopic;
    this.err = err;
    this.terminal = terminal;
    this.started = clock.instant();
    this.lastPrint = started;
  }

  @Override
  public void progress(Progress progress) {
    Instant now = clock.instant();
    Duration sinceLast = Duration.between(lastPrint, now);
    if (sinceLast.compareTo(interval) < 0) {
      return;
    }
    Map<String, Long> sent = sentPerTopic.get();
    long total = sent.values().stream().mapToLong(Long::longValue).sum();
    double fraction = progress.inputFraction();
    String line =
        String.format(
            Locale.ROOT,
            "replayed up to %s | sent %s | %s records/s | %.0f %% of input%s",
            ProgressReporter.LOCAL_TIME.format(progress.eventTimeReached().atZone(zone)),
            ProgressReporter.describe(sent),
            ProgressReporter.rate(total - lastTotal, sinceLast),
            fraction * 100,
            eta(Duration.between(started, now), fraction));
    if (terminal) {
      err.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
    } else {
      err.println(line);
    }
    err.flush();
    lastPrint = now;
    lastTotal = total;
  }

  /** Ends the rewritten line on a terminal, so that what follows starts on a line of its own. */
  void finish() {
    if (terminal && lastLength > 0) {
      err.println();
      err.flush();
      lastLength = 0;
    }
  }

  static String eta(Duration elapsed, double fraction) {
    if (fraction <= 0 || fraction >= 1) {
      return "";
    }
    long seconds = Math.round(elapsed.toNanos() / 1e9 * (1 - fraction) / fraction);
    if (seconds >= 3600) {
      return String.format(Locale.ROOT, ", ETA %dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
    if (seconds >= 60) {
      return String.format(Locale.ROOT, ", ETA %dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, ", ETA %ds", seconds);
  }
}
