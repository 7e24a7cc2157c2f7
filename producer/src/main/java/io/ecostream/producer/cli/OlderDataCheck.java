package io.ecostream.producer.cli;

import io.ecostream.producer.replay.ReplaySettings;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.TopicOffsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;

/**
 * Whether a replay's readings are older than what a deployment has taken in already. The streams
 * app dead-letters, as {@code late}, a reading whose hour is more than its late grace behind the
 * newest hour it accepted on the same partition; record timestamps are event times, so the newest
 * timestamp on the input topic tells how far the deployment has got. A replay that starts further
 * back than that would mostly end in the dead letters: it is stopped before it sends anything, with
 * the way out.
 */
public final class OlderDataCheck {

  /** {@code run}'s default {@code --late-grace}. */
  public static final Duration RUN_LATE_GRACE = Duration.ofHours(48);

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ReplaySettings.ZONE);

  private OlderDataCheck() {}

  /**
   * The reason not to replay into these topics, if there is one.
   *
   * @param start the event time of the replay's first reading
   */
  static Optional<String> problem(
      Admin admin, EcostreamTopics topics, Instant start, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    String input = topics.airReadings().name();
    Optional<Instant> newest = newest(admin, input, timeout);
    if (newest.isEmpty() || !start.isBefore(newest.get().minus(RUN_LATE_GRACE))) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "%s already holds readings up to %s (+08:00) and this replay starts at %s: a streams app"
                + " that has read them dead-letters, as late, readings more than %d h older than the"
                + " newest of their partition, so this replay would mostly end in %s. To replay older"
                + " data, replay into a deployment of its own (another --topic-prefix, with run"
                + " --topic-prefix and --application-id to match), or reprocess from the start (run"
                + " --reset, docs/reprocessing.md). --allow-older sends it anyway.",
            input,
            LOCAL.format(newest.get()),
            LOCAL.format(start),
            RUN_LATE_GRACE.toHours(),
            topics.deadLetters().name()));
  }

  /** The newest record timestamp on the topic, empty when it holds no record. */
  private static Optional<Instant> newest(Admin admin, String topic, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    return TopicOffsets.of(
            admin, List.of(topic), OffsetSpec.maxTimestamp(), new ListOffsetsOptions(), timeout)
        .values()
        .stream()
        .filter(info -> info.offset() >= 0 && info.timestamp() >= 0)
        .map(info -> Instant.ofEpochMilli(info.timestamp()))
        .max(Instant::compareTo);
  }
}
