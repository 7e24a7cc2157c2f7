package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path file = file("bootstrap.servers=from-file:9093", "linger.ms=20", "security.protocol=SASL_SSL");
    Map<String, String> env = Map.of(KafkaClientConfig.BOOTSTRAP_ENV, "from-env:9094");

    assertThat(parse("--command-config", file.toString()).clientProperties(defaults(), Map.of(), new Properties()))
        .containsEntry("bootstrap.servers", "from-file:9093")
        .containsEntry("linger.ms", "20")
        .containsEntry("acks", "all")
        .containsEntry("security.protocol", "SASL_SSL");
    assertThat(parse("--command-config", file.toString()).clientProperties(defaults(), env, new Properties()))
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
        .hasMessage("--command-config: cannot read client properties file " + dir.resolve("nope.properties"));
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
