package io.ecostream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.localkafka.LocalKafkaBroker.Settings;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class LocalKafkaBrokerSettingsTest {

  private static final Path DATA_DIR = Path.of("kafka-data");

  @Test
  void shouldBindEveryListenerToLoopback() {
    Properties props =
        LocalKafkaBroker.serverProperties(Settings.persistent(DATA_DIR, 19092, 19093));

    assertThat(props.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
    assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:19092");
    assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:19093");
    assertThat(props.getProperty("log.dirs")).isEqualTo(DATA_DIR.toAbsolutePath().toString());
  }

  @Test
  void shouldAskClientsForScramOnTheBrokerListenerAndKeepTheControllerOnLoopback() {
    Settings settings =
        Settings.persistent(DATA_DIR, 19092, 19093)
            .withScramUser(new LocalKafkaBroker.ScramUser("ecostream", "pw"));

    Properties props = LocalKafkaBroker.serverProperties(settings);

    assertThat(props.getProperty("listeners"))
        .isEqualTo("SASL_PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
    assertThat(props.getProperty("listener.security.protocol.map"))
        .isEqualTo("SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    assertThat(props.getProperty("inter.broker.listener.name")).isEqualTo("SASL_PLAINTEXT");
    assertThat(props.getProperty("sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
    assertThat(props.getProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config"))
        .isEqualTo(
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ecostream\" password=\"pw\";");
    assertThat(KafkaConfig.fromProps(props).interBrokerListenerName().value())
        .isEqualTo("SASL_PLAINTEXT");
  }

  @Test
  void shouldEscapeQuotesAndBackslashesOfThePasswordInTheJaasLine() {
    assertThat(new LocalKafkaBroker.ScramUser("u", "a\"b\\c").jaasConfig())
        .endsWith("password=\"a\\\"b\\\\c\";");
  }

  @Test
  void shouldLetOverridesWinOverDefaults() {
    Settings settings =
        Settings.persistent(DATA_DIR, 19092, 19093)
            .withOverride("num.partitions", "6")
            .withOverride("auto.create.topics.enable", "true");

    Properties props = LocalKafkaBroker.serverProperties(settings);

    assertThat(props.getProperty("num.partitions")).isEqualTo("6");
    assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("true");
    assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
  }

  @Test
  void shouldNotChangeTheOriginalSettingsWhenAddingAnOverride() {
    Settings original = Settings.persistent(DATA_DIR, 19092, 19093);

    Settings overridden = original.withOverride("num.partitions", "6");

    assertThat(original.overrides()).isEmpty();
    assertThat(overridden.overrides()).containsEntry("num.partitions", "6");
  }

  @Test
  void shouldBuildPropertiesThatKafkaAccepts() {
    KafkaConfig config =
        KafkaConfig.fromProps(LocalKafkaBroker.serverProperties(Settings.ephemeral()));

    assertThat(config.nodeId()).isEqualTo(1);
    assertThat(config.logCleanerDedupeBufferSize()).isEqualTo(2L * 1024 * 1024);
  }

  @Test
  void shouldGiveEphemeralSettingsTwoPortsAndANewTempDirDeletedOnClose() {
    Settings first = Settings.ephemeral();
    Settings second = Settings.ephemeral();

    assertThat(first.brokerPort()).isNotEqualTo(first.controllerPort());
    assertThat(first.deleteOnClose()).isTrue();
    assertThat(first.dataDir()).startsWithRaw(Path.of(System.getProperty("java.io.tmpdir")));
    assertThat(first.dataDir()).isNotEqualTo(second.dataDir());
  }

  @Test
  void shouldKeepPersistentData() {
    assertThat(Settings.persistent(DATA_DIR, 19092, 19093).deleteOnClose()).isFalse();
  }

  @Test
  void shouldRejectTheSamePortForBrokerAndController() {
    assertThatThrownBy(() -> Settings.persistent(DATA_DIR, 19092, 19092))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("19092");
  }

  @Test
  void shouldRejectAPortOutOfRange() {
    assertThatThrownBy(() -> Settings.persistent(DATA_DIR, 0, 19093))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("brokerPort");
  }
}
