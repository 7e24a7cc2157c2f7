package io.ecostream.producer.cli;

import io.ecostream.producer.ProgressListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Prints one progress line at most every interval of wall-clock time. */
final class ProgressReporter implements ProgressListener {

  static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;
  private final Duration interval;
  private final ZoneId zone;
  private final Supplier<Map<String, Long>> sentPerTopic;
  private final PrintWriter err;
  private Instant lastPrint;
  private long lastTotal;

  ProgressReporter(
      Clock clock,
      Duration interval,
      ZoneId zone,
      Supplier<Map<String, Long>> sentPerTopic,
      PrintWriter err) {
    this.clock = clock;
    this.interval = interval;
    this.zone = zone;
    this.sentPerTopic = sentPerTopic;
    this.err = err;
    this.lastPrint = clock.instant();
  }

  @Override
  public void hourDone(Instant simulatedUpTo, long hoursDone) {
    Instant now = clock.instant();
    Duration elapsed = Duration.between(lastPrint, now);
    if (elapsed.compareTo(interval) < 0) {
      return;
    }
    Map<String, Long> sent = sentPerTopic.get();
    long total = sent.values().stream().mapToLong(Long::longValue).sum();
    err.printf(
        Locale.ROOT,
        "simulated up to %s (%d h) | sent %s | %s records/s%n",
        LOCAL_TIME.format(simulatedUpTo.atZone(zone)),
        hoursDone,
        describe(sent),
        rate(total - lastTotal, elapsed));
    err.flush();
    lastPrint = now;
    lastTotal = total;
  }

  @Override
  public void caughtUpWithClock(Instant nextHourEnd) {
    err.printf(
        Locale.ROOT,
        "caught up with the clock at %s: from now on in real time, each hour sent when it ends"
            + " (next at %s)%n",
        LOCAL_TIME.format(clock.instant().atZone(zone)),
        LOCAL_TIME.format(nextHourEnd.atZone(zone)));
    err.flush();
  }

  static String describe(Map<String, Long> sentPerTopic) {
    StringBuilder text = new StringBuilder();
    sentPerTopic.forEach(
        (topic, count) -> {
          if (text.length() > 0) {
            text.append(", ");
          }
          text.append(topic).append(' ').append(String.format(Locale.ROOT, "%,d", count));
        });
    return text.toString();
  }

  static String rate(long records, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? "-" : String.format(Locale.ROOT, "%,.0f", records / seconds);
  }
}
