package io.ecostream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.localkafka.LocalKafkaBroker.ScramUser;
import io.ecostream.localkafka.LocalKafkaBroker.Settings;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local broker with a SASL_PLAINTEXT listener that asks for SCRAM-SHA-512. */
class LocalKafkaBrokerSaslIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Duration REFUSAL_DEADLINE = Duration.ofSeconds(5);

  /** Quotes, a backslash, a comma, '=' and spaces: what neither JAAS nor --add-scram take raw. */
  private static final ScramUser USER = new ScramUser("ecostream", "pa\"ss, w\\rd = 1");

  @Test
  void shouldServeTheScramUserAndRefuseClientsWithoutItsPassword(@TempDir Path dataDir)
      throws Exception {
    Settings settings =
        Settings.persistent(dataDir, LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort())
            .withScramUser(USER);
    try (LocalKafkaBroker kafka = LocalKafkaBroker.start(settings)) {
      String topic = KafkaBrokerFixture.uniqueName("secured");
      try (Admin admin = Admin.create(kafka.clientProperties())) {
        admin
            .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
            .all()
            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      }
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              kafka.clientProperties(), new StringSerializer(), new StringSerializer())) {
        producer
            .send(new ProducerRecord<>(topic, "k", "v"))
            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      }
      assertThat(consumeOne(kafka.clientProperties(), topic)).isEqualTo("v");

      assertThatThrownBy(
              () ->
                  describeCluster(
                      Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())))
          .as("a client without SASL")
          .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
      Properties wrong = kafka.clientProperties();
      wrong.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ecostream\" password=\"guess\";");
      assertThatThrownBy(() -> describeCluster(wrong))
          .as("a client with a wrong password")
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void shouldWriteTheClientSettingsForTheOwnerOnly(@TempDir Path dataDir) throws Exception {
    Settings settings =
        Settings.persistent(dataDir, LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort())
            .withScramUser(USER);
    try (LocalKafkaBroker kafka = LocalKafkaBroker.start(settings)) {
      Path file = kafka.clientConfigFile().orElseThrow();
      Properties written = new Properties();
      try (Reader reader = Files.newBufferedReader(file)) {
        written.load(reader);
      }

      assertThat(file).isEqualTo(dataDir.resolve("client.properties"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(written).isEqualTo(kafka.clientProperties());
      assertThat(written)
          .containsEntry("security.protocol", "SASL_PLAINTEXT")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("bootstrap.servers", kafka.bootstrapServers());
      describeCluster(written);
    }
  }

  @Test
  void shouldRestartOnItsDataDirWithTheSamePasswordAndFailFastWithAnother(@TempDir Path dataDir)
      throws Exception {
    Settings settings =
        Settings.persistent(dataDir, LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort())
            .withScramUser(USER);
    LocalKafkaBroker.start(settings).close();

    try (LocalKafkaBroker kafka = LocalKafkaBroker.start(settings)) {
      describeCluster(kafka.clientProperties());
    }
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                LocalKafkaBroker.start(
                        settings.withScramUser(new ScramUser("ecostream", "another")))
                    .close())
        .isInstanceOf(LocalKafkaException.class)
        .hasMessageContaining("refused the login of ecostream")
        .hasMessageContaining("formatted with other credentials")
        .hasMessageNotContaining("another");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE);
  }

  @Test
  void shouldFailFastOnADataDirFormattedWithoutSaslAndDeleteNoData(@TempDir Path dataDir) {
    Settings plain =
        Settings.persistent(dataDir, LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort());
    LocalKafkaBroker.start(plain).close();

    assertThatThrownBy(() -> LocalKafkaBroker.start(plain.withScramUser(USER)).close())
        .isInstanceOf(LocalKafkaException.class)
        .hasMessageContaining("formatted with other credentials or without SASL");
    assertThat(dataDir.resolve("meta.properties")).exists();
    assertThat(dataDir.resolve("client.properties")).doesNotExist();
  }

  @Test
  void shouldNeverShowThePasswordInTheSettingsText() {
    Settings settings = Settings.ephemeral().withScramUser(USER);

    assertThat(settings.toString()).contains("ecostream").doesNotContain(USER.password());
  }

  @Test
  void shouldRejectAPasswordOnSeveralLines() {
    assertThatThrownBy(() -> new ScramUser("ecostream", "one\ntwo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control character")
        .hasMessageNotContaining("one");
  }

  private static void describeCluster(Map<?, ?> client) throws Exception {
    Properties props = new Properties();
    props.putAll(client);
    try (Admin admin = Admin.create(props)) {
      admin
          .describeCluster(
              new DescribeClusterOptions().timeoutMs((int) REFUSAL_DEADLINE.toMillis()))
          .nodes()
          .get(REFUSAL_DEADLINE.toSeconds() + 5, TimeUnit.SECONDS);
    }
  }

  private static String consumeOne(Properties client, String topic) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaBrokerFixture.uniqueName("sasl"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          return record.value();
        }
      }
    }
    return null;
  }
}
