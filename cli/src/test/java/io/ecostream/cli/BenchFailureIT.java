package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.localkafka.KafkaBrokerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench that fails in a phase, without {@code --work-dir}, keeps the logs of its temporary
 * directory (the only account of why it failed) and deletes the rest. The failure is a real one:
 * the client settings given to the bench forbid records as large as its readings, so its producer's
 * sends fail on the real broker.
 */
class BenchFailureIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final Pattern KEPT =
      Pattern.compile("the run failed; its logs are kept in (\\S+)");

  @TempDir Path configDir;

  private Path kept;

  @AfterEach
  void deleteKeptLogs() {
    if (kept != null) {
      EmbeddedBroker.deleteQuietly(kept.getParent());
    }
  }

  @Test
  void shouldKeepTheLogsOfAFailedRunAndDeleteTheRest() throws Exception {
    // Smaller than any reading: every send fails with "record too large".
    Path tooSmall = configDir.resolve("client.properties");
    Files.writeString(tooSmall, "max.request.size=64\n");

    CliRun run =
        CliRun.of(
            "bench",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--command-config",
            tooSmall.toString(),
            "--stations",
            "20",
            "--records",
            "1000",
            "--warmup",
            "0",
            "--phases",
            "producer");

    assertThat(run.exitCode()).as(run::err).isEqualTo(1);
    Matcher said = KEPT.matcher(run.err());
    assertThat(said.find()).as(run::err).isTrue();
    kept = Path.of(said.group(1));
    assertThat(kept.getFileName()).hasToString("logs");
    assertThat(kept.resolve("bench.log")).isNotEmptyFile();
    assertThat(Files.readString(kept.resolve("bench.log"))).contains("max.request.size");
    try (Stream<Path> left = Files.list(kept.getParent())) {
      assertThat(left.toList()).as("what is left of the run's directory").isEqualTo(List.of(kept));
    }
  }
}
