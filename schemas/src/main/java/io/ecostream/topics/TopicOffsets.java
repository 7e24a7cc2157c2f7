package io.ecostream.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** One offset of every partition of some topics: their ends, or where their newest timestamp is. */
public final class TopicOffsets {

  private TopicOffsets() {}

  /**
   * The offset {@code spec} asks for, of every partition of the topics, each call bounded by {@code
   * timeout}. An empty partition answers offset -1 and timestamp -1 to {@link
   * OffsetSpec#maxTimestamp()}.
   */
  public static Map<TopicPartition, ListOffsetsResultInfo> of(
      Admin admin,
      Collection<String> topics,
      OffsetSpec spec,
      ListOffsetsOptions options,
      Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(p -> partitions.put(new TopicPartition(topic, p.partition()), spec)));
    return admin
        .listOffsets(partitions, options)
        .all()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
