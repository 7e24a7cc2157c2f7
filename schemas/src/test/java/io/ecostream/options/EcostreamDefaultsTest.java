package io.ecostream.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.topics.ClusterOptions;
import io.ecostream.topics.KafkaClientConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class EcostreamDefaultsTest {

  @Command(name = "probe", mixinStandardHelpOptions = true)
  static final class Probe {
    @Mixin ClusterOptions cluster;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "9464")
    int metricsPort;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class)
    Duration idleTimeout;

    @Option(names = "--follow")
    boolean follow;

    @Parameters(arity = "0..*", paramLabel = "TOPIC")
    List<String> topics = List.of();
  }

  @TempDir Path home;

  private static Probe parse(Map<String, String> environment, Properties file, String... args) {
    Probe probe = new Probe();
    new CommandLine(probe)
        .setDefaultValueProvider(new EcostreamDefaults(environment, file))
        .parseArgs(args);
    return probe;
  }

  private static Properties file(String... lines) {
    Properties properties = new Properties();
    for (String line : lines) {
      String[] keyValue = line.split("=", 2);
      properties.setProperty(keyValue[0], keyValue[1]);
    }
    return properties;
  }

  private static String bootstrap(Probe probe) {
    return probe
        .cluster
        .clientProperties(new Properties(), Map.of(), new Properties())
        .getProperty("bootstrap.servers");
  }

  @Test
  void shouldTakeTheCommandLineOverTheEnvironmentAndTheFile() {
    Probe probe =
        parse(
            Map.of("ECOSTREAM_METRICS_PORT", "9500", "ECOSTREAM_BOOTSTRAP_SERVERS", "env:9092"),
            file("metrics-port=9600", "bootstrap-servers=file:9092"),
            "--metrics-port=9700",
            "--bootstrap-servers=flag:9092");

    assertThat(probe.metricsPort).isEqualTo(9700);
    assertThat(bootstrap(probe)).isEqualTo("flag:9092");
  }

  @Test
  void shouldTakeTheEnvironmentOverTheFile() {
    Probe probe =
        parse(
            Map.of("ECOSTREAM_METRICS_PORT", "9500", "ECOSTREAM_KAFKA_TIMEOUT", "40s"),
            file("metrics-port=9600", "kafka-timeout=50s"));

    assertThat(probe.metricsPort).isEqualTo(9500);
    assertThat(probe.cluster.kafkaTimeout()).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void shouldTakeTheFileOverTheBuiltInDefault() {
    Probe probe = parse(Map.of(), file("metrics-port=9600", "topic-prefix=eco", "idle-timeout=2m"));

    assertThat(probe.metricsPort).isEqualTo(9600);
    assertThat(probe.cluster.topics().stations().name()).isEqualTo("eco.stations");
    assertThat(probe.idleTimeout).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void shouldKeepTheBuiltInDefaultsWhenNothingIsSet() {
    Probe probe = parse(Map.of(), new Properties());

    assertThat(probe.metricsPort).isEqualTo(9464);
    assertThat(probe.idleTimeout).isNull();
    assertThat(probe.follow).isFalse();
    assertThat(probe.cluster.kafkaTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(bootstrap(probe)).isEqualTo(KafkaClientConfig.DEFAULT_BOOTSTRAP);
  }

  @Test
  void shouldPreferTheCommandsOwnKeyInTheFile() {
    Probe probe =
        parse(
            Map.of(),
            file("metrics-port=9600", "probe.metrics-port=9601", "other.metrics-port=9602"));

    assertThat(probe.metricsPort).isEqualTo(9601);
  }

  @Test
  void shouldKeepReadingTheBootstrapServersFromTheirEnvironmentVariable() {
    Probe probe =
        parse(
            Map.of(KafkaClientConfig.BOOTSTRAP_ENV, "env:9092"),
            file("bootstrap-servers=file:9092"));

    assertThat(bootstrap(probe)).isEqualTo("env:9092");
    assertThat(probe.cluster.clusterNamed(Map.of())).isTrue();
  }

  @Test
  void shouldReadBooleansAsEnvironmentVariablesAreWritten() {
    assertThat(parse(Map.of("ECOSTREAM_FOLLOW", "1"), new Properties()).follow).isTrue();
    assertThat(parse(Map.of("ECOSTREAM_FOLLOW", "yes"), new Properties()).follow).isTrue();
    assertThat(parse(Map.of("ECOSTREAM_FOLLOW", "anything"), new Properties()).follow).isTrue();
    assertThat(parse(Map.of("ECOSTREAM_FOLLOW", "off"), new Properties()).follow).isFalse();
    assertThat(parse(Map.of("ECOSTREAM_FOLLOW", "0"), file("follow=true")).follow).isFalse();
    assertThat(parse(Map.of(), file("follow=true")).follow).isTrue();
  }

  @Test
  void shouldIgnoreAnEmptyEnvironmentVariable() {
    assertThat(parse(Map.of("ECOSTREAM_METRICS_PORT", " "), file("metrics-port=9600")).metricsPort)
        .isEqualTo(9600);
  }

  @Test
  void shouldNeverReadPositionalParametersOrHelpOptions() {
    Probe probe =
        parse(Map.of("ECOSTREAM_TOPIC", "stations", "ECOSTREAM_HELP", "true"), file("help=true"));

    assertThat(probe.topics).isEmpty();
    assertThat(new CommandLine(probe).isUsageHelpRequested()).isFalse();
  }

  @Test
  void shouldNameTheEnvironmentVariableAfterTheOption() {
    assertThat(EcostreamDefaults.environmentName("--bootstrap-servers"))
        .isEqualTo(KafkaClientConfig.BOOTSTRAP_ENV);
    assertThat(EcostreamDefaults.environmentName("--kafka-timeout"))
        .isEqualTo("ECOSTREAM_KAFKA_TIMEOUT");
  }

  @Test
  void shouldReadTheFileThatTheEnvironmentNamesElseTheOneInTheHomeDirectory() throws IOException {
    Path named = home.resolve("team.properties");
    assertThat(
            EcostreamDefaults.configFile(
                Map.of(EcostreamDefaults.CONFIG_ENV, named.toString()), home))
        .contains(named);
    assertThat(EcostreamDefaults.configFile(Map.of(), home)).isEmpty();

    Path inHome =
        Files.writeString(home.resolve(EcostreamDefaults.DEFAULT_FILE), "metrics-port=9600\n");
    assertThat(EcostreamDefaults.configFile(Map.of(), home)).contains(inHome);
    assertThat(EcostreamDefaults.configFile(Map.of(EcostreamDefaults.CONFIG_ENV, ""), home))
        .isEmpty();
    assertThat(EcostreamDefaults.load(inHome)).containsEntry("metrics-port", "9600");
  }

  @Test
  void shouldNameAFileThatCannotBeRead() {
    Path missing = home.resolve("missing.properties");

    assertThatThrownBy(() -> EcostreamDefaults.load(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read the settings file " + missing + ": no such file");
  }
}
