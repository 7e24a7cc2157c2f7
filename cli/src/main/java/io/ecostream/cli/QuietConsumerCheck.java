package io.ecostream.cli;

import io.ecostream.topics.ClusterCheck;
import io.ecostream.topics.KafkaClusterException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Notices a lost broker while a consumer waits for records: a poll returns nothing, forever, when
 * no broker answers, exactly as when nothing new arrives. After {@code timeout} without a record it
 * asks the cluster for its topics, which fails within the timeout if nobody answers.
 */
final class QuietConsumerCheck {

  private final Consumer<?, ?> consumer;
  private final Duration timeout;
  private final String address;
  private long quietSince = System.nanoTime();

  QuietConsumerCheck(Consumer<?, ?> consumer, Duration timeout, String address) {
    this.consumer = consumer;
    this.timeout = timeout;
    this.address = address;
  }

  void recordsArrived() {
    quietSince = System.nanoTime();
  }

  /**
   * @throws KafkaClusterException when the cluster has been quiet for the timeout and does not
   *     answer either
   */
  void nothingArrived() {
    if (System.nanoTime() - quietSince < timeout.toNanos()) {
      return;
    }
    try {
      consumer.listTopics(timeout);
    } catch (TimeoutException e) {
      throw new KafkaClusterException(
          ClusterCheck.lostMessage(address, timeout, "waiting for records"), e);
    }
    quietSince = System.nanoTime();
  }
}
