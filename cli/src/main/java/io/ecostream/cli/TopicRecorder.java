package io.ecostream.cli;

import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.RecordLine;
import io.ecostream.topics.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * What {@code record} does once its options are read: reads the chosen topics from their start (or
 * their end), each partition in offset order and the partitions merged by record timestamp, then
 * with {@code follow} the records as they come, and writes them as NDJSON lines.
 */
final class TopicRecorder {

  /** Records buffered per partition before the partition is paused: bounds the memory used. */
  static final int BUFFER_PER_PARTITION = 5_000;

  private static final Duration POLL = Duration.ofMillis(500);

  private final List<Topic<String, ?>> chosen;
  private final boolean fromBeginning;
  private final boolean follow;
  private final Long max;
  private final Recording recording;

  /**
   * @param max records to write at most, null for no limit
   */
  TopicRecorder(
      EcostreamTopics topics,
      List<Topic<String, ?>> chosen,
      boolean fromBeginning,
      boolean follow,
      Long max) {
    this.chosen = chosen;
    this.fromBeginning = fromBeginning;
    this.follow = follow;
    this.max = max;
    this.recording = new Recording(topics, chosen);
  }

  /** What was written, for the summary line. */
  String summary(Path output, Duration elapsed) {
    return recording.summary(output, elapsed);
  }

  /**
   * Writes the records: those that existed at the start merged by timestamp, then with {@code
   * follow} the ones that come, until {@code max}.
   */
  void record(KafkaConsumer<String, byte[]> consumer, Writer out, QuietConsumerCheck quiet) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<String, ?> topic : chosen) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic.name() + " does not exist");
      }
      infos.stream()
          .map(info -> new TopicPartition(info.topic(), info.partition()))
          .sorted(Comparator.comparingInt(TopicPartition::partition))
          .forEach(partitions::add);
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      ends.forEach(consumer::seek);
    }

    Map<String, Integer> topicOrder = new LinkedHashMap<>();
    chosen.forEach(t -> topicOrder.putIfAbsent(t.name(), topicOrder.size()));
    Comparator<ConsumerRecord<String, byte[]>> order =
        Comparator.comparingLong((ConsumerRecord<String, byte[]> r) -> r.timestamp())
            .thenComparingInt(r -> topicOrder.get(r.topic()))
            .thenComparingInt(ConsumerRecord::partition)
            .thenComparingLong(ConsumerRecord::offset);
    TimestampMerge<TopicPartition, ConsumerRecord<String, byte[]>> merge =
        new TimestampMerge<>(partitions, order);
    List<ConsumerRecord<String, byte[]>> later = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      if (!fromBeginning || consumer.position(partition) >= ends.get(partition)) {
        merge.finish(partition);
      }
    }

    // The records that existed at the start, merged by timestamp.
    while (!merge.isDone() && !recording.full(max)) {
      var polled = consumer.poll(POLL);
      if (polled.isEmpty()) {
        quiet.nothingArrived();
      } else {
        quiet.recordsArrived();
      }
      for (ConsumerRecord<String, byte[]> record : polled) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (merge.isOpen(partition) && record.offset() < ends.get(partition)) {
          merge.add(partition, record);
        } else if (follow) {
          later.add(record);
        }
      }
      List<TopicPartition> paused = new ArrayList<>();
      List<TopicPartition> resumed = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        if (merge.isOpen(partition) && consumer.position(partition) >= ends.get(partition)) {
          merge.finish(partition);
        }
        // A finished partition fetches nothing more until the merge is done (with --follow its
        // next records wait there); a full one waits until the merge has taken its records.
        boolean wait =
            !merge.isOpen(partition) || merge.buffered(partition) >= BUFFER_PER_PARTITION;
        (wait ? paused : resumed).add(partition);
      }
      consumer.pause(paused);
      consumer.resume(resumed);
      Optional<ConsumerRecord<String, byte[]>> next;
      while (!recording.full(max) && (next = merge.poll()).isPresent()) {
        recording.write(next.get(), out);
      }
    }
    if (!follow) {
      return;
    }
    consumer.resume(partitions);
    later.sort(order);
    for (ConsumerRecord<String, byte[]> record : later) {
      if (recording.full(max)) {
        return;
      }
      recording.write(record, out);
    }
    flush(out);
    while (!recording.full(max)) {
      List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
      consumer.poll(POLL).forEach(batch::add);
      if (batch.isEmpty()) {
        quiet.nothingArrived();
      } else {
        quiet.recordsArrived();
      }
      batch.sort(order);
      for (ConsumerRecord<String, byte[]> record : batch) {
        if (recording.full(max)) {
          break;
        }
        recording.write(record, out);
      }
      flush(out);
    }
  }

  private static void flush(Writer out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What was written: lines per topic, tombstones and undecodable values. */
  private static final class Recording {
    private final EcostreamTopics topics;
    private final Map<String, Topic<String, ?>> byName = new LinkedHashMap<>();
    private final Map<String, Long> perTopic = new LinkedHashMap<>();
    private long written;
    private long tombstones;
    private long undecodable;

    Recording(EcostreamTopics topics, List<Topic<String, ?>> chosen) {
      this.topics = topics;
      for (Topic<String, ?> topic : chosen) {
        byName.put(topic.name(), topic);
        perTopic.put(topics.relativeName(topic), 0L);
      }
    }

    boolean full(Long max) {
      return max != null && written >= max;
    }

    void write(ConsumerRecord<String, byte[]> record, Writer out) {
      RecordLine line =
          RecordLine.of(
              topics,
              byName.get(record.topic()),
              record.partition(),
              record.offset(),
              record.timestamp(),
              record.key(),
              record.value());
      try {
        out.write(line.toJson().toString());
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      written++;
      perTopic.merge(line.topic(), 1L, Long::sum);
      if (line.undecodable().isPresent()) {
        undecodable++;
      } else if (line.isTombstone()) {
        tombstones++;
      }
    }

    String summary(Path output, Duration elapsed) {
      StringBuilder text =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "recorded %,d record%s to %s in %.1f s: %s",
                  written,
                  written == 1 ? "" : "s",
                  output == null ? "stdout" : output.toString(),
                  elapsed.toNanos() / 1e9,
                  perTopic.entrySet().stream()
                      .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                      .collect(Collectors.joining(", "))));
      if (tombstones > 0) {
        text.append(
            String.format(
                Locale.ROOT, "; %,d tombstone%s", tombstones, tombstones == 1 ? "" : "s"));
      }
      if (undecodable > 0) {
        text.append(
            String.format(
                Locale.ROOT,
                "; %,d undecodable value%s written as rawValue (Base64)",
                undecodable,
                undecodable == 1 ? "" : "s"));
      }
      return text.toString();
    }
  }
}
