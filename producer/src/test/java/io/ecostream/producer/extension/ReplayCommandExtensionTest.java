package io.ecostream.producer.extension;

import static io.ecostream.producer.fixtures.ReplayFixtures.DONGSI;
import static io.ecostream.producer.fixtures.ReplayFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.producer.Sleeper;
import io.ecostream.producer.cli.ReplayCommand;
import io.ecostream.producer.cli.ReplayResult;
import io.ecostream.producer.fixtures.FakeClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A command of another module that adds options to replay, as the cli module may. */
class ReplayCommandExtensionTest {

  @TempDir Path dir;

  @Command(name = "replay")
  static class ReportingReplay extends ReplayCommand {

    @Option(names = "--report")
    String report;

    ReplayResult result;

    ReportingReplay(FakeClock wall, Sleeper sleeper) {
      super(
          Map.of(),
          wall,
          sleeper,
          config ->
              new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Override
    public Integer call() {
      result = replay(settings());
      spec().commandLine().getOut().println(report + " " + result.sentPerTopic());
      return exitCode(result);
    }
  }

  @Test
  void shouldInheritTheOptionsAndReuseTheReplay() {
    FakeClock wall = new FakeClock(Instant.parse("2025-06-01T08:00:00Z"));
    ReportingReplay command = new ReportingReplay(wall, wall.sleeper());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode =
        new CommandLine(command)
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(
                "--format",
                "prsa",
                "--skip-bad-lines",
                "--report",
                "json",
                sample(dir, DONGSI).toString());

    assertThat(exitCode).isZero();
    assertThat(command.result.summary().orElseThrow().readingsSent()).isEqualTo(4);
    assertThat(out.toString())
        .isEqualTo(
            "json {ecostream.stations=1, ecostream.air.readings=4}" + System.lineSeparator());
  }
}
