package io.ecostream.producer.replay;

import io.ecostream.avro.Station;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Serves a file that is not in time order (one sorted by station, then time) in event-time order,
 * ties by station id: it reads the whole file on the first {@link #next()} and sorts it, so it
 * holds the file in memory (the 188,622 CNEMC water readings need about 100 MB of heap; they replay
 * in -Xmx128m). Progress counts the records served as the share of the file read.
 */
final class TimeSortedReader<T> implements ReplayReader<T> {

  private final ReplayReader<T> file;
  private final Comparator<T> order;
  private List<T> sorted;
  private int served;

  TimeSortedReader(ReplayReader<T> file, RecordKind<T> kind) {
    this.file = file;
    this.order = Comparator.comparing(kind.eventTime()).thenComparing(kind.stationId());
  }

  @Override
  public T next() throws IOException {
    if (sorted == null) {
      sorted = new ArrayList<>();
      T record;
      while ((record = file.next()) != null) {
        sorted.add(record);
      }
      sorted.sort(order);
    }
    return served < sorted.size() ? sorted.get(served++) : null;
  }

  @Override
  public Path file() {
    return file.file();
  }

  @Override
  public Map<String, Station> stations() {
    return file.stations();
  }

  @Override
  public boolean stationsComplete() {
    return file.stationsComplete();
  }

  @Override
  public long badLines() {
    return file.badLines();
  }

  @Override
  public Map<String, Long> skipped() {
    return file.skipped();
  }

  @Override
  public long fileSize() {
    return file.fileSize();
  }

  @Override
  public long bytesRead() {
    if (sorted == null) {
      return file.bytesRead();
    }
    return sorted.isEmpty() ? fileSize() : fileSize() * served / sorted.size();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
