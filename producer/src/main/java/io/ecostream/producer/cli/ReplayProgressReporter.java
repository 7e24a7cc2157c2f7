package io.ecostream.producer.cli;

import io.ecostream.producer.replay.ReplayListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints the progress of a replay at most every interval: event time reached, records sent, rate,
 * share of the input read and the time left at the rate so far. The share and the time left are
 * measured in bytes of the input read, not in event time: files of different stations or periods
 * are read side by side, and bytes also count the lines left out by --from/--to or as bad.
 *
 * <p>On a terminal it keeps rewriting one short line, a progress bar first, instead of adding
 * lines; the per-topic counts are left to the summary, as a line wider than the terminal would wrap
 * and a carriage return would then rewrite only its last row.
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
  private Progress lastSeen;
  private boolean lastSeenPrinted;

  /** Cells of the progress bar on a terminal. */
  static final int BAR_WIDTH = 20;

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
    lastSeen = progress;
    lastSeenPrinted = false;
    Instant now = clock.instant();
    if (Duration.between(lastPrint, now).compareTo(interval) < 0) {
      return;
    }
    print(progress, now);
  }

  private void print(Progress progress, Instant now) {
    Duration sinceLast = Duration.between(lastPrint, now);
    Map<String, Long> sent = sentPerTopic.get();
    long total = sent.values().stream().mapToLong(Long::longValue).sum();
    double fraction = progress.inputFraction();
    String reached =
        ProgressReporter.LOCAL_TIME.format(progress.eventTimeReached().atZone(zone))
            + daysAndStations(progress);
    String rate = ProgressReporter.rate(total - lastTotal, sinceLast);
    String eta = eta(Duration.between(started, now), fraction);
    String line =
        terminal
            ? String.format(
                Locale.ROOT,
                "%s %3.0f %% | up to %s | %,d records | %s records/s%s",
                bar(fraction),
                fraction * 100,
                reached,
                total,
                rate,
                eta.isEmpty() ? "" : " |" + eta.substring(1))
            : String.format(
                Locale.ROOT,
                "replayed up to %s | sent %s | %s records/s | %.0f %% of input%s",
                reached,
                ProgressReporter.describe(sent),
                rate,
                fraction * 100,
                eta);
    if (terminal) {
      err.print('\r' + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
    } else {
      err.println(line);
    }
    err.flush();
    lastPrint = now;
    lastTotal = total;
    lastSeenPrinted = true;
  }

  /**
   * Ends the rewritten line on a terminal, so that what follows starts on a line of its own; it
   * first shows where the replay ended, which the interval may have kept from being printed.
   */
  void finish() {
    if (terminal && lastSeen != null && !lastSeenPrinted) {
      print(lastSeen, clock.instant());
    }
    if (terminal && lastLength > 0) {
      err.println();
      err.flush();
      lastLength = 0;
    }
  }

  /**
   * {@code " (day 152, 344 stations)"}: the days of event time replayed, counting the first, and
   * the stations (in the CNEMC city formats, the cities) sent so far; empty before the first
   * reading.
   */
  private String daysAndStations(ReplayListener.Progress progress) {
    Instant first = progress.firstEventTime();
    if (first == null) {
      return "";
    }
    long day =
        ChronoUnit.DAYS.between(
                first.atZone(zone).toLocalDate(),
                progress.eventTimeReached().minusNanos(1).atZone(zone).toLocalDate())
            + 1;
    return String.format(
        Locale.ROOT, " (day %,d, %,d stations)", Math.max(1, day), progress.stationsSent());
  }

  /** {@code [#########-----------]}: the share done, rounded down to whole cells. */
  static String bar(double fraction) {
    int done = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * BAR_WIDTH);
    return "[" + "#".repeat(done) + "-".repeat(BAR_WIDTH - done) + "]";
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
