package io.ecostream.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.localkafka.KafkaBrokerFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The drain check on a real broker, with a group's offsets committed by hand where a streams
 * application under exactly-once leaves them: behind transaction markers, aborted records, records
 * not read yet, and an open transaction.
 */
class PipelineDrainIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  /** Long enough for two checks 1.5 s apart, short enough for a test that must time out. */
  private static final Duration TIMEOUT = Duration.ofSeconds(8);

  @Test
  void shouldCountAPartitionEndingInAnAbortedTransactionAsProcessed() throws Exception {
    Topics topics = topics("aborted");
    // Offsets 0-2 committed records, 3 their commit marker; 4-5 aborted, 6 the abort marker.
    try (KafkaProducer<String, String> producer = transactional("aborted")) {
      send(producer, topics.internal(), 3, true);
      send(producer, topics.internal(), 2, false);
    }
    commitOffsets(topics, 2, 3);

    drain(topics);
  }

  @Test
  void shouldWaitForACommittedRecordAfterTheCommittedOffset() throws Exception {
    Topics topics = topics("unread");
    // Offsets 0-2 committed records, 3 their marker: the group has read only the first two.
    try (KafkaProducer<String, String> producer = transactional("unread")) {
      send(producer, topics.internal(), 3, true);
    }
    commitOffsets(topics, 2, 2);

    assertDrainTimesOut(topics)
        .hasMessageContaining(topics.internal() + "-0 committed 2, stable 4, end 4");
  }

  @Test
  void shouldWaitWhileATransactionIsOpenAfterTheCommittedOffset() throws Exception {
    Topics topics = topics("open");
    try (KafkaProducer<String, String> producer = transactional("open")) {
      send(producer, topics.internal(), 3, true);
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topics.internal(), "open", "open")).get();
      producer.flush();
      commitOffsets(topics, 2, 4);

      // Offsets 0-2 committed, 3 the marker, 4 in the open transaction: nothing readable yet.
      assertDrainTimesOut(topics)
          .hasMessageContaining(topics.internal() + "-0 committed 4, stable 4, end 5");
    }
  }

  @Test
  void shouldWaitForTheInputWhateverTheInternalTopicsHold() throws Exception {
    Topics topics = topics("input");
    try (KafkaProducer<String, String> producer = transactional("input")) {
      send(producer, topics.internal(), 1, true);
    }
    // The input's second record not read yet; the internal topic read through its marker.
    commitOffsets(topics, 1, 2);

    assertDrainTimesOut(topics)
        .hasMessageContaining(topics.input() + "-0 committed 1, stable 2, end 2");
  }

  private static void drain(Topics topics) throws TimeoutException, InterruptedException {
    PipelineDrain.await(kafka.clientProperties(), topics.group(), List.of(topics.input()), TIMEOUT);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertDrainTimesOut(
      Topics topics) {
    return assertThatThrownBy(() -> drain(topics)).isInstanceOf(TimeoutException.class);
  }

  /** An input topic holding two records, and an internal topic the test writes itself. */
  private record Topics(String input, String internal, String group) {}

  private static Topics topics(String name) throws Exception {
    String prefix = KafkaBrokerFixture.uniqueName("drain-" + name);
    Topics topics = new Topics(prefix + "-input", prefix + "-repartition", prefix + "-app");
    kafka.createTopics(topics.input(), topics.internal());
    Properties config = kafka.clientProperties();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 2; i++) {
        producer.send(new ProducerRecord<>(topics.input(), "input", "reading " + i)).get();
      }
    }
    return topics;
  }

  private static KafkaProducer<String, String> transactional(String name) {
    Properties config = kafka.clientProperties();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaBrokerFixture.uniqueName(name));
    // The open transaction must outlive the test's checks.
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    producer.initTransactions();
    return producer;
  }

  /** {@code count} records in one transaction, committed or aborted. */
  private static void send(
      KafkaProducer<String, String> producer, String topic, int count, boolean commit)
      throws Exception {
    producer.beginTransaction();
    for (int i = 0; i < count; i++) {
      producer.send(new ProducerRecord<>(topic, "city", "figure " + i)).get();
    }
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.abortTransaction();
    }
  }

  /** The group's offsets on the input (2 is its end) and on the internal topic. */
  private static void commitOffsets(Topics topics, long inputOffset, long internalOffset)
      throws Exception {
    kafka
        .admin()
        .alterConsumerGroupOffsets(
            topics.group(),
            Map.of(
                new TopicPartition(topics.input(), 0), new OffsetAndMetadata(inputOffset),
                new TopicPartition(topics.internal(), 0), new OffsetAndMetadata(internalOffset)))
        .all()
        .get(30, TimeUnit.SECONDS);
    assertThat(
            kafka
                .admin()
                .listConsumerGroupOffsets(topics.group())
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS))
        .as("offsets of %s", topics.group())
        .hasSize(2);
  }
}
