package io.ecostream.producer.cli;

import io.ecostream.producer.replay.ReplaySettings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

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
   * The reason not to replay, if there is one.
   *
   * @param start the event time of the replay's first reading
   */
  static Optional<String> problem(Admin admin, String topic, Instant start, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Optional<Instant> newest = newest(admin, topic, timeout);
    if (newest.isEmpty() || !start.isBefore(newest.get().minus(RUN_LATE_GRACE))) {
      return Optional.empty();
    }
    String prefix = topic.substring(0, topic.length() - ".air.readings".length());
    return Optional.of(
        String.format(
            "%s already holds readings up to %s (+08:00) and this replay starts at %s: a streams app that"
                + " has read them dead-letters, as late, readings more than %d h older than the newest of"
                + " their partition, so this replay would mostly end in %s.dead-letters. To replay older"
                + " data, replay into a deployment of its own (another --topic-prefix, with run"
                + " --topic-prefix and --application-id to match), or reprocess from the start (run --reset,"
                + " docs/reprocessing.md). --allow-older sends it anyway.",
            topic,
            LOCAL.format(newest.get()),
            LOCAL.format(start),
            RUN_LATE_GRACE.toHours(),
            prefix));
  }

  /** The newest record timestamp on the topic, empty when it holds no record. */
  static Optional<Instant> newest(Admin admin, String topic, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    for (TopicPartitionInfo partition :
        admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .get(topic)
            .partitions()) {
      partitions.put(new TopicPartition(topic, partition.partition()), OffsetSpec.maxTimestamp());
    }
    Optional<Instant> newest = Optional.empty();
    for (ListOffsetsResultInfo info :
        admin
            .listOffsets(partitions)
            .all()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .values()) {
      // An empty partition answers offset -1 and timestamp -1.
      if (info.offset() >= 0 && info.timestamp() >= 0) {
        Instant time = Instant.ofEpochMilli(info.timestamp());
        if (newest.isEmpty() || time.isAfter(newest.get())) {
          newest = Optional.of(time);
        }
      }
    }
    return newest;
  }
}
