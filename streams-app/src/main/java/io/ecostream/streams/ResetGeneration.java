package io.ecostream.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How many times the application was reset, kept on the compacted topic {@code <application
 * id>-reset-generation} (one record, outside the reset's reach). Figures computed after a reset
 * carry revisions above every one published before it: a reprocessing after a fix of the rules
 * supersedes the old figures visibly, never as a silent overwrite with an equal revision.
 */
final class ResetGeneration {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final byte[] KEY = "generation".getBytes(StandardCharsets.UTF_8);

  private ResetGeneration() {}

  static String topic(String applicationId) {
    return applicationId + "-reset-generation";
  }

  /** The current generation: 0 for an application never reset. */
  static long read(Properties properties) {
    StreamsConfig config = new StreamsConfig(properties);
    String topic = topic(config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
    Map<String, Object> admin = config.getAdminConfigs("ecostream-generation-admin");
    try (Admin client = Admin.create(admin)) {
      if (!client.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(topic)) {
        return 0;
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Map<String, Object> consumer = config.getAdminConfigs("ecostream-generation-reader");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> reader =
        new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      reader.assign(List.of(partition));
      reader.seekToBeginning(List.of(partition));
      long end = reader.endOffsets(List.of(partition), TIMEOUT).get(partition);
      Optional<Long> latest = Optional.empty();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (reader.position(partition, TIMEOUT) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
          latest = Optional.of(Long.parseLong(new String(record.value(), StandardCharsets.UTF_8)));
        }
      }
      return latest.orElse(0L);
    }
  }

  /** Writes {@code generation} as the current one, creating the topic when needed. */
  static void write(Properties properties, long generation) {
    StreamsConfig config = new StreamsConfig(properties);
    String topic = topic(config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
    Map<String, Object> admin = config.getAdminConfigs("ecostream-generation-admin");
    try (Admin client = Admin.create(admin)) {
      client
          .createTopics(
              List.of(
                  new NewTopic(topic, Optional.of(1), Optional.empty())
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create " + topic + ": " + e.getCause().getMessage(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot create " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Map<String, Object> producer = config.getProducerConfigs("ecostream-generation-writer");
    producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    try (KafkaProducer<byte[], byte[]> writer =
        new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
      writer
          .send(
              new ProducerRecord<>(
                  topic, 0, KEY, Long.toString(generation).getBytes(StandardCharsets.UTF_8)))
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
