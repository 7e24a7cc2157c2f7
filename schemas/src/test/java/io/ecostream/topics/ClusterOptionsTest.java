package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class ClusterOptionsTest {

  @Command(name = "probe")
  static final class Probe {
    @Mixin ClusterOptions cluster;
  }

  @TempDir Path dir;

  private static ClusterOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.cluster;
  }

  private static Properties defaults() {
    Properties defaults = new Properties();
    defaults.put("linger.ms", "5");
    defaults.put("acks", "all");
    return defaults;
  }

  private Path file(String... lines) throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, String.join("\n", lines));
    return file;
  }

  @Test
  void shouldDefaultToLocalhost() {
    assertThat(parse().clientProperties(defaults(), Map.of(), new Properties()))
        .containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("linger.ms", "5");
  }

  @Test
  void shouldLayerDefaultsFileEnvironmentAndFlagsInThatOrder() throws IOException {
    Path file =
        file("bootstrap.servers=from-file:9093", "linger.ms=20", "security.protocol=SASL_SSL");
    Map<String, String> env = Map.of(KafkaClientConfig.BOOTSTRAP_ENV, "from-env:9094");

    assertThat(
            parse("--command-config", file.toString())
                .clientProperties(defaults(), Map.of(), new Properties()))
        .containsEntry("bootstrap.servers", "from-file:9093")
        .containsEntry("linger.ms", "20")
        .containsEntry("acks", "all")
        .containsEntry("security.protocol", "SASL_SSL");
    assertThat(
            parse("--command-config", file.toString())
                .clientProperties(defaults(), env, new Properties()))
        .containsEntry("bootstrap.servers", "from-env:9094");
    assertThat(
            parse("--command-config", file.toString(), "--bootstrap-servers", "flag:9095")
                .clientProperties(defaults(), env, new Properties()))
        .containsEntry("bootstrap.servers", "flag:9095");
  }

  @Test
  void shouldLetTheCommandsOwnFlagsWinOverTheFile() throws IOException {
    Properties flags = new Properties();
    flags.put("application.id", "from-flag");

    assertThat(
            parse("--command-config", file("application.id=from-file").toString())
                .clientProperties(defaults(), Map.of(), flags))
        .containsEntry("application.id", "from-flag");
  }

  @Test
  void shouldRejectAMissingFileAsAUsageError() {
    ClusterOptions options = parse("--command-config", dir.resolve("nope.properties").toString());

    assertThatThrownBy(() -> options.clientProperties(defaults(), Map.of(), new Properties()))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "--command-config: cannot read client properties file "
                + dir.resolve("nope.properties"));
  }

  @Test
  void shouldGiveTheClusterFifteenSecondsUnlessToldOtherwise() {
    assertThat(parse().kafkaTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(parse("--kafka-timeout", "2m").kafkaTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> parse("--kafka-timeout", "100ms").kafkaTimeout())
        .isInstanceOf(ParameterException.class)
        .hasMessage("--kafka-timeout must be at least 1s, got 100ms");
  }

  @Test
  void shouldNameTheCommandThatCreatesTheTopicsWithItsPrefix() {
    assertThat(parse().pipelineCreatesTopics())
        .isEqualTo("'./ecostream run' creates the pipeline's topics");
    assertThat(parse("--topic-prefix", "eco").pipelineCreatesTopics())
        .isEqualTo("'./ecostream run --topic-prefix eco' creates the pipeline's topics");
  }

  @Test
  void shouldBoundEveryBlockingClientCallByTheTimeoutUnlessTheSettingsSayOtherwise() {
    Properties producer =
        KafkaClientConfig.withProducerTimeouts(defaults(), Duration.ofSeconds(15));
    Properties file = new Properties();
    file.put("request.timeout.ms", "40000");
    file.put("max.block.ms", "90000");
    Properties producerOfFile =
        KafkaClientConfig.withProducerTimeouts(file, Duration.ofSeconds(15));
    Properties admin = KafkaClientConfig.withRequestTimeouts(file, Duration.ofSeconds(15));

    assertThat(producer)
        .containsEntry("max.block.ms", "15000")
        .containsEntry("request.timeout.ms", "15000")
        .containsEntry("delivery.timeout.ms", "30000");
    assertThat(producerOfFile)
        .containsEntry("max.block.ms", "90000")
        .as("a producer refuses a delivery timeout under linger.ms + request.timeout.ms")
        .containsEntry("delivery.timeout.ms", "40005");
    assertThat(admin)
        .containsEntry("request.timeout.ms", "40000")
        .as("an Admin client refuses an API timeout under its request timeout")
        .containsEntry("default.api.timeout.ms", "40000");
  }

  @Test
  void shouldNameTopicsWithThePrefix() {
    assertThat(parse("--topic-prefix", "staging").topics().airReadings().name())
        .isEqualTo("staging.air.readings");
    assertThat(parse().topics().prefix()).isEqualTo("ecostream");
  }

  @Test
  void shouldRejectABadPrefixAsAUsageError() {
    assertThatThrownBy(() -> parse("--topic-prefix", "a b").topics())
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("--topic-prefix: topic prefix must be");
  }
}
