package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.replay.CsvReadingReader.BadLineException;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.RecordLine;
import io.ecostream.topics.Topic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * ecostream's own recordings, as {@code ecostream record} writes them: one {@link RecordLine} per
 * line, topics named without their prefix. Lines of {@code air.readings} and {@code water.readings}
 * become records; lines of {@code stations} become station metadata (a later line of a station
 * replaces an earlier one, as compaction would); lines of every other ecostream topic, tombstones
 * and values {@code record} could not decode are left out and counted ({@link #skipped()}). Blank
 * lines are ignored. A line that is not a record line, names no ecostream topic, or whose value
 * does not fit its schema is a bad line.
 */
final class NdjsonReader implements ReplayReader<SpecificRecord> {

  static final String TOMBSTONES = "tombstones";
  static final String UNDECODABLE = "undecodable values";

  /** Relative names are the same for every prefix. */
  private static final EcostreamTopics TOPICS = EcostreamTopics.withDefaultPrefix();

  private final InputFile input;
  private final BadLines badLines;
  private final Map<String, Station> stations = new LinkedHashMap<>();
  private final Map<String, Long> skipped = new LinkedHashMap<>();
  private long bad;

  /** The first line, read to check the file, handed out by the first {@link #next()}. */
  private String pending;

  /**
   * @throws ReplayFileException if the first line that is not blank is no JSON object
   */
  NdjsonReader(InputFile input, BadLines badLines) throws IOException {
    this.input = input;
    this.badLines = badLines;
    String first = input.readLine();
    while (first != null && first.isBlank()) {
      first = input.readLine();
    }
    if (first != null && !first.stripLeading().startsWith("{")) {
      throw new ReplayFileException(
          input.path(), "not an ndjson file: line " + input.lineNumber() + " is not a JSON object");
    }
    this.pending = first;
  }

  @Override
  public SpecificRecord next() throws IOException {
    String line;
    while ((line = nextLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      try {
        SpecificRecord record = record(parse(line));
        if (record != null) {
          return record;
        }
      } catch (BadLineException e) {
        bad++;
        badLines.report(input.path(), input.lineNumber(), e.reason, e.getMessage());
      }
    }
    return null;
  }

  private static RecordLine parse(String line) throws BadLineException {
    try {
      return RecordLine.parse(line);
    } catch (IllegalArgumentException e) {
      throw new BadLineException(BadLineReason.NOT_JSON, e.getMessage());
    }
  }

  private String nextLine() throws IOException {
    if (pending != null) {
      String line = pending;
      pending = null;
      return line;
    }
    return input.readLine();
  }

  /** The record of an input line, or null for a line that is left out or holds a station. */
  private SpecificRecord record(RecordLine line) throws BadLineException {
    Topic<String, ?> topic =
        TOPICS
            .byRelativeName(line.topic())
            .orElseThrow(() -> new BadLineException(BadLineReason.UNKNOWN_TOPIC, line.topic()));
    boolean station = topic.equals(TOPICS.stations());
    if (!station && !topic.equals(TOPICS.airReadings()) && !topic.equals(TOPICS.waterReadings())) {
      skip(line.topic());
      return null;
    }
    if (line.undecodable().isPresent()) {
      skip(UNDECODABLE);
      return null;
    }
    if (line.isTombstone()) {
      skip(TOMBSTONES);
      return null;
    }
    if (station) {
      Station metadata = value(line, Station.class);
      stations.put(metadata.getStationId(), metadata);
      return null;
    }
    return topic.equals(TOPICS.airReadings())
        ? value(line, AirReading.class)
        : value(line, WaterSample.class);
  }

  private static <T extends SpecificRecord> T value(RecordLine line, Class<T> type)
      throws BadLineException {
    try {
      Optional<T> value = line.valueAs(type);
      return value.orElseThrow();
    } catch (IllegalArgumentException e) {
      throw new BadLineException(BadLineReason.BAD_VALUE, e.getMessage());
    }
  }

  private void skip(String what) {
    skipped.merge(what, 1L, Long::sum);
  }

  @Override
  public Path file() {
    return input.path();
  }

  @Override
  public Map<String, Station> stations() {
    return Collections.unmodifiableMap(stations);
  }

  @Override
  public long badLines() {
    return bad;
  }

  @Override
  public Map<String, Long> skipped() {
    return Collections.unmodifiableMap(skipped);
  }

  @Override
  public long fileSize() {
    return input.size();
  }

  @Override
  public long bytesRead() {
    return input.bytesRead();
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
