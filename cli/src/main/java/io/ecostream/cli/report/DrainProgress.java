package io.ecostream.cli.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;

/**
 * Says, at most once an interval, how far the streams application got while a replay waits for it:
 * {@code processed 3,204,112 of 5,933,997 input records (54 %), 41,200/s}. The first check prints
 * nothing: a short wait stays silent.
 */
public final class DrainProgress {

  private final PrintWriter err;
  private final InstantSource clock;
  private final Duration interval;
  private Instant lastPrint;
  private long lastProcessed = -1;

  public DrainProgress(PrintWriter err, InstantSource clock, Duration interval) {
    this.err = err;
    this.clock = clock;
    this.interval = interval;
  }

  public void report(PipelineDrain.Progress progress) {
    Instant now = clock.instant();
    if (lastPrint == null) {
      lastPrint = now;
      lastProcessed = progress.inputProcessed();
      return;
    }
    Duration since = Duration.between(lastPrint, now);
    if (since.compareTo(interval) < 0) {
      return;
    }
    double rate = (progress.inputProcessed() - lastProcessed) / (since.toMillis() / 1000.0);
    err.println(
        String.format(
            Locale.ROOT,
            "ecostream replay: processed %,d of %,d input records (%.0f %%), %,.0f/s",
            progress.inputProcessed(),
            progress.inputTotal(),
            progress.fraction() * 100,
            rate));
    err.flush();
    lastPrint = now;
    lastProcessed = progress.inputProcessed();
  }
}
