package io.ecostream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.localkafka.LocalKafkaBroker.Settings;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void shouldProduceAndConsumeThousandRecordsOnAnEphemeralBroker() throws Exception {
    try (LocalKafkaBroker kafka = LocalKafkaBroker.start(Settings.ephemeral())) {
      String topic = KafkaBrokerFixture.uniqueName("readings");
      createTopic(kafka, topic, 3);
      List<String> values = IntStream.range(0, 1000).mapToObj(i -> "value-" + i).toList();

      produce(kafka, topic, values);

      assertThat(consume(kafka, topic, values.size())).containsExactlyInAnyOrderElementsOf(values);
      assertThat(kafka.startupTime()).isPositive().isLessThan(Duration.ofSeconds(60));
    }
  }

  @Test
  void shouldKeepTopicsAndRecordsWhenRestartedOnTheSameDataDir(@TempDir Path dataDir)
      throws Exception {
    Settings settings =
        Settings.persistent(dataDir, LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort());
    String topic = KafkaBrokerFixture.uniqueName("kept");
    List<String> values = List.of("a", "b", "c");
    try (LocalKafkaBroker kafka = LocalKafkaBroker.start(settings)) {
      createTopic(kafka, topic, 1);
      produce(kafka, topic, values);
    }
    assertThat(dataDir.resolve("meta.properties")).exists();

    try (LocalKafkaBroker kafka = LocalKafkaBroker.start(settings);
        Admin admin = admin(kafka)) {
      assertThat(admin.listTopics().names().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .contains(topic);
      assertThat(consume(kafka, topic, values.size())).containsExactlyElementsOf(values);
    }
  }

  @Test
  void shouldCloseTwiceWithoutErrorAndDeleteAnEphemeralDataDir() {
    LocalKafkaBroker kafka = LocalKafkaBroker.start(Settings.ephemeral());

    kafka.close();

    assertThatCode(kafka::close).doesNotThrowAnyException();
    assertThat(kafka.dataDir()).doesNotExist();
  }

  @Test
  void shouldFailFastNamingThePortWhenItIsInUse(@TempDir Path dataDir) throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("localhost", 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () ->
                  LocalKafkaBroker.start(
                      Settings.persistent(dataDir, port, LocalKafkaBroker.freePort())))
          .isInstanceOf(LocalKafkaException.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("in use");
    }
    assertThat(dataDir.resolve("meta.properties")).doesNotExist();
  }

  @Test
  void shouldFailTheStartInsteadOfHaltingTheJvmOnAFatalFault(@TempDir Path temp) throws Exception {
    Path output = temp.resolve("child.log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                StartWithTooLittleHeap.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();

    boolean exited = child.waitFor(DEADLINE.toSeconds() * 2, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }

    assertThat(exited).as("child JVM exited in time").isTrue();
    assertThat(child.exitValue()).as(Files.readString(output)).isZero();
    assertThat(Files.readString(output))
        .containsPattern(StartWithTooLittleHeap.SURVIVED + ".*hit a fatal fault");
  }

  /**
   * A 128 MiB cleaner buffer in a 128 MiB heap: OutOfMemoryError while starting the LogManager,
   * which Kafka treats as fatal and answers with Exit.halt.
   */
  static final class StartWithTooLittleHeap {
    static final String SURVIVED = "JVM survived: ";

    public static void main(String[] args) {
      Settings settings =
          Settings.ephemeral().withOverride("log.cleaner.dedupe.buffer.size", "134217728");
      try {
        LocalKafkaBroker.start(settings).close();
        System.exit(1);
      } catch (LocalKafkaException e) {
        System.out.println(SURVIVED + e.getMessage());
        // Kafka leaves non-daemon coordinator threads behind after a fatal fault.
        System.exit(0);
      }
    }
  }

  private static Admin admin(LocalKafkaBroker kafka) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  private static void createTopic(LocalKafkaBroker kafka, String topic, int partitions)
      throws Exception {
    try (Admin admin = admin(kafka)) {
      admin
          .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private static void produce(LocalKafkaBroker kafka, String topic, List<String> values)
      throws Exception {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> acks = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        acks.add(producer.send(new ProducerRecord<>(topic, "key-" + i, values.get(i))));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      }
    }
  }

  private static List<String> consume(LocalKafkaBroker kafka, String topic, int expected) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, KafkaBrokerFixture.uniqueName("it"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
