package io.ecostream.producer.replay;

import io.ecostream.producer.SimulationResult.StopReason;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a replay did.
 *
 * @param stationsSent ids of the stations whose metadata was sent, in order
 * @param readingsSent readings (or water samples) handed to the sink
 * @param firstHourStart event time of the first record sent: hourStart, for water sampledAt
 * @param lastHourStart event time of the last record sent
 * @param outsidePeriod readings read but left out by --from/--to
 * @param outOfOrder readings earlier than the one before them in the same file; they are sent, in
 *     file order, and the pipeline treats them as late data
 * @param badLinesByReason lines skipped because they could not be read
 * @param badLineExamples the first of those lines, with file and line number
 * @param skipped records read and left out on purpose, by what they were ({@link
 *     ReplayReader#skipped()}): the records of other topics in an ndjson recording, tombstones
 */
public record ReplaySummary(
    List<FileSummary> files,
    List<String> stationsSent,
    long readingsSent,
    Optional<Instant> firstHourStart,
    Optional<Instant> lastHourStart,
    long outsidePeriod,
    long outOfOrder,
    Map<BadLineReason, Long> badLinesByReason,
    List<BadLine> badLineExamples,
    StopReason stopReason,
    Map<String, Long> skipped) {

  public ReplaySummary {
    files = List.copyOf(files);
    stationsSent = List.copyOf(stationsSent);
    badLineExamples = List.copyOf(badLineExamples);
    skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
  }

  /** A summary of formats that skip nothing on purpose. */
  public ReplaySummary(
      List<FileSummary> files,
      List<String> stationsSent,
      long readingsSent,
      Optional<Instant> firstHourStart,
      Optional<Instant> lastHourStart,
      long outsidePeriod,
      long outOfOrder,
      Map<BadLineReason, Long> badLinesByReason,
      List<BadLine> badLineExamples,
      StopReason stopReason) {
    this(
        files,
        stationsSent,
        readingsSent,
        firstHourStart,
        lastHourStart,
        outsidePeriod,
        outOfOrder,
        badLinesByReason,
        badLineExamples,
        stopReason,
        Map.of());
  }

  public long badLines() {
    return badLinesByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * One input file.
   *
   * @param readings readings read from the file, in or out of the period
   * @param readingsPerStation the same per station id, in order of first appearance
   * @param firstHourStart earliest hourStart read
   * @param lastHourStart latest hourStart read
   */
  public record FileSummary(
      Path file,
      long readings,
      Map<String, Long> readingsPerStation,
      Optional<Instant> firstHourStart,
      Optional<Instant> lastHourStart,
      long badLines) {

    public FileSummary {
      readingsPerStation = Collections.unmodifiableMap(new LinkedHashMap<>(readingsPerStation));
    }
  }
}
