package io.ecostream.producer.replay;

import io.ecostream.avro.Station;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads one file of historical records (air readings or water samples) as a stream, without holding
 * the file in memory unless its format needs it. A line that cannot become a record is reported to
 * the {@link BadLines} it was opened with and skipped; values that parse but are implausible
 * (negative, 9999) are passed on as they are, for the pipeline to validate.
 *
 * @param <T> the record type, see {@link RecordKind}
 */
public interface ReplayReader<T> extends Closeable {

  Path file();

  /** The next record, or null at the end of the file. */
  T next() throws IOException;

  /** Metadata of every station seen so far, by station id, in order of first appearance. */
  Map<String, Station> stations();

  /**
   * True if {@link #stations()} holds every station of the file as soon as it is opened (the format
   * comes with a station list), so that finding them needs no reading.
   */
  default boolean stationsComplete() {
    return false;
  }

  /** Lines of this file skipped so far. */
  long badLines();

  /**
   * Records of this file read so far and left out on purpose, not because they could not be read,
   * counted by what they were (ndjson: a topic replay does not write, a tombstone); in order of
   * first appearance.
   */
  default Map<String, Long> skipped() {
    return Map.of();
  }

  /** Size of the file on disk, in bytes. */
  long fileSize();

  /** Bytes of the file read so far (compressed bytes for a gzip file): progress. */
  long bytesRead();
}
