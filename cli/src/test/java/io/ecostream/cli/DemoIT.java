package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.localkafka.LocalKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end: a real broker, streams-app and simulator as separate JVMs, status lines; and
 * a demo whose simulated time reaches the present.
 */
class DemoIT {

  private static final Pattern STATUS =
      Pattern.compile(
          "\\[\\s*\\d+s] in: air (\\d+), water (\\d+) \\| out: air.station-hourly (\\d+),"
              + " air.city-hourly (\\d+), air.pm25-rolling (\\d+), air.city-daily (\\d+),"
              + " air.city-period (\\d+), air.ranking (\\d+), water.sample-class (\\d+),"
              + " water.section-month (\\d+), water.city-period (\\d+), water.ranking (\\d+) \\| dead-letters (\\d+) \\| alerts (\\d+).*");

  @TempDir Path workDir;

  @Test
  void shouldRunAllPartsAndShowRecordsFlowingIntoEveryOutputTopic() {
    CliRun run =
        CliRun.of(
            "demo",
            "--duration",
            "35s",
            "--speed",
            "14400",
            "--port",
            Integer.toString(LocalKafkaBroker.freePort()),
            "--controller-port",
            Integer.toString(LocalKafkaBroker.freePort()),
            "--metrics-port",
            Integer.toString(LocalKafkaBroker.freePort()),
            "--work-dir",
            workDir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> statusLines =
        run.errLines().stream().filter(l -> STATUS.matcher(l).matches()).toList();
    assertThat(statusLines).as(run.err()).hasSizeGreaterThanOrEqualTo(2);
    Matcher last = STATUS.matcher(statusLines.get(statusLines.size() - 1));
    assertThat(last.matches()).isTrue();
    long airIn = Long.parseLong(last.group(1));
    long waterIn = Long.parseLong(last.group(2));
    long stationHourly = Long.parseLong(last.group(3));
    long cityHourly = Long.parseLong(last.group(4));
    long pm25Rolling = Long.parseLong(last.group(5));
    long cityDaily = Long.parseLong(last.group(6));
    assertThat(airIn).as("air readings in").isPositive();
    assertThat(waterIn).as("water samples in").isPositive();
    assertThat(stationHourly).as("station-hourly out").isPositive();
    assertThat(cityHourly).as("city-hourly out").isPositive();
    // the latest mean of each station and city, at most once per commit interval: not one per
    // reading
    assertThat(pm25Rolling)
        .as("pm25-rolling out: stations and cities")
        .isPositive()
        .isLessThan(stationHourly);
    assertThat(cityDaily).as("city-daily out").isPositive();
    assertThat(Long.parseLong(last.group(7))).as("city-period out").isPositive();
    assertThat(Long.parseLong(last.group(8))).as("ranking out").isPositive();
    assertThat(Long.parseLong(last.group(9))).as("water sample classes out").isPositive();
    assertThat(Long.parseLong(last.group(10))).as("water section-months out").isPositive();
    assertThat(Long.parseLong(last.group(11))).as("water city periods out").isPositive();
    assertThat(Long.parseLong(last.group(12))).as("water rankings out").isPositive();
    assertThat(Long.parseLong(last.group(13))).as("dead letters of valid simulated data").isZero();
    assertThat(run.err()).contains("ecostream demo: stopped");
  }

  /**
   * From yesterday at ten simulated hours a second, the simulator catches up with the clock within
   * seconds and goes on in real time; before, the broker refused the first reading stamped an hour
   * past its clock and the demo died about 20 s after its start.
   */
  @Test
  void shouldGoOnInRealTimeOnceTheSimulationReachesThePresent() throws IOException {
    LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    CliRun run =
        CliRun.of(
            "demo",
            "--from",
            yesterday.toString(),
            "--duration",
            "45s",
            "--speed",
            "36000",
            "--port",
            Integer.toString(LocalKafkaBroker.freePort()),
            "--controller-port",
            Integer.toString(LocalKafkaBroker.freePort()),
            "--metrics-port",
            Integer.toString(LocalKafkaBroker.freePort()),
            "--work-dir",
            workDir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("exited unexpectedly").contains("ecostream demo: stopped");
    assertThat(Files.readAllLines(workDir.resolve("logs/simulator.log")))
        .as("the simulator said once that it goes on in real time")
        .filteredOn(line -> line.startsWith("caught up with the clock at "))
        .hasSize(1);
    List<String> statusLines =
        run.errLines().stream().filter(l -> STATUS.matcher(l).matches()).toList();
    assertThat(statusLines).as(run.err()).isNotEmpty();
    Matcher last = STATUS.matcher(statusLines.get(statusLines.size() - 1));
    assertThat(last.matches()).isTrue();
    assertThat(Long.parseLong(last.group(1))).as("air readings in").isPositive();
    assertThat(Long.parseLong(last.group(3))).as("station-hourly out").isPositive();
    assertThat(Long.parseLong(last.group(13)))
        .as("dead letters (a reading from the future among them)")
        .isZero();
  }
}
