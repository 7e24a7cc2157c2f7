package io.ecostream.cli;

import io.ecostream.options.ExitCodes;
import io.ecostream.topics.ClusterOptions;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.RecordLine;
import io.ecostream.topics.Topic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecostream record TOPIC...}: the records of ecostream topics to a file of JSON lines that
 * {@code replay --format ndjson} sends again, into this or another topic prefix.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the records of ecostream topics to a file of JSON lines (NDJSON), for 'replay --format ndjson'.",
      "One record a line:"
          + " {\"topic\",\"partition\",\"offset\",\"timestamp\",\"key\",\"value\"}. The topic is"
          + " named without its prefix (air.readings), so that 'replay --format ndjson' sends a"
          + " recording into any --topic-prefix. A tombstone has \"value\":null; a value that"
          + " does not decode is written as \"value\":null,\"undecodable\":true,\"rawValue\":BASE64.",
      "Order: each partition in offset order, the partitions of all topics merged by record"
          + " timestamp (ties: topic as given, partition, offset). With --follow, the records that"
          + " arrive after the start follow in the order they come.",
      "It stops at the end offsets the topics had when it started, or with --follow at Ctrl-C;"
          + " a summary of the records per topic goes to stderr.",
      "It first checks, within --kafka-timeout, that a broker answers and the topics exist; a broker"
          + " lost later ends it with an error within about that long."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:recorded up to the end offsets of the start, or to --max, or until Ctrl-C with --follow",
      "1:no broker answers, a topic is missing, the broker was lost, or the file cannot be written",
      ExitCodes.USAGE
    })
public final class RecordCommand implements Callable<Integer> {

  /** Records buffered per partition before the partition is paused: bounds the memory used. */
  static final int BUFFER_PER_PARTITION = 5_000;

  private static final Duration POLL = Duration.ofMillis(500);

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "TOPIC",
      arity = "0..*",
      description = "Topics to record, with or without the prefix (air.readings, stations).")
  List<String> topicArguments = new ArrayList<>();

  @Option(
      names = "--topics",
      paramLabel = "TOPIC[,TOPIC...]",
      hideParamSyntax = true,
      split = ",",
      description = "Topics to record, as a list; adds to the TOPIC arguments.")
  List<String> topicOption = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "File to write (replaced if it exists; gzip if it ends in .gz). Default: stdout.")
  Path output;

  @Option(
      names = "--from-beginning",
      description =
          "Start at the oldest records; without it only new records, which needs --follow.")
  boolean fromBeginning;

  @Option(
      names = "--follow",
      description = "Go on recording new records after the end offsets of the start, until Ctrl-C.")
  boolean follow;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  Long max;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws IOException {
    if (max != null && max < 1) {
      throw usage("--max must be at least 1, got " + max);
    }
    if (!fromBeginning && !follow) {
      throw usage(
          "nothing to record: without --from-beginning only new records are recorded, with --follow");
    }
    EcostreamTopics topics = cluster.topics();
    List<Topic<String, ?>> chosen = resolveTopics(topics);
    Properties defaults = new Properties();
    defaults.put(ConsumerConfig.GROUP_ID_CONFIG, "ecostream-record-" + UUID.randomUUID());
    defaults.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    defaults.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Properties properties =
        KafkaClientConfig.withRequestTimeouts(
            cluster.clientProperties(defaults), cluster.kafkaTimeout());
    cluster.requireCluster(properties, chosen);

    long started = System.nanoTime();
    Recording recording = new Recording(topics, chosen);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    // Closed in reverse: the file is complete before the consumer closes and a Ctrl-C goes on.
    try (ConsumerStop stop = new ConsumerStop(consumer);
        Writer out = open()) {
      QuietConsumerCheck quiet =
          new QuietConsumerCheck(
              consumer,
              cluster.kafkaTimeout(),
              properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
      try {
        record(consumer, chosen, recording, out, quiet);
      } catch (WakeupException e) {
        if (!stop.requested()) {
          throw e;
        }
      } finally {
        out.flush();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(recording.summary(output, Duration.ofNanos(System.nanoTime() - started)));
    err.flush();
    return 0;
  }

  private void record(
      KafkaConsumer<String, byte[]> consumer,
      List<Topic<String, ?>> chosen,
      Recording recording,
      Writer out,
      QuietConsumerCheck quiet) {
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

  private List<Topic<String, ?>> resolveTopics(EcostreamTopics topics) {
    Set<String> names = new LinkedHashSet<>(topicArguments);
    names.addAll(topicOption);
    names.removeIf(String::isBlank);
    if (names.isEmpty()) {
      throw usage(
          "name the topics to record, e.g. 'air.readings stations' or --topics"
              + " air.readings,stations");
    }
    Set<Topic<String, ?>> chosen = new LinkedHashSet<>();
    for (String name : names) {
      String stripped = name.strip();
      chosen.add(
          topics
              .byName(stripped)
              .or(() -> topics.byRelativeName(stripped))
              .orElseThrow(
                  () ->
                      usage(
                          "unknown topic '"
                              + stripped
                              + "'; ecostream topics are: "
                              + topics.all().stream()
                                  .map(topics::relativeName)
                                  .collect(Collectors.joining(", ")))));
    }
    return List.copyOf(chosen);
  }

  private Writer open() throws IOException {
    if (output == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      // stdout belongs to the caller: flushed, never closed.
      return new Writer() {
        @Override
        public void write(char[] buffer, int offset, int length) {
          stdout.write(buffer, offset, length);
        }

        @Override
        public void flush() {
          stdout.flush();
        }

        @Override
        public void close() {
          stdout.flush();
        }
      };
    }
    OutputStream file = Files.newOutputStream(output);
    try {
      OutputStream content =
          output.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file) : file;
      return new BufferedWriter(new OutputStreamWriter(content, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      file.close();
      throw e;
    }
  }

  private static void flush(Writer out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
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
