package io.ecostream.producer.replay;

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
 * Replays files of historical air readings or water samples into a {@link ReadingSink}, event time
 * preserved: first the metadata of every station the files hold, then the records of all files
 * merged in event-time order (a k-way merge of the files, each read as a stream), so that event
 * time advances as it did live. Ties are broken by station id, then by the order of the files: the
 * same files and settings always give the same records in the same order.
 *
 * <p>Paced, the readings of the hour starting at t are handed over once that hour has ended in
 * replayed time, (t + 1 h − t0) / speed after the start, t0 being the first reading's hour: an
 * hourly mean is known only when its hour is over (as in the simulator). A water sample, an
 * instant, is handed over at its sampledAt, (t − t0) / speed after the start ({@link
 * RecordKind#knownAfter()}).
 *
 * <p>Usage: {@code try (Replay replay = Replay.open(settings)) { summary = replay.run(sink); }}, or
 * {@link #run(ReplaySettings, ReadingSink)} in one call. Single use.
 */
public final class Replay implements Closeable {

  /** Event-time order; station id, then file order, make it total. */
  private static final Comparator<Cursor<?>> ORDER =
      Comparator.comparing((Cursor<?> c) -> c.time())
          .thenComparing(Cursor::stationId)
          .thenComparingInt(c -> c.index);

  private final ReplaySettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final BadLines badLines = new BadLines();
  private final Map<String, Station> stations = new LinkedHashMap<>();
  private final List<Cursor<?>> cursors = new ArrayList<>();
  private final PriorityQueue<Cursor<?>> heads = new PriorityQueue<>(ORDER);
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
        ReplayReader<?> reader =
            withFileName(file, () -> settings.format().openReader(file, badLines));
        Cursor<?> cursor = cursor(cursors.size(), reader, settings.format().recordKind());
        cursors.add(cursor);
        if (cursor.advance()) {
          heads.add(cursor);
        }
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(e);
      throw e;
    }
    this.start = heads.isEmpty() ? Optional.empty() : Optional.of(heads.peek().time());
  }

  @SuppressWarnings("unchecked") // the format's readers read records of its kind
  private <T> Cursor<T> cursor(int index, ReplayReader<?> reader, RecordKind<T> kind) {
    return new Cursor<>(index, (ReplayReader<T>) reader, kind);
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
   * Event time (hourStart, sampledAt) of the first record that will be sent, if any. Station
   * metadata stamped with it is older than every reading it describes.
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
    Instant currentTime = null;
    Instant lastKnown = null;
    StopReason reason = StopReason.END;
    boolean interrupted = false;
    try {
      while (!heads.isEmpty()) {
        if (stopRequested) {
          reason = StopReason.STOPPED;
          break;
        }
        Cursor<?> cursor = heads.peek();
        Instant time = cursor.time();
        if (!time.equals(currentTime)) {
          if (lastKnown != null) {
            progress.done(lastKnown);
            listener.progress(progress);
          }
          if (paced) {
            Duration due = Duration.between(start.orElseThrow(), cursor.knownAt());
            Optional<StopReason> stopped = pacer.awaitSimulated(due, () -> stopRequested);
            if (stopped.isPresent()) {
              reason = stopped.get();
              break;
            }
          }
          currentTime = time;
        }
        heads.poll();
        // A recording of readings alone (ndjson) has no metadata for their stations.
        Station metadata = cursor.reader.stations().get(cursor.stationId());
        if (metadata != null && sent.add(cursor.stationId())) {
          sink.station(metadata);
        }
        cursor.send(sink);
        Instant known = cursor.knownAt();
        lastKnown = lastKnown == null || known.isAfter(lastKnown) ? known : lastKnown;
        progress.readings++;
        progress.stations = sent.size();
        first = first == null || time.isBefore(first) ? time : first;
        progress.first = first;
        last = last == null || time.isAfter(last) ? time : last;
        if (cursor.advance()) {
          heads.add(cursor);
        }
      }
      if (reason == StopReason.END && lastKnown != null) {
        progress.done(lastKnown);
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
        cursors.stream().map(c -> c.summary()).toList(),
        List.copyOf(sent),
        progress.readings,
        Optional.ofNullable(first),
        Optional.ofNullable(last),
        cursors.stream().mapToLong(c -> c.outsidePeriod).sum(),
        cursors.stream().mapToLong(c -> c.outOfOrder).sum(),
        badLines.byReason(),
        badLines.examples(),
        reason,
        skipped());
  }

  /** What the readers left out on purpose, summed over the files, in order of first appearance. */
  private Map<String, Long> skipped() {
    Map<String, Long> skipped = new LinkedHashMap<>();
    for (Cursor<?> cursor : cursors) {
      cursor.reader.skipped().forEach((what, count) -> skipped.merge(what, count, Long::sum));
    }
    return skipped;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Cursor<?> cursor : cursors) {
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
    private Instant first;
    private int stations;
    private long readings;
    private long bytesAtStart;

    /** All records known up to this instant have been handed over. */
    void done(Instant known) {
      if (reached == null || known.isAfter(reached)) {
        reached = known;
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

    @Override
    public Instant firstEventTime() {
      return first;
    }

    @Override
    public int stationsSent() {
      return stations;
    }

    /**
     * Measured from where the run started: opening may already have read much of the input (all of
     * it before --from), and that part costs the run no time.
     */
    @Override
    public double inputFraction() {
      long total = 0;
      for (Cursor<?> cursor : cursors) {
        total += cursor.reader.fileSize();
      }
      long left = total - bytesAtStart;
      return left <= 0 ? 1 : Math.min(1, (double) (bytesRead() - bytesAtStart) / left);
    }

    long bytesRead() {
      long read = 0;
      for (Cursor<?> cursor : cursors) {
        read += cursor.reader.bytesRead();
      }
      return read;
    }
  }

  /**
   * One file being read: its next record in the period, and what was read so far. The records of
   * one event time that follow each other in the file are served in station-id order, so that the
   * merge orders ties by station id within a file as well as across files.
   */
  private final class Cursor<T> {
    final int index;
    final ReplayReader<T> reader;
    final RecordKind<T> kind;
    final Optional<Instant> from = settings.fromInstant();
    final Optional<Instant> to = settings.toInstant();
    final Map<String, Long> perStation = new LinkedHashMap<>();
    final List<T> hourBatch = new ArrayList<>();
    int served;
    T lookahead;
    boolean ended;
    T head;
    long readings;
    long outsidePeriod;
    long outOfOrder;
    Instant first;
    Instant last;
    Instant previous;

    Cursor(int index, ReplayReader<T> reader, RecordKind<T> kind) {
      this.index = index;
      this.reader = reader;
      this.kind = kind;
    }

    Instant time() {
      return kind.eventTime().apply(head);
    }

    String stationId() {
      return kind.stationId().apply(head);
    }

    /** When the head record is known: the end of its hour, or the sample's instant. */
    Instant knownAt() {
      return kind.knownAt(head);
    }

    void send(ReadingSink sink) {
      kind.send().accept(sink, head);
    }

    /** Moves to the next record of the file inside the period; false at the end. */
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

    /** The records of the period that follow in the file with the same event time, sorted. */
    private void readHourBatch() throws IOException {
      hourBatch.clear();
      served = 0;
      while (!ended) {
        T record = lookahead != null ? lookahead : nextInPeriod();
        lookahead = null;
        if (record == null) {
          ended = true;
        } else if (hourBatch.isEmpty()
            || kind.eventTime().apply(record).equals(kind.eventTime().apply(hourBatch.get(0)))) {
          hourBatch.add(record);
        } else {
          lookahead = record;
          break;
        }
      }
      if (hourBatch.size() > 1) {
        hourBatch.sort(Comparator.comparing(kind.stationId()));
      }
    }

    private T nextInPeriod() throws IOException {
      T record;
      while ((record = withFileName(reader.file(), reader::next)) != null) {
        Instant hour = kind.eventTime().apply(record);
        readings++;
        perStation.merge(kind.stationId().apply(record), 1L, Long::sum);
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
        return record;
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
