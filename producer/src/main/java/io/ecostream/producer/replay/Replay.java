package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.producer.Pacer;
import io.ecostream.producer.ReadingSink;
import io.ecostream.producer.SimulationResult.StopReason;
import io.ecostream.producer.Sleeper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Replays files of historical air readings into a {@link ReadingSink}, event time preserved: first
 * the metadata of every station the files hold, then the readings of all files merged in event-time
 * order (a k-way merge of the files, each read as a stream), so that event time advances as it did
 * live. Ties are broken by station id, then by the order of the files: the same files and settings
 * always give the same records in the same order.
 *
 * <p>Paced, the readings of the hour starting at t are handed over once that hour has ended in
 * replayed time, (t + 1 h − t0) / speed after the start, t0 being the first reading's hour: an
 * hourly mean is known only when its hour is over (as in the simulator).
 *
 * <p>Usage: {@code try (Replay replay = Replay.open(settings)) { summary = replay.run(sink); }}, or
 * {@link #run(ReplaySettings, ReadingSink)} in one call. Single use.
 */
public final class Replay implements Closeable {

  private static final Duration ONE_HOUR = Duration.ofHours(1);

  /** Event-time order; station id, then file order, make it total. */
  private static final Comparator<Cursor> ORDER =
      Comparator.comparing((Cursor c) -> c.head.getHourStart())
          .thenComparing(c -> c.head.getStationId())
          .thenComparingInt(c -> c.index);

  private final ReplaySettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final BadLines badLines = new BadLines();
  private final Map<String, Station> stations = new LinkedHashMap<>();
  private final List<Cursor> cursors = new ArrayList<>();
  private final PriorityQueue<Cursor> heads = new PriorityQueue<>(ORDER);
  private final Optional<Instant> start;
  private final Progress progress = new Progress();
  private volatile boolean stopRequested;
  private boolean ran;

  private Replay(ReplaySettings settings, Clock clock, Sleeper sleeper) throws IOException {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    try {
      for (Path file : settings.files()) {
        withFileName(file, () -> settings.format().scanStations(file))
            .forEach(stations::putIfAbsent);
      }
      for (Path file : settings.files()) {
        AirReadingReader reader = withFileName(file, () -> settings.format().open(file, badLines));
        Cursor cursor = new Cursor(cursors.size(), reader);
        cursors.add(cursor);
        if (cursor.advance()) {
          heads.add(cursor);
        }
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(e);
      throw e;
    }
    this.start = heads.isEmpty() ? Optional.empty() : Optional.of(heads.peek().head.getHourStart());
  }

  /**
   * Opens the files and reads their stations; paced (if at all) on the system clock.
   *
   * @throws ReplayFileException if a file is not in the settings' format
   */
  public static Replay open(ReplaySettings settings) throws IOException {
    return open(settings, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /**
   * @param clock the wall clock pacing measures against
   * @param sleeper how pacing waits
   * @throws ReplayFileException if a file is not in the settings' format
   */
  public static Replay open(ReplaySettings settings, Clock clock, Sleeper sleeper)
      throws IOException {
    return new Replay(settings, clock, sleeper);
  }

  /** Opens, runs and closes: the whole replay in one call. */
  public static ReplaySummary run(ReplaySettings settings, ReadingSink sink) throws IOException {
    try (Replay replay = open(settings)) {
      return replay.run(sink);
    }
  }

  public ReplaySettings settings() {
    return settings;
  }

  /** The stations found before the replay, sent first; in order of the files. */
  public List<Station> stations() {
    return List.copyOf(stations.values());
  }

  /**
   * hourStart of the first reading that will be sent, if any. Station metadata stamped with it is
   * older than every reading it describes.
   */
  public Optional<Instant> start() {
    return start;
  }

  /** Asks a running replay to stop before its next reading; safe from any thread. */
  public void stop() {
    stopRequested = true;
  }

  /** {@link #run(ReadingSink, ReplayListener)} without a listener. */
  public ReplaySummary run(ReadingSink sink) throws IOException {
    return run(sink, ReplayListener.NONE);
  }

  /**
   * Sends the station metadata, then the readings, then flushes the sink. Exceptions of the sink
   * propagate.
   *
   * @param listener told each time event time moves on to a new hour
   * @throws IOException if a file cannot be read on (not a bad line: a broken file)
   */
  public ReplaySummary run(ReadingSink sink, ReplayListener listener) throws IOException {
    if (ran) {
      throw new IllegalStateException("a replay runs once");
    }
    ran = true;
    Set<String> sent = new LinkedHashSet<>();
    for (Station station : stations.values()) {
      sink.station(station);
      sent.add(station.getStationId());
    }
    sink.flush();

    progress.bytesAtStart = progress.bytesRead();
    Pacer pacer = new Pacer(settings.pacing(), clock, sleeper, Optional.empty());
    pacer.start();
    boolean paced = settings.pacing().isPaced();
    Instant first = null;
    Instant last = null;
    Instant currentHour = null;
    StopReason reason = StopReason.END;
    boolean interrupted = false;
    try {
      while (!heads.isEmpty()) {
        if (stopRequested) {
          reason = StopReason.STOPPED;
          break;
        }
        Cursor cursor = heads.peek();
        AirReading reading = cursor.head;
        Instant hour = reading.getHourStart();
        if (!hour.equals(currentHour)) {
          if (currentHour != null) {
            progress.hourDone(currentHour);
            listener.progress(progress);
          }
          if (paced) {
            Duration due = Duration.between(start.orElseThrow(), hour.plus(ONE_HOUR));
            Optional<StopReason> stopped = pacer.awaitSimulated(due, () -> stopRequested);
            if (stopped.isPresent()) {
              reason = stopped.get();
              break;
            }
          }
          currentHour = hour;
        }
        heads.poll();
        if (sent.add(reading.getStationId())) {
          sink.station(cursor.reader.stations().get(reading.getStationId()));
        }
        sink.air(reading);
        progress.readings++;
        first = first == null || hour.isBefore(first) ? hour : first;
        last = last == null || hour.isAfter(last) ? hour : last;
        if (cursor.advance()) {
          heads.add(cursor);
        }
      }
      if (reason == StopReason.END && currentHour != null) {
        progress.hourDone(currentHour);
        listener.progress(progress);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      reason = StopReason.STOPPED;
    }
    try {
      sink.flush();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return new ReplaySummary(
        cursors.stream().map(Cursor::summary).toList(),
        List.copyOf(sent),
        progress.readings,
        Optional.ofNullable(first),
        Optional.ofNullable(last),
        cursors.stream().mapToLong(c -> c.outsidePeriod).sum(),
        cursors.stream().mapToLong(c -> c.outOfOrder).sum(),
        badLines.byReason(),
        badLines.examples(),
        reason);
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Cursor cursor : cursors) {
      try {
        cursor.reader.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** An I/O error that names the file, unless it already does. */
  private static <T> T withFileName(Path file, IoAction<T> action) throws IOException {
    try {
      return action.run();
    } catch (ReplayFileException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface IoAction<T> {
    T run() throws IOException;
  }

  private void closeQuietly(Exception cause) {
    try {
      close();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  private final class Progress implements ReplayListener.Progress {
    private Instant reached;
    private long readings;
    private long bytesAtStart;

    void hourDone(Instant hourStart) {
      Instant end = hourStart.plus(ONE_HOUR);
      if (reached == null || end.isAfter(reached)) {
        reached = end;
      }
    }

    @Override
    public Instant eventTimeReached() {
      return reached;
    }

    @Override
    public long readingsSent() {
      return readings;
    }

    /**
     * Measured from where the run started: opening may already have read much of the input (all
     * of it before --from), and that part costs the run no time.
     */
    @Override
    public double inputFraction() {
      long total = 0;
      for (Cursor cursor : cursors) {
        total += cursor.reader.fileSize();
      }
      long left = total - bytesAtStart;
      return left <= 0 ? 1 : Math.min(1, (double) (bytesRead() - bytesAtStart) / left);
    }

    long bytesRead() {
      long read = 0;
      for (Cursor cursor : cursors) {
        read += cursor.reader.bytesRead();
      }
      return read;
    }
  }

  /**
   * One file being read: its next reading in the period, and what was read so far. The readings of
   * one hour that follow each other in the file are served in station-id order, so that the merge
   * orders ties by station id within a file as well as across files.
   */
  private final class Cursor {
    final int index;
    final AirReadingReader reader;
    final Optional<Instant> from = settings.fromInstant();
    final Optional<Instant> to = settings.toInstant();
    final Map<String, Long> perStation = new LinkedHashMap<>();
    final List<AirReading> hourBatch = new ArrayList<>();
    int served;
    AirReading lookahead;
    boolean ended;
    AirReading head;
    long readings;
    long outsidePeriod;
    long outOfOrder;
    Instant first;
    Instant last;
    Instant previous;

    Cursor(int index, AirReadingReader reader) {
      this.index = index;
      this.reader = reader;
    }

    /** Moves to the next reading of the file inside the period; false at the end. */
    boolean advance() throws IOException {
      if (served == hourBatch.size()) {
        readHourBatch();
      }
      if (served == hourBatch.size()) {
        head = null;
        return false;
      }
      head = hourBatch.get(served++);
      return true;
    }

    /** The readings of the period that follow in the file with the same hourStart, sorted. */
    private void readHourBatch() throws IOException {
      hourBatch.clear();
      served = 0;
      while (!ended) {
        AirReading reading = lookahead != null ? lookahead : nextInPeriod();
        lookahead = null;
        if (reading == null) {
          ended = true;
        } else if (hourBatch.isEmpty()
            || reading.getHourStart().equals(hourBatch.get(0).getHourStart())) {
          hourBatch.add(reading);
        } else {
          lookahead = reading;
          break;
        }
      }
      if (hourBatch.size() > 1) {
        hourBatch.sort(Comparator.comparing(AirReading::getStationId));
      }
    }

    private AirReading nextInPeriod() throws IOException {
      AirReading reading;
      while ((reading = withFileName(reader.file(), reader::next)) != null) {
        Instant hour = reading.getHourStart();
        readings++;
        perStation.merge(reading.getStationId(), 1L, Long::sum);
        first = first == null || hour.isBefore(first) ? hour : first;
        last = last == null || hour.isAfter(last) ? hour : last;
        if (previous != null && hour.isBefore(previous)) {
          outOfOrder++;
        }
        previous = hour;
        if (from.isPresent() && hour.isBefore(from.get())
            || to.isPresent() && !hour.isBefore(to.get())) {
          outsidePeriod++;
          continue;
        }
        return reading;
      }
      return null;
    }

    ReplaySummary.FileSummary summary() {
      return new ReplaySummary.FileSummary(
          reader.file(),
          readings,
          perStation,
          Optional.ofNullable(first),
          Optional.ofNullable(last),
          reader.badLines());
    }
  }
}
