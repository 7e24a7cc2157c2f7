package io.ecostream.cli;

import io.ecostream.options.ExitCodes;
import io.ecostream.topics.ClusterOptions;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
    TopicRecorder recorder = new TopicRecorder(topics, chosen, fromBeginning, follow, max);
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
        recorder.record(consumer, out, quiet);
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
    err.println(recorder.summary(output, Duration.ofNanos(System.nanoTime() - started)));
    err.flush();
    return 0;
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

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
