package io.ecostream.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics that do not exist yet; existing topics are left as they are. */
public final class TopicCreator {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final long LEADER_POLL_MILLIS = 20;

  private TopicCreator() {}

  /**
   * @param replicationFactor empty for the broker's default
   * @return the names of the topics created
   */
  public static List<String> ensureExist(
      Admin admin, Collection<? extends Topic<?, ?>> topics, Optional<Short> replicationFactor) {
    return ensureExist(admin, topics, replicationFactor, DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout how long each call to the cluster may take
   * @throws IllegalStateException with a one-line message when the cluster refuses or does not
   *     answer in time
   */
  public static List<String> ensureExist(
      Admin admin,
      Collection<? extends Topic<?, ?>> topics,
      Optional<Short> replicationFactor,
      Duration timeout) {
    long timeoutMs = timeout.toMillis();
    try {
      Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(topic -> !existing.contains(topic.name()))
              .map(
                  topic ->
                      new NewTopic(topic.name(), Optional.of(topic.partitions()), replicationFactor)
                          .configs(topic.configs()))
              .toList();
      for (NewTopic topic : missing) {
        try {
          admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      awaitLeaders(admin, missing, timeout);
      return missing.stream().map(NewTopic::name).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "cannot create topics: the cluster did not answer within "
              + ClusterCheck.seconds(timeout),
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException("cannot create topics: " + cause.getMessage(), cause);
    }
  }

  /**
   * Waits until the leader of every partition of the new topics serves it. A broker learns that it
   * leads a new partition from the metadata log before it has created the partition's log, and a
   * producer that sends in between gets NOT_LEADER_OR_FOLLOWER for its first batch while its next
   * batches, sent once the log exists, are appended: the idempotent producer then retries the first
   * one out of sequence until its delivery timeout (seen on the embedded broker: two minutes, then
   * "Expiring … record(s)"). Listing a partition's end offset is answered by its leader only once
   * the log exists, and the admin client retries it until then.
   *
   * @param topics created with their partition count
   */
  public static void awaitLeaders(Admin admin, Collection<NewTopic> topics, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    for (NewTopic topic : topics) {
      if (topic.numPartitions() < 1) {
        // Without a count the broker's default applies, which the caller does not know here.
        throw new IllegalArgumentException(
            "awaitLeaders needs each topic's partition count; " + topic.name() + " has none");
      }
      for (int p = 0; p < topic.numPartitions(); p++) {
        partitions.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
      }
    }
    if (partitions.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        admin
            .listOffsets(partitions, new ListOffsetsOptions().timeoutMs((int) remainingMs))
            .all()
            .get(remainingMs, TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        // Until the admin client's metadata holds the topic it fails at once instead of retrying.
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(LEADER_POLL_MILLIS);
      }
    }
  }
}
