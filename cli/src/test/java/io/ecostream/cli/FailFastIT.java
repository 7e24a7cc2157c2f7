package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.TopicCreator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands pointed at an address where no broker listens, or at a cluster without their topics, end
 * soon with one line that says what to do, and SIGTERM ends them within 5 s. The commands run in
 * their own JVMs, as a user runs them, with the logging configuration they ship with.
 */
class FailFastIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  /** Shorter than the default 15 s, so that the test is quick; the bound is the same. */
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);

  /** The contract: the timeout, then at most this long to start the JVM, give up and exit. */
  private static final Duration EXIT_MARGIN = Duration.ofSeconds(10);

  /** Ctrl-C ends a command within 5 s; asserted with a margin for a loaded machine. */
  private static final Duration SIGTERM_BOUND = Duration.ofSeconds(10);

  /** 128 + 15: the JVM ended on SIGTERM. */
  private static final int SIGTERM_EXIT_CODE = 143;

  @TempDir Path dir;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void shouldEndEveryCommandWithOneLineWhenNoBrokerAnswers() throws Exception {
    String address = "localhost:" + LocalKafkaBroker.freePort();
    Path readings = oneReading();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("tail", List.of("tail", "air.readings"));
    commands.put("record", List.of("record", "air.readings", "--from-beginning"));
    commands.put("simulate", List.of("simulate"));
    commands.put(
        "run",
        List.of("run", "--metrics-port", "-1", "--state-dir", dir.resolve("state").toString()));
    commands.put(
        "replay", List.of("replay", "--format", "csv", readings.toString(), "--report", "json"));

    // One after the other: JVMs starting side by side on two cores would measure the machine.
    for (Map.Entry<String, List<String>> entry : commands.entrySet()) {
      String name = entry.getKey();
      List<String> args = new ArrayList<>(entry.getValue());
      args.addAll(List.of("--bootstrap-servers", address, "--kafka-timeout", "3s"));
      long startedAt = System.nanoTime();
      Child child = start(name, args);
      Duration bound = KAFKA_TIMEOUT.plus(EXIT_MARGIN);
      boolean exited = child.process().waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - startedAt);

      assertThat(exited).as("%s ended within %s; stderr: %s", name, bound, child.err()).isTrue();
      System.out.printf(
          "%s: exit %.1f s after the start, with --kafka-timeout 3s%n", name, took.toNanos() / 1e9);
      assertThat(child.process().exitValue())
          .as("exit code of %s", name)
          .isEqualTo(EcostreamCli.FAILURE);
      assertThat(child.errLines())
          .as("stderr of %s", name)
          .containsExactly(
              "ecostream "
                  + name
                  + ": no Kafka broker answers at "
                  + address
                  + " within 3 s; start one with './ecostream broker' or pass --bootstrap-servers");
    }
  }

  @Test
  void shouldEndAReplayWaitingForAbsentBrokerWithinFiveSecondsOfSigterm() throws Exception {
    String address = "localhost:" + LocalKafkaBroker.freePort();
    Path readings = oneReading();
    for (List<String> reportOrNot : List.of(List.<String>of(), List.of("--report", "json"))) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "replay",
                  "--format",
                  "csv",
                  readings.toString(),
                  "--bootstrap-servers",
                  address));
      args.addAll(reportOrNot);
      Child replay = start("replay", args);
      // A deliberate pause, not a synchronisation: the JVM starts in a second or two, then waits
      // up to 15 s for an answer; the stop lands in that wait.
      Thread.sleep(3000);
      assertThat(replay.process().isAlive())
          .as("replay still waiting; stderr: %s", replay.err())
          .isTrue();

      long stopped = System.nanoTime();
      replay.process().destroy();
      boolean exited = replay.process().waitFor(SIGTERM_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - stopped);

      assertThat(exited).as("replay %s ended within %s of SIGTERM", args, SIGTERM_BOUND).isTrue();
      System.out.printf(
          "replay %s: exit %.2f s after SIGTERM%n", reportOrNot, took.toNanos() / 1e9);
      assertThat(replay.process().exitValue()).isEqualTo(SIGTERM_EXIT_CODE);
      assertThat(replay.errLines())
          .singleElement()
          .asString()
          .matches(
              "ecostream replay: stopped after [0-9.]+ s while waiting for a Kafka broker at "
                  + address.replace(".", "\\.")
                  + " to answer");
    }
  }

  @Test
  void shouldNameTheCommandThatCreatesAMissingTopic() throws Exception {
    String prefix = KafkaBrokerFixture.uniqueName("new");
    Path readings = oneReading();

    CliRun simulate =
        CliRun.of(
            "simulate", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix);
    CliRun replay =
        CliRun.of(
            "replay",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic-prefix",
            prefix,
            "--format",
            "csv",
            readings.toString());
    TopicCreator.ensureExist(
        kafka.admin(), List.of(EcostreamTopics.withPrefix(prefix).stations()), Optional.empty());
    CliRun tail =
        CliRun.of(
            "tail",
            "air.city-daily",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic-prefix",
            prefix);

    String run = "'./ecostream run --topic-prefix " + prefix + "' creates the pipeline's topics";
    assertThat(simulate.exitCode()).isEqualTo(EcostreamCli.FAILURE);
    assertThat(simulate.errLines())
        .containsExactly(
            "ecostream simulate: topics "
                + prefix
                + ".stations, "
                + prefix
                + ".air.readings, "
                + prefix
                + ".water.readings do not exist; "
                + run);
    assertThat(replay.exitCode()).isEqualTo(EcostreamCli.FAILURE);
    assertThat(replay.errLines())
        .containsExactly(
            "ecostream replay: topics "
                + prefix
                + ".stations, "
                + prefix
                + ".air.readings do not exist; "
                + run);
    assertThat(tail.exitCode()).isEqualTo(EcostreamCli.FAILURE);
    assertThat(tail.errLines())
        .containsExactly(
            "ecostream tail: topic " + prefix + ".air.city-daily does not exist; " + run);
  }

  /** A command in its own JVM, stdout and stderr in files of the temporary directory. */
  private record Child(Process process, Path out, Path errFile) {
    String err() {
      try {
        return Files.readString(errFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    List<String> errLines() {
      return err().lines().filter(line -> !line.isBlank()).toList();
    }
  }

  private Child start(String name, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(asTheLauncherRunsIt());
    command.add(EcostreamCli.class.getName());
    command.addAll(args);
    Path out = dir.resolve(name + "-" + started.size() + ".out");
    Path err = dir.resolve(name + "-" + started.size() + ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      started.add(process);
      return new Child(process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The packaged jar, whose manifest names its libraries, with its own logging configuration, as
   * the launcher runs it. The test class path would add the same libraries a second time (SLF4J
   * says so on stderr) and log4j2-test.xml; it is the fallback when the classes are not packaged.
   */
  private static List<String> asTheLauncherRunsIt() {
    Path location;
    try {
      location =
          Path.of(EcostreamCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (location.toString().endsWith(".jar")) {
      return List.of("-cp", location.toString());
    }
    URL config = EcostreamCli.class.getResource("/log4j2.xml");
    assertThat(config).as("log4j2.xml of the cli module").isNotNull();
    return List.of(
        "-Dlog4j2.configurationFile=" + config, "-cp", System.getProperty("java.class.path"));
  }

  private Path oneReading() throws IOException {
    return Files.writeString(
        dir.resolve("one.csv"),
        "station_id,city_id,hour_start,pm25,pm10,so2,no2,co,o3\n"
            + "S1,jinan,2024-01-01T00:00:00+08:00,10,20,3,4,0.5,30\n");
  }
}
