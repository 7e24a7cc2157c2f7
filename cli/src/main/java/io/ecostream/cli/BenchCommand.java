package io.ecostream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ecostream.cli.bench.BenchSession;
import io.ecostream.cli.bench.BenchTable;
import io.ecostream.cli.bench.Guarantee;
import io.ecostream.cli.bench.PhaseResult;
import io.ecostream.cli.bench.StationNetwork;
import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.options.DurationConverter;
import io.ecostream.options.ExitCodes;
import io.ecostream.topics.ClusterCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ecostream bench}: throughput, latency and memory of the pipeline, on the embedded broker
 * it starts itself or on a given cluster. The figures go into docs/performance.md; tests never time
 * anything.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures a plain producer, a pass-through Kafka Streams app and the production topology.",
      "It prints records/s, the ratio to the pass-through, CPU, heap, state on disk and end-to-end latency, on a"
          + " network the size of China's national air-monitoring one, after an untimed warm-up. It starts its"
          + " own local broker unless --bootstrap-servers is given."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:measured and printed",
      "1:the broker, a client or a phase failed",
      ExitCodes.USAGE
    })
public final class BenchCommand implements Callable<Integer> {

  /** The phases, in the order they run. */
  public enum Phase {
    PRODUCER,
    PASSTHROUGH,
    FLOOR,
    KERNEL,
    TOPOLOGY,
    TASK,
    LATENCY;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--records",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Records per throughput phase (default: ${DEFAULT-VALUE}).")
  int records;

  @Option(
      names = "--stations",
      paramLabel = "N",
      defaultValue = "1700",
      description =
          "Air stations of the simulated network (default: ${DEFAULT-VALUE}, in 340 cities of 31 provinces, like"
              + " the national network); up to the size of the Shandong catalogue (71 stations in 16 cities), its"
              + " first N.")
  int stations;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description =
          "Records of the untimed warm-up run of each phase kind before the clocks (default: as many as"
              + " --records, so that the JIT has compiled every path the timed input takes; 0: none).")
  Integer warmup;

  @Option(
      names = "--warmup-rounds",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "At most N warm-up runs of each phase kind (default: ${DEFAULT-VALUE}): another runs while the JIT"
              + " compiled for more than a tenth of the last one's time.")
  int warmupRounds;

  @Option(
      names = "--phases",
      paramLabel = "LIST",
      defaultValue = "producer,passthrough,floor,topology,task,latency",
      description =
          "Comma-separated phases to run: producer, passthrough, floor, kernel (the floor plus the"
              + " essential hourly work, done leanly; not by default), topology, task (the city task"
              + " alone, no Kafka), latency (default: ${DEFAULT-VALUE}).")
  String phases;

  @Option(
      names = "--guarantee",
      paramLabel = "GUARANTEE",
      defaultValue = "exactly_once_v2",
      description = "at_least_once, exactly_once_v2 or both (default: ${DEFAULT-VALUE}).")
  String guarantee;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Simulator seed of the readings (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--latency-rate",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Records per second of the latency phase (default: ${DEFAULT-VALUE}).")
  int latencyRate;

  @Option(
      names = "--latency-duration",
      paramLabel = "DURATION",
      defaultValue = "20s",
      converter = DurationConverter.BareSeconds.class,
      description = "How long the latency phase sends (default: ${DEFAULT-VALUE}).")
  Duration latencyDuration;

  /** The form before --latency-duration, kept for scripts: whole seconds. */
  @Option(names = "--latency-seconds", paramLabel = "N", hidden = true)
  Integer latencySeconds;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description =
          "An existing cluster instead of the embedded broker, which must answer within 15 s; the bench deletes its topics at the end.")
  String bootstrapServers;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description =
          "Client settings of the --bootstrap-servers cluster, e.g. SASL/SSL (a Java properties file).")
  Path commandConfig;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Broker data, state stores and logs; emptied at start and kept (default: a temporary directory, deleted at the end; a failed run keeps its logs and says where).")
  Path workDir;

  @Option(
      names = "--output-format",
      paramLabel = "table|json",
      defaultValue = "table",
      description = "Print the figures as a table or as JSON (default: ${DEFAULT-VALUE}).")
  String outputFormat;

  /** The form before --output-format json, kept for scripts. */
  @Option(names = "--json", hidden = true)
  boolean json;

  @Override
  public Integer call() throws Exception {
    Set<Phase> selected = parsePhases(spec, phases);
    List<Guarantee> guarantees = parseGuarantees(spec, guarantee);
    validate();
    Properties external = EmbeddedBroker.externalCluster(spec, bootstrapServers, commandConfig);
    if (external != null) {
      ClusterCheck.require(external, ClusterCheck.DEFAULT_TIMEOUT, List.of(), "");
    }
    PrintWriter err = spec.commandLine().getErr();
    boolean temporary = workDir == null;
    Path dir = temporary ? Files.createTempDirectory("ecostream-bench-") : workDir;
    EmbeddedBroker.prepareWorkDir(dir);
    LocalKafkaBroker broker = null;
    boolean measured = false;
    try {
      Properties client = external;
      if (client == null) {
        broker = EmbeddedBroker.startOnFreePorts(dir, dir.resolve("logs/bench.log"));
        client = broker.clientProperties();
        say(
            err,
            "broker ready on %s in %.1f s",
            broker.bootstrapServers(),
            broker.startupTime().toMillis() / 1000.0);
      } else {
        KafkaLogFile.redirectTo(dir.resolve("logs/bench.log"));
      }
      StationNetwork network = StationNetwork.of(stations, seed);
      List<PhaseResult> results =
          new BenchSession(
                  records,
                  warmup,
                  warmupRounds,
                  latencyRate,
                  latencyDuration,
                  seed,
                  external != null)
              .run(err, client, dir, network, selected, guarantees);
      PrintWriter out = spec.commandLine().getOut();
      if (json || outputFormat.equals("json")) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(results));
      } else {
        String input =
            network
                + (warmup == 0
                    ? ", no warm-up"
                    : ", after a warm-up of "
                        + warmup
                        + " records per phase kind, run until the JIT settled (at most "
                        + warmupRounds
                        + " rounds)");
        out.print(BenchTable.format(results, input));
      }
      out.flush();
      measured = true;
      return 0;
    } finally {
      if (broker != null) {
        broker.close();
      }
      if (temporary && measured) {
        EmbeddedBroker.deleteQuietly(dir);
      } else if (temporary) {
        // A failed run's broker and client logs are what tells why: the data goes, they stay.
        deleteAllBut(dir, dir.resolve("logs"));
        say(err, "the run failed; its logs are kept in %s", dir.resolve("logs"));
      } else {
        say(err, "logs in %s", dir.resolve("logs"));
      }
    }
  }

  private static void deleteAllBut(Path dir, Path kept) {
    try (Stream<Path> children = Files.list(dir)) {
      children.filter(child -> !child.equals(kept)).forEach(EmbeddedBroker::deleteQuietly);
    } catch (IOException e) {
      // the logs are kept either way
    }
  }

  private void validate() {
    positive("--records", records);
    positive("--stations", stations);
    if (warmup == null) {
      warmup = records;
    } else if (warmup < 0) {
      throw new ParameterException(
          spec.commandLine(), "--warmup must not be negative, got " + warmup);
    }
    positive("--warmup-rounds", warmupRounds);
    positive("--latency-rate", latencyRate);
    if (latencySeconds != null) {
      positive("--latency-seconds", latencySeconds);
      latencyDuration = Duration.ofSeconds(latencySeconds);
    }
    if (latencyDuration.toSeconds() < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--latency-duration must be at least 1s, got " + latencyDuration.toMillis() + "ms");
    }
    if (latencyDuration.toSeconds() > Integer.MAX_VALUE / latencyRate) {
      throw new ParameterException(
          spec.commandLine(), "--latency-rate times --latency-duration is too large");
    }
    if (!outputFormat.equals("table") && !outputFormat.equals("json")) {
      throw new ParameterException(
          spec.commandLine(), "--output-format must be table or json, got '" + outputFormat + "'");
    }
    if (bootstrapServers != null && bootstrapServers.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--bootstrap-servers must not be empty");
    }
  }

  private void positive(String option, int value) {
    if (value <= 0) {
      throw new ParameterException(spec.commandLine(), option + " must be positive, got " + value);
    }
  }

  static Set<Phase> parsePhases(CommandSpec spec, String list) {
    Set<Phase> phases = EnumSet.noneOf(Phase.class);
    for (String name : list.split(",", -1)) {
      String trimmed = name.trim().toUpperCase(Locale.ROOT);
      try {
        phases.add(Phase.valueOf(trimmed));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--phases: unknown phase '"
                + name.trim()
                + "'; choose from producer, passthrough, floor, kernel, topology, task, latency");
      }
    }
    return phases;
  }

  static List<Guarantee> parseGuarantees(CommandSpec spec, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "at_least_once" -> List.of(Guarantee.AT_LEAST_ONCE);
      case "exactly_once_v2" -> List.of(Guarantee.EXACTLY_ONCE_V2);
      case "both" -> List.of(Guarantee.AT_LEAST_ONCE, Guarantee.EXACTLY_ONCE_V2);
      default ->
          throw new ParameterException(
              spec.commandLine(),
              "--guarantee must be at_least_once, exactly_once_v2 or both, got '" + value + "'");
    };
  }

  private static void say(PrintWriter err, String format, Object... args) {
    err.println("ecostream bench: " + String.format(Locale.ROOT, format, args));
    err.flush();
  }
}
