package io.ecostream.cli;

import io.ecostream.options.DurationConverter;
import io.ecostream.options.ExitCodes;
import io.ecostream.topics.ClusterOptions;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.RecordLine;
import io.ecostream.topics.Topic;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** {@code ecostream tail TOPIC}: decoded records of any ecostream topic, one JSON object a line. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the records of an ecostream topic as JSON lines.",
      "One record a line: {\"partition\", \"offset\", \"timestamp\", \"key\", \"value\"}"
          + " (the lines of 'ecostream record' without \"topic\"; a value that does not decode has"
          + " \"undecodable\":true and its bytes in \"rawValue\").",
      "TOPIC is a full name (ecostream.air.city-daily) or the name without the prefix (air.city-daily).",
      "Figures and alerts print the same whichever --output-format the streams app writes (avro or json).",
      "It first checks, within --kafka-timeout, that a broker answers and the topic exists; a broker"
          + " lost later ends it with an error once it has been quiet for that long."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:stopped after --max records, after --idle-timeout, or with Ctrl-C",
      "1:no broker answers, the topic is missing, or the broker was lost",
      ExitCodes.USAGE
    })
public final class TailCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to print.")
  String topicName;

  @Option(
      names = "--from-beginning",
      description = "Start at the oldest record instead of new ones.")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  Long max;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop when no record arrives for this long, e.g. 10s (default: wait forever).")
  Duration idleTimeout;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() {
    if (max != null && max < 1) {
      throw new ParameterException(spec.commandLine(), "--max must be at least 1, got " + max);
    }
    EcostreamTopics topics = cluster.topics();
    Topic<String, ?> topic = resolveTopic();
    PrintWriter out = spec.commandLine().getOut();
    Properties defaults = new Properties();
    defaults.put(ConsumerConfig.GROUP_ID_CONFIG, "ecostream-tail-" + UUID.randomUUID());
    defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
    defaults.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    defaults.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Properties properties =
        KafkaClientConfig.withRequestTimeouts(
            cluster.clientProperties(defaults), cluster.kafkaTimeout());
    cluster.requireCluster(properties, List.of(topic));

    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    try (ConsumerStop stop = new ConsumerStop(consumer)) {
      QuietConsumerCheck quiet =
          new QuietConsumerCheck(
              consumer,
              cluster.kafkaTimeout(),
              properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
      consumer.subscribe(List.of(topic.name()));
      long printed = 0;
      long lastRecordAt = System.nanoTime();
      try {
        while (max == null || printed < max) {
          var records = consumer.poll(Duration.ofMillis(500));
          if (records.isEmpty()) {
            if (idleTimeout != null && System.nanoTime() - lastRecordAt > idleTimeout.toNanos()) {
              break;
            }
            quiet.nothingArrived();
            continue;
          }
          quiet.recordsArrived();
          lastRecordAt = System.nanoTime();
          for (ConsumerRecord<String, byte[]> record : records) {
            out.println(line(topics, topic, record));
            if (max != null && ++printed >= max) {
              break;
            }
          }
          out.flush();
        }
      } catch (WakeupException e) {
        if (!stop.requested()) {
          throw e;
        }
      }
    }
    out.flush();
    return 0;
  }

  private Topic<String, ?> resolveTopic() {
    EcostreamTopics topics = cluster.topics();
    return topics
        .byName(topicName)
        .or(() -> topics.byName(topics.prefix() + "." + topicName))
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "unknown topic '"
                        + topicName
                        + "'; ecostream topics are: "
                        + topics.all().stream()
                            .map(Topic::name)
                            .collect(Collectors.joining(", "))));
  }

  private static String line(
      EcostreamTopics topics, Topic<String, ?> topic, ConsumerRecord<String, byte[]> record) {
    return RecordLine.of(
            topics,
            topic,
            record.partition(),
            record.offset(),
            record.timestamp(),
            record.key(),
            record.value())
        .toJsonWithoutTopic()
        .toString();
  }
}
