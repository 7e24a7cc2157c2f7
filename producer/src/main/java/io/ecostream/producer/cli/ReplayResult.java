package io.ecostream.producer.cli;

import io.ecostream.producer.replay.ReplaySummary;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@code replay} to Kafka went.
 *
 * @param summary what the replay read and handed over; empty if it failed before the end
 * @param sentPerTopic records acknowledged by Kafka, per topic name
 * @param error why the replay failed (a send or a file could not be read)
 * @param elapsed wall time of the replay, from the first record to the producer closed
 */
public record ReplayResult(
    Optional<ReplaySummary> summary,
    Map<String, Long> sentPerTopic,
    Optional<String> error,
    Duration elapsed) {

  public ReplayResult {
    sentPerTopic = Collections.unmodifiableMap(new LinkedHashMap<>(sentPerTopic));
  }

  /** Lines skipped because they could not be read. */
  public long badLines() {
    return summary.map(ReplaySummary::badLines).orElse(0L);
  }
}
