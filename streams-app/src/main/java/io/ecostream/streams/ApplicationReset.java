package io.ecostream.streams;

import io.ecostream.topics.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.tools.StreamsResetter;

/**
 * The Kafka side of {@code run --reset}: the application's committed offsets on its input topics
 * back to the earliest, its internal topics deleted. Kafka's own {@link StreamsResetter} (the class
 * behind {@code kafka-streams-application-reset.sh}) does the work; the local state is wiped
 * separately, by {@code KafkaStreams#cleanUp()} before the start.
 */
final class ApplicationReset {

  private static final long ADMIN_TIMEOUT_SECONDS = 30;

  private ApplicationReset() {}

  /** What a reset did, for the run command's one report line. */
  record Outcome(
      String applicationId, List<String> inputTopics, List<String> deletedInternalTopics) {

    Outcome {
      inputTopics = List.copyOf(inputTopics);
      deletedInternalTopics = List.copyOf(deletedInternalTopics);
    }

    String summary() {
      return "reset application "
          + applicationId
          + ": offsets of "
          + String.join(", ", inputTopics)
          + " back to the earliest; "
          + (deletedInternalTopics.isEmpty()
              ? "no internal topics to delete"
              : "deleted internal topics " + String.join(", ", deletedInternalTopics));
    }
  }

  /** A reset that did not start or did not finish; the message is one line. */
  static final class ResetFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String toolOutput;

    ResetFailedException(String message, String toolOutput) {
      super(message);
      this.toolOutput = toolOutput;
    }

    /** What StreamsResetter printed, empty when it did not run. */
    String toolOutput() {
      return toolOutput;
    }
  }

  /**
   * @param properties the streams application's settings (application id, bootstrap, security)
   * @param topology the topology the application will run, whose internal topics are deleted
   * @param inputs the topics whose committed offsets go back to the earliest
   * @throws ResetFailedException when an instance is still a member of the group, when only topics
   *     foreign to the topology look internal (see {@link #internalTopicsToDelete}), or when the
   *     tool fails
   */
  static Outcome reset(
      Properties properties, Topology topology, Collection<? extends Topic<?, ?>> inputs) {
    StreamsConfig config = new StreamsConfig(properties);
    String applicationId = config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
    Map<String, Object> adminConfig = config.getAdminConfigs("ecostream-reset-admin");
    List<String> inputTopics = inputs.stream().map(Topic::name).toList();

    List<String> internalTopics;
    try (Admin admin = Admin.create(adminConfig)) {
      List<MemberDescription> members = activeMembers(admin, applicationId);
      if (!members.isEmpty()) {
        throw new ResetFailedException(
            "application id '"
                + applicationId
                + "' still has "
                + members.size()
                + " active member(s) ("
                + String.join(", ", members.stream().map(MemberDescription::clientId).toList())
                + "): stop every instance first (one that crashed leaves the group after session.timeout.ms)",
            "");
      }
      Set<String> existing = await(admin.listTopics().names());
      internalTopics = internalTopicsToDelete(applicationId, topology, existing);
    }

    List<String> args =
        new ArrayList<>(
            List.of(
                "--application-id",
                applicationId,
                "--bootstrap-server",
                String.join(",", config.getList(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)),
                "--input-topics",
                String.join(",", inputTopics),
                "--to-earliest"));
    if (!internalTopics.isEmpty()) {
      // Without it the tool deletes every internal-looking topic whose name starts with
      // "<application id>-": the state of another deployment whose id merely extends this one.
      args.add("--internal-topics");
      args.add(String.join(",", internalTopics));
    }
    Transcript transcript = runResetter(args, adminConfig);
    if (transcript.exitCode() != 0) {
      throw new ResetFailedException(
          "StreamsResetter failed (exit code "
              + transcript.exitCode()
              + "): "
              + transcript.firstError(),
          transcript.output());
    }
    return new Outcome(applicationId, inputTopics, internalTopics);
  }

  /**
   * The changelog and repartition topics of this topology that exist, sorted. StreamsResetter
   * infers candidates by prefix alone; this keeps to the topology's own stores and repartitions,
   * and refuses when no such topic exists but the tool would still find prefix matches to delete.
   */
  static List<String> internalTopicsToDelete(
      String applicationId, Topology topology, Set<String> existing) {
    Set<String> own = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          processor.stores().forEach(store -> own.add(applicationId + "-" + store + "-changelog"));
        }
        if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
          source.topicSet().stream()
              .filter(topic -> topic.endsWith("-repartition"))
              .forEach(topic -> own.add(applicationId + "-" + topic));
        }
      }
    }
    own.retainAll(existing);
    if (own.isEmpty()) {
      List<String> foreign =
          existing.stream()
              .filter(topic -> topic.startsWith(applicationId + "-"))
              .filter(StreamsResetter::matchesInternalTopicFormat)
              .sorted()
              .toList();
      if (!foreign.isEmpty()) {
        throw new ResetFailedException(
            "topics "
                + String.join(", ", foreign)
                + " look like internal topics of '"
                + applicationId
                + "' but belong to no store or repartition of this topology"
                + " (another application whose id starts with it?): delete them by hand or choose another --application-id",
            "");
      }
    }
    return List.copyOf(own);
  }

  private static List<MemberDescription> activeMembers(Admin admin, String groupId) {
    try {
      ConsumerGroupDescription group =
          await(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
      return List.copyOf(group.members());
    } catch (GroupIdNotFoundException e) {
      return List.of();
    }
  }

  private record Transcript(int exitCode, String output) {
    String firstError() {
      return output
          .lines()
          .filter(line -> line.startsWith("ERROR"))
          .findFirst()
          .orElse("see its output below");
    }
  }

  /**
   * The tool takes client settings only from a file (--command-config); they may hold SASL
   * credentials, hence a file only the owner can read, deleted at once.
   */
  private static Transcript runResetter(List<String> args, Map<String, Object> adminConfig) {
    Path file = null;
    try {
      file = privateTempFile();
      Properties clientSettings = new Properties();
      adminConfig.forEach(
          (key, value) ->
              clientSettings.setProperty(
                  key, value instanceof Class<?> type ? type.getName() : String.valueOf(value)));
      try (OutputStream out = Files.newOutputStream(file)) {
        clientSettings.store(out, null);
      }
      List<String> withConfig = new ArrayList<>(args);
      withConfig.add("--command-config");
      withConfig.add(file.toString());
      return captured(withConfig.toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reset tool's client settings", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // The file is the owner's alone; a leftover in the temporary directory is no reason to
          // fail.
        }
      }
    }
  }

  /**
   * StreamsResetter reports on System.out and System.err, a dozen lines per reset; run keeps to its
   * one-line reports on its own stream and shows the tool's lines only when it fails. The streams
   * are swapped process-wide, which is safe here because nothing else of the app runs yet.
   */
  private static synchronized Transcript captured(String[] args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    int exitCode;
    try {
      exitCode = new StreamsResetter().execute(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Transcript(exitCode, buffer.toString(StandardCharsets.UTF_8));
  }

  private static Path privateTempFile() throws IOException {
    try {
      return Files.createTempFile(
          "ecostream-reset",
          ".properties",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile("ecostream-reset", ".properties");
    }
  }

  private static <T> T await(KafkaFuture<T> future) {
    try {
      return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResetFailedException("interrupted", "");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException notFound) {
        throw notFound;
      }
      throw new ResetFailedException(String.valueOf(e.getCause().getMessage()), "");
    } catch (TimeoutException e) {
      throw new ResetFailedException(
          "the cluster did not answer within " + ADMIN_TIMEOUT_SECONDS + " s", "");
    }
  }
}
