package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.topics.KafkaClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --report json} with no cluster named and none on localhost:9092: the whole pipeline
 * on an embedded broker, whose report equals that of the same file replayed into a running cluster.
 */
class EmbeddedReplayIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final String INPUT = "shandong_cities_2022-01-02_hourly.csv.gz";
  private static final Pattern FOLDER = Pattern.compile("embedded broker in (\\S+) ");

  @TempDir Path dir;

  private Path input;

  @BeforeEach
  void input() throws IOException {
    assumeFalse(
        System.getenv(KafkaClientConfig.BOOTSTRAP_ENV) != null || brokerOnDefaultAddress(),
        "a cluster is named in the environment or runs on localhost:9092: replay would use it");
    input = dir.resolve(INPUT);
    try (InputStream in = EmbeddedReplayIT.class.getResourceAsStream(INPUT)) {
      Files.copy(in, input);
    }
  }

  @Test
  void shouldReportAsAReplayIntoARunningClusterAndCleanUp() throws IOException {
    CliRun embedded =
        CliRun.of("replay", "--format", "cnemc-city", "--report", "json", input.toString());

    assertThat(embedded.exitCode()).as(embedded.err()).isZero();
    Matcher folder = FOLDER.matcher(embedded.err());
    assertThat(folder.find()).as(embedded.err()).isTrue();
    assertThat(embedded.err()).contains("(deleted at the end; --keep DIR keeps it)");
    assertThat(Path.of(folder.group(1))).doesNotExist();

    String clusterReport;
    try (PipelineOnBroker pipeline =
        PipelineOnBroker.start(kafka, "embedded", dir.resolve("state"))) {
      CliRun intoCluster =
          CliRun.of(
              "replay",
              "--bootstrap-servers",
              kafka.bootstrapServers(),
              "--topic-prefix",
              pipeline.prefix(),
              "--application-id",
              pipeline.applicationId(),
              "--format",
              "cnemc-city",
              "--report",
              "json",
              input.toString());
      assertThat(intoCluster.exitCode()).as(intoCluster.err()).isZero();
      assertThat(intoCluster.err()).doesNotContain("embedded broker");
      clusterReport = intoCluster.out();
    }
    // 16 cities and the province, January and February 2022
    assertThat(embedded.out().lines()).hasSize(17);
    assertThat(embedded.out()).isEqualTo(clusterReport);
  }

  @Test
  void shouldKeepTheBrokerDataAndStateWhereAsked() {
    Path kept = dir.resolve("kept");

    CliRun run =
        CliRun.of(
            "replay",
            "--format",
            "cnemc-city",
            "--from",
            "2022-01-01",
            "--to",
            "2022-01-03",
            "--keep",
            kept.toString(),
            input.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "embedded broker in " + kept,
            "'./ecostream broker --data-dir " + kept.resolve("kafka"));
    assertThat(kept.resolve("kafka")).isDirectory();
    assertThat(kept.resolve("state")).isDirectory();
  }

  private static boolean brokerOnDefaultAddress() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", 9092), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
