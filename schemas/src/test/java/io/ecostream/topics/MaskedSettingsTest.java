package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class MaskedSettingsTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ecostream\""
          + " password=\"s3cret-value\";";

  @Test
  void shouldHideTheJaasConfigAndEveryPasswordButKeepTheRest() {
    Properties client = new Properties();
    client.put("bootstrap.servers", "kafka1:9092");
    client.put("security.protocol", "SASL_SSL");
    client.put("sasl.mechanism", "SCRAM-SHA-512");
    client.put("sasl.jaas.config", JAAS);
    client.put("ssl.truststore.location", "/etc/kafka/truststore.p12");
    client.put("ssl.truststore.password", "trust-me");
    client.put("ssl.keystore.password", "key-store");
    client.put("ssl.key.password", "private-key");

    assertThat(MaskedSettings.masked(client))
        .containsExactly(
            Map.entry("bootstrap.servers", "kafka1:9092"),
            Map.entry("sasl.jaas.config", "[hidden]"),
            Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("ssl.key.password", "[hidden]"),
            Map.entry("ssl.keystore.password", "[hidden]"),
            Map.entry("ssl.truststore.location", "/etc/kafka/truststore.p12"),
            Map.entry("ssl.truststore.password", "[hidden]"));
  }

  @Test
  void shouldHideEveryPasswordSettingOfKafkasClients() {
    List<String> passwords =
        Stream.of(
                ProducerConfig.configDef(),
                ConsumerConfig.configDef(),
                AdminClientConfig.configDef())
            .flatMap(def -> def.configKeys().values().stream())
            .filter(key -> key.type == ConfigDef.Type.PASSWORD)
            .map(key -> key.name)
            .distinct()
            .toList();

    assertThat(passwords).contains("sasl.jaas.config", "ssl.keystore.key", "ssl.key.password");
    assertThat(passwords).allMatch(MaskedSettings::isSecret);
  }

  @Test
  void shouldHideSecretsUnderThePrefixesOfStreamsAndBrokerListeners() {
    assertThat(
            List.of(
                "producer.sasl.jaas.config",
                "main.consumer.ssl.key.password",
                "admin.ssl.keystore.key",
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "SSL.TRUSTSTORE.PASSWORD",
                "sasl.oauthbearer.client.credentials.client.secret",
                "my.plugin.api.secret"))
        .allMatch(MaskedSettings::isSecret);
  }

  @Test
  void shouldKeepSettingsThatOnlyLookAlike() {
    assertThat(
            List.of(
                "bootstrap.servers",
                "sasl.mechanism",
                "security.protocol",
                "key.serializer",
                "ssl.keystore.location",
                "ssl.keystore.type",
                "ssl.endpoint.identification.algorithm",
                "sasl.login.callback.handler.class"))
        .noneMatch(MaskedSettings::isSecret);
  }

  @Test
  void shouldHideAKafkaPasswordValueWhateverItsKey() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("custom.setting", new Password("not-for-logs"));

    assertThat(MaskedSettings.masked(settings))
        .containsExactly(Map.entry("custom.setting", "[hidden]"));
  }

  @Test
  void shouldDescribeOneSortedSettingALineWithoutTheSecret() {
    Properties client = new Properties();
    client.put("sasl.jaas.config", JAAS);
    client.put("bootstrap.servers", "localhost:9092");

    String description = MaskedSettings.describe(client);

    assertThat(description.lines())
        .containsExactly("bootstrap.servers=localhost:9092", "sasl.jaas.config=[hidden]");
    assertThat(description).doesNotContain("s3cret-value");
  }
}
