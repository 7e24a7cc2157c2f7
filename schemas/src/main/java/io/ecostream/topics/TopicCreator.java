package io.ecostream.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics that do not exist yet; existing topics are left as they are. */
public final class TopicCreator {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

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
}
