package io.ecostream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.topics.TopicCreator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaBrokerFixtureIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static String outerBootstrapServers;

  @BeforeAll
  static void rememberTheBroker() {
    outerBootstrapServers = kafka.bootstrapServers();
  }

  @Test
  void shouldCreateTopicsWithTheRequestedPartitions() throws Exception {
    String single = KafkaBrokerFixture.uniqueName("single");
    String wide = KafkaBrokerFixture.uniqueName("wide");

    kafka.createTopics(single);
    kafka.createTopic(wide, 4);

    Map<String, TopicDescription> topics =
        kafka
            .admin()
            .describeTopics(List.of(single, wide))
            .allTopicNames()
            .get(30, TimeUnit.SECONDS);
    assertThat(topics.get(single).partitions()).hasSize(1);
    assertThat(topics.get(wide).partitions()).hasSize(4);
  }

  @Test
  void shouldRoundTripRecordsWithTheClientProps() {
    String topic = KafkaBrokerFixture.uniqueName("round-trip");
    kafka.createTopics(topic);

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            kafka.producerProps(), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "station-1", "pm25=35"));
      producer.send(new ProducerRecord<>(topic, "station-1", "pm25=80"));
    }

    assertThat(consume(topic, 2)).containsExactly("pm25=35", "pm25=80");
  }

  @Test
  void shouldWaitForTheLeadersOfATopicCreatedWhileItWaits() throws Exception {
    NewTopic later = new NewTopic(KafkaBrokerFixture.uniqueName("later"), 3, (short) 1);
    CompletableFuture<Void> waited =
        CompletableFuture.runAsync(
            () -> {
              try {
                TopicCreator.awaitLeaders(kafka.admin(), List.of(later), Duration.ofSeconds(30));
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });

    Thread.sleep(500);
    assertThat(waited).as("no topic yet: still waiting").isNotDone();
    kafka.admin().createTopics(List.of(later)).all().get(30, TimeUnit.SECONDS);

    waited.get(30, TimeUnit.SECONDS);
  }

  @Test
  void shouldGiveUpWaitingForTheLeadersOfATopicThatNeverComes() {
    NewTopic missing = new NewTopic(KafkaBrokerFixture.uniqueName("never-created"), 1, (short) 1);
    long started = System.nanoTime();

    assertThatThrownBy(
            () -> TopicCreator.awaitLeaders(kafka.admin(), List.of(missing), Duration.ofSeconds(1)))
        .as("the last try either answered 'unknown topic' or ran out of time")
        .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("it retried until its timeout instead of failing at the first answer")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldMakeUniqueNamesFromThePrefix() {
    assertThat(KafkaBrokerFixture.uniqueName("app"))
        .matches("app-[0-9a-f]{8}")
        .isNotEqualTo(KafkaBrokerFixture.uniqueName("app"));
  }

  @Nested
  class WhenNested {

    @Test
    void shouldShareTheOuterClassBroker() {
      assertThat(kafka.bootstrapServers()).isEqualTo(outerBootstrapServers);
    }
  }

  private static List<String> consume(String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            kafka.consumerProps(KafkaBrokerFixture.uniqueName("group")),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
