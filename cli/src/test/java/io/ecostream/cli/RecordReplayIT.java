package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV replayed, its input topics recorded to NDJSON, the recording replayed into another prefix.
 */
class RecordReplayIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** Two Binzhou stations, three hours, missing values; BZ-A02 starts an hour later. */
  private static final String READINGS =
      """
      station_id,city_id,hour_start,pm25,pm10,so2,no2,co,o3
      BZ-A01,binzhou,2024-01-15T00:00,80,120,12,40,1.2,30
      BZ-A01,binzhou,2024-01-15T01:00,,118,11,,1.1,
      BZ-A02,binzhou,2024-01-15T01:00,75.5,,,38,,28
      BZ-A01,binzhou,2024-01-15T02:00,90,130,13,42,1.3,25
      BZ-A02,binzhou,2024-01-15T02:00,88,125,12,41,1.25,26
      """;

  @TempDir Path dir;

  /** What a test compares: everything of a record but its offset. */
  private record Sent(int partition, String key, long timestamp, byte[] value) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Sent s
          && s.partition == partition
          && s.key.equals(key)
          && s.timestamp == timestamp
          && Arrays.equals(s.value, value);
    }

    @Override
    public int hashCode() {
      return key.hashCode();
    }

    @Override
    public String toString() {
      return partition + "/" + key + "@" + timestamp + "#" + Arrays.hashCode(value);
    }
  }

  @Test
  void shouldReplayARecordingIntoAnotherPrefixAsTheSameRecords() throws IOException {
    EcostreamTopics original = topics("original");
    EcostreamTopics copy = topics("copy");
    Path csv = Files.writeString(dir.resolve("readings.csv"), READINGS);
    Path recording = dir.resolve("recording.ndjson");

    CliRun replayed = cli("replay", original, "--format", "csv", csv.toString());
    CliRun recorded =
        cli(
            "record",
            original,
            "--from-beginning",
            "--topics",
            "air.readings,stations",
            "--output",
            recording.toString());
    CliRun replayedAgain = cli("replay", copy, "--format", "ndjson", recording.toString());

    assertThat(replayed.exitCode()).as(replayed.err()).isZero();
    assertThat(recorded.exitCode()).as(recorded.err()).isZero();
    assertThat(recorded.errLines())
        .singleElement()
        .asString()
        .matches(
            "recorded 7 records to "
                + Pattern.quote(recording.toString())
                + " in [0-9.]+ s: air.readings 5, stations 2");
    assertThat(replayedAgain.exitCode()).as(replayedAgain.err()).isZero();
    assertThat(replayedAgain.err())
        .contains(
            "sent "
                + copy.stations().name()
                + " 2, "
                + copy.airReadings().name()
                + " 5, "
                + copy.waterReadings().name()
                + " 0");

    List<String> lines = Files.readAllLines(recording);
    assertThat(lines).hasSize(7);
    // Station metadata is stamped with the first reading's hour: the tie goes by --topics order.
    assertThat(lines.get(0)).startsWith("{\"topic\":\"air.readings\",\"partition\":");
    assertThat(lines).allMatch(line -> !line.contains("\"original"));
    assertThat(timestamps(lines)).isSorted();

    assertThat(read(copy.airReadings())).containsExactlyElementsOf(read(original.airReadings()));
    assertThat(read(copy.stations())).containsExactlyElementsOf(read(original.stations()));
    assertThat(read(copy.airReadings())).hasSize(5);
  }

  private EcostreamTopics topics(String name) {
    EcostreamTopics topics = EcostreamTopics.withPrefix(KafkaBrokerFixture.uniqueName(name));
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    return topics;
  }

  private CliRun cli(String command, EcostreamTopics topics, String... options) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of(
            "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", topics.prefix()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<Instant> timestamps(List<String> lines) {
    return lines.stream()
        .map(line -> Instant.parse(line.replaceAll(".*\"timestamp\":\"([^\"]+)\".*", "$1")))
        .toList();
  }

  /**
   * Every record of the topic, by partition and offset; waits for the end offsets with a deadline.
   */
  private static List<Sent> read(Topic<String, ?> topic) {
    Map<String, Object> config = kafka.consumerProps(KafkaBrokerFixture.uniqueName("check"));
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime())
            .as("read " + topic + " before the deadline")
            .isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records.stream()
          .sorted(
              Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
                  .thenComparingLong(ConsumerRecord::offset))
          .map(r -> new Sent(r.partition(), r.key(), r.timestamp(), r.value()))
          .toList();
    }
  }
}
