package io.ecostream.cli.report;

import io.ecostream.topics.ClusterCheck;
import io.ecostream.topics.TopicOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Waits until the streams application has processed everything: on every partition of the input
 * topics and of its own repartition topics, no record is left after the offset its consumer group
 * committed, and that stays so across two checks (a repartition topic may receive records while the
 * input is being finished). The checks are further apart than the app's commit interval.
 *
 * <p>A committed offset below the end does not always leave a record to read. Under exactly-once
 * the internal topics are written in transactions: a transaction's marker takes an offset that no
 * reader sees as a record, and the records of an aborted transaction (an instance killed before its
 * commit) are never read either. Kafka Streams commits an offset past those only once it reads a
 * record after them, so a partition may end in markers and aborted records forever. Where the
 * committed offset is below the end, a reader that sees only committed records looks at what
 * follows it.
 */
public final class PipelineDrain {

  /** Longer than the app's commit interval (1 s), so that a stable check is a settled one. */
  private static final Duration POLL = Duration.ofMillis(1500);

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  /** How many of the partitions behind a timeout names. */
  private static final int BEHIND_SHOWN = 10;

  private PipelineDrain() {}

  /** A call to the cluster got no answer in time: the broker is lost, not slow. */
  public static final class ClusterSilentException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    ClusterSilentException(String message) {
      super(message);
    }
  }

  /**
   * @param client the settings to reach the cluster (bootstrap servers, security)
   * @param groupId the streams application id
   * @param inputTopics the input topics the application reads
   * @throws TimeoutException when the application has not caught up within {@code timeout}
   */
  public static void await(
      Properties client, String groupId, Collection<String> inputTopics, Duration timeout)
      throws TimeoutException, InterruptedException {
    await(client, groupId, inputTopics, timeout, CALL_TIMEOUT, progress -> {});
  }

  /** How far the application got: the input offsets it committed, of those the input holds. */
  public record Progress(long inputProcessed, long inputTotal) {

    public double fraction() {
      return inputTotal == 0 ? 1 : (double) inputProcessed / inputTotal;
    }
  }

  /**
   * @param callTimeout how long one call to the cluster may take: a cluster silent for that long is
   *     lost, not slow
   * @param progress told after every check
   * @throws TimeoutException when the application has not caught up within {@code timeout}, or the
   *     cluster did not answer a call within {@code callTimeout}
   */
  public static void await(
      Properties client,
      String groupId,
      Collection<String> inputTopics,
      Duration timeout,
      Duration callTimeout,
      Consumer<Progress> progress)
      throws TimeoutException, InterruptedException {
    try (Admin admin = Admin.create(client);
        KafkaConsumer<byte[], byte[]> reader = reader(client)) {
      Checks checks = new Checks(admin, reader, groupId, inputTopics, callTimeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      int caughtUpChecks = 0;
      List<String> behind = List.of();
      while (caughtUpChecks < 2) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(
              "the streams application '"
                  + groupId
                  + "' had not processed everything after "
                  + timeout.toSeconds()
                  + " s (behind at the last check: "
                  + (behind.isEmpty() ? "none" : String.join(", ", behind))
                  + ")");
        }
        Check check = checks.check();
        behind = check.behind();
        caughtUpChecks = behind.isEmpty() ? caughtUpChecks + 1 : 0;
        progress.accept(check.progress());
        Thread.sleep(POLL.toMillis());
      }
    } catch (KafkaException e) {
      if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw silent(callTimeout);
      }
      throw e;
    }
  }

  /** Reads committed records only, from the offsets it is told, and commits nothing. */
  private static KafkaConsumer<byte[], byte[]> reader(Properties client) {
    Properties config = new Properties();
    config.putAll(client);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // A partition with no offset committed yet is read from its first record.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * @param behind the partitions where a record is left, or may be, with their committed, last
   *     stable and end offsets; the first {@link #BEHIND_SHOWN}
   */
  private record Check(Progress progress, List<String> behind) {}

  /** A partition whose committed offset is below its end. */
  private record Gap(TopicPartition partition, long committed, long stable, long end) {

    @Override
    public String toString() {
      return partition + " committed " + committed + ", stable " + stable + ", end " + end;
    }
  }

  private record Checks(
      Admin admin,
      KafkaConsumer<byte[], byte[]> reader,
      String groupId,
      Collection<String> inputTopics,
      Duration callTimeout) {

    Check check() throws InterruptedException, TimeoutException {
      long timeoutMs = callTimeout.toMillis();
      try {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get(timeoutMs, TimeUnit.MILLISECONDS);
        Set<String> topics =
            committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        topics.addAll(inputTopics);
        Map<TopicPartition, ListOffsetsResultInfo> ends =
            ends(topics, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> below = new HashMap<>();
        long inputProcessed = 0;
        long inputTotal = 0;
        for (var end : ends.entrySet()) {
          TopicPartition partition = end.getKey();
          OffsetAndMetadata position = committed.get(partition);
          long at = position == null ? 0 : position.offset();
          long endOffset = end.getValue().offset();
          if (inputTopics.contains(partition.topic())) {
            inputTotal += endOffset;
            inputProcessed += Math.min(at, endOffset);
          }
          if (at < endOffset) {
            below.put(partition, at);
          }
        }
        // Below the end while a transaction is open on the partition; asked only when needed.
        Map<TopicPartition, ListOffsetsResultInfo> stable =
            below.isEmpty()
                ? Map.of()
                : ends(
                    below.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet()),
                    IsolationLevel.READ_COMMITTED);
        List<Gap> inputGaps = new ArrayList<>();
        List<Gap> internalGaps = new ArrayList<>();
        below.forEach(
            (partition, at) -> {
              ListOffsetsResultInfo lastStable = stable.get(partition);
              Gap gap =
                  new Gap(
                      partition,
                      at,
                      lastStable == null ? -1 : lastStable.offset(),
                      ends.get(partition).offset());
              (inputTopics.contains(partition.topic()) ? inputGaps : internalGaps).add(gap);
            });
        // The inputs are written by producers outside the application, not in its transactions:
        // a gap there is records to read. Only once they are read is it worth reading behind the
        // internal topics' committed offsets.
        List<Gap> behind = new ArrayList<>(inputGaps);
        behind.addAll(inputGaps.isEmpty() ? withRecords(internalGaps) : internalGaps);
        return new Check(
            new Progress(inputProcessed, inputTotal),
            behind.stream().limit(BEHIND_SHOWN).map(Gap::toString).toList());
      } catch (TimeoutException e) {
        throw silent(callTimeout);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
          throw silent(callTimeout);
        }
        return new Check(new Progress(0, 0), List.of("unknown: " + e.getCause()));
      }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> ends(
        Set<String> topics, IsolationLevel isolation)
        throws InterruptedException, ExecutionException, TimeoutException {
      return TopicOffsets.of(
          admin, topics, OffsetSpec.latest(), new ListOffsetsOptions(isolation), callTimeout);
    }

    /**
     * The gaps in which a reader of committed records finds a record, or may yet: all but those it
     * reads through to the end without one, within the call timeout. A gap with a transaction still
     * open is not read: its end is out of the reader's reach.
     */
    private List<Gap> withRecords(List<Gap> gaps) {
      Map<TopicPartition, Gap> reading = new HashMap<>();
      gaps.stream()
          .filter(gap -> gap.stable() == gap.end())
          .forEach(gap -> reading.put(gap.partition(), gap));
      if (reading.isEmpty()) {
        return gaps;
      }
      reader.assign(reading.keySet());
      reading.values().forEach(gap -> reader.seek(gap.partition(), gap.committed()));
      Set<TopicPartition> readThrough = new HashSet<>();
      long deadline = System.nanoTime() + callTimeout.toNanos();
      while (!reading.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (reading.remove(partition) != null) {
            reader.pause(List.of(partition));
          }
        }
        reading
            .values()
            .removeIf(
                gap ->
                    reader.position(gap.partition(), callTimeout) >= gap.end()
                        && readThrough.add(gap.partition()));
      }
      reader.unsubscribe();
      return gaps.stream().filter(gap -> !readThrough.contains(gap.partition())).toList();
    }
  }

  private static ClusterSilentException silent(Duration callTimeout) {
    return new ClusterSilentException(
        "the cluster did not answer within " + ClusterCheck.seconds(callTimeout));
  }
}
