package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads one file of historical air readings as a stream, in file order, without holding the file in
 * memory. A line that cannot become a reading is reported to the {@link BadLines} it was opened
 * with and skipped; values that parse but are implausible (negative, 9999) are passed on as they
 * are, for the pipeline to validate.
 */
public interface AirReadingReader extends Closeable {

  Path file();

  /** The next reading, or null at the end of the file. */
  AirReading next() throws IOException;

  /** Metadata of every station seen so far, by station id, in order of first appearance. */
  Map<String, Station> stations();

  /** Lines of this file skipped so far. */
  long badLines();

  /** Size of the file on disk, in bytes. */
  long fileSize();

  /** Bytes of the file read so far (compressed bytes for a gzip file): progress. */
  long bytesRead();
}
