package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.TopicCreator;
import io.ecostream.topics.TopicOffsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay into a cluster whose air input already holds newer readings, by more than {@code run}'s
 * late grace (48 h): it stops before it sends anything, says why and what to do, and exits 1;
 * {@code --allow-older} sends it anyway. Newer data, or data within the grace, goes as always.
 */
class OlderReplayIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  @TempDir Path dir;

  private EcostreamTopics topics;

  @BeforeEach
  void topics() {
    topics = EcostreamTopics.withPrefix(KafkaBrokerFixture.uniqueName("older"));
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
  }

  @Test
  void shouldStopAReplayOlderThanTheDeploymentBeforeSendingAndSayWhatToDo() throws Exception {
    // 2024-01-01 00:00 to 2024-01-04 00:00 (+08:00): 73 hours.
    Path january = hours("january.csv", LocalDateTime.of(2024, 1, 1, 0, 0), 73);
    CliRun first = replay(january);
    assertThat(first.exitCode()).as(first.err()).isZero();
    long sent = records();
    assertThat(sent).isEqualTo(73);

    CliRun again = replay(january);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .contains(
            "error: "
                + topics.airReadings().name()
                + " already holds readings up to 2024-01-04 00:00 (+08:00) and this"
                + " replay starts at 2024-01-01 00:00")
        .contains("more than 48 h older")
        .contains(topics.prefix() + ".dead-letters")
        .contains("another --topic-prefix")
        .contains("run --reset")
        .contains("--allow-older sends it anyway");
    assertThat(records()).as("nothing sent").isEqualTo(sent);

    // 2024-01-02 00:00 is 48 h before the newest hour: within the grace, it goes.
    assertThat(replay(hours("within.csv", LocalDateTime.of(2024, 1, 2, 0, 0), 2)).exitCode())
        .isZero();
    assertThat(records()).isEqualTo(sent + 2);

    assertThat(replay(january, "--allow-older").exitCode()).isZero();
    assertThat(records()).isEqualTo(sent + 2 + 73);
  }

  private CliRun replay(Path file, String... more) {
    String[] args = {
      "replay",
      "--format",
      "csv",
      file.toString(),
      "--bootstrap-servers",
      kafka.bootstrapServers(),
      "--topic-prefix",
      topics.prefix()
    };
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.of(all);
  }

  /** Records on the air input topic, over its partitions. */
  private long records() throws Exception {
    return TopicOffsets.of(
            kafka.admin(),
            List.of(topics.airReadings().name()),
            OffsetSpec.latest(),
            new ListOffsetsOptions(),
            Duration.ofSeconds(30))
        .values()
        .stream()
        .mapToLong(ListOffsetsResultInfo::offset)
        .sum();
  }

  /** One station's consecutive hours from {@code first}, Beijing time. */
  private Path hours(String name, LocalDateTime first, int count) throws IOException {
    StringBuilder csv =
        new StringBuilder("station_id,city_id,hour_start,pm25,pm10,so2,no2,co,o3\n");
    for (int h = 0; h < count; h++) {
      csv.append("S1,jinan,")
          .append(first.plusHours(h))
          .append(",")
          .append(10 + h % 3)
          .append(",20,3,4,0.5,30\n");
    }
    return Files.writeString(dir.resolve(name), csv);
  }
}
