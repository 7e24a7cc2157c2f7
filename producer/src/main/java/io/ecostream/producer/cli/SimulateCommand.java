package io.ecostream.producer.cli;

import io.ecostream.options.DurationConverter;
import io.ecostream.options.ExitCodes;
import io.ecostream.producer.Pacing;
import io.ecostream.producer.SimulationResult;
import io.ecostream.producer.Simulator;
import io.ecostream.producer.Sleeper;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.producer.faults.FaultInjector;
import io.ecostream.producer.faults.FaultKind;
import io.ecostream.producer.kafka.KafkaReadingSink;
import io.ecostream.topics.ClusterOptions;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.Topic;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code simulate}: runs the station simulator against a Kafka cluster. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates the air stations and water sections of the 16 cities of Shandong, into Kafka.",
      "It sends their metadata, hourly air readings and water samples, with event time as the record timestamp.",
      "Same seed and options, same records. Progress goes to stderr every 10 s, a summary to"
          + " stdout at the end; Ctrl-C stops cleanly.",
      "Simulated time never passes the clock (a Kafka broker refuses timestamps more than an hour"
          + " ahead of its own): at the present the simulation goes on in real time, each hour"
          + " sent when it ends, and says so once on stderr.",
      "It first checks, within --kafka-timeout, that a broker answers and the topics exist"
          + " ('ecostream run' creates them)."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:simulated to --to, --days or --duration, or stopped with Ctrl-C",
      "1:no broker answers, a topic is missing, or a send failed",
      ExitCodes.USAGE
    })
public final class SimulateCommand implements Callable<Integer> {

  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private static final ZoneId ZONE = StationCatalog.TIME_ZONE;

  @Spec private CommandSpec spec;

  @Mixin private ClusterOptions cluster;

  @Mixin private FaultOptions faultOptions;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "Random seed; the same seed gives the same records (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = LocalDateConverter.class,
      description =
          "First simulated day (Asia/Shanghai), e.g. 2024-01-01, today at the latest (default:"
              + " today).")
  private LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = LocalDateConverter.class,
      description = "First day not simulated (exclusive; default: no end).")
  private LocalDate to;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Number of days to simulate; instead of --to.")
  private Integer days;

  @Option(
      names = "--speed",
      paramLabel = "N|max",
      defaultValue = "3600",
      description =
          "Simulated seconds per wall-clock second (3600: an hour per second), or max, until"
              + " simulated time reaches the present; real time from then on"
              + " (default: ${DEFAULT-VALUE}).")
  private String speed;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop after this wall-clock time, e.g. 90s, 5m, 2h (default: no limit).")
  private Duration duration;

  @Option(
      names = "--cities",
      paramLabel = "CITY[,CITY...]",
      hideParamSyntax = true,
      split = ",",
      description = "Only these cities (lower-case pinyin, e.g. binzhou,jinan; default: all 16).")
  private List<String> cities;

  @Option(names = "--no-water", description = "Simulate air stations only.")
  private boolean noWater;

  private final Map<String, String> environment;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;
  private final ShutdownHooks shutdownHooks;
  private final ClusterRequirement clusterRequirement;

  public SimulateCommand() {
    this(
        System.getenv(),
        Clock.systemUTC(),
        Sleeper.SYSTEM,
        config -> new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
        ShutdownHooks.RUNTIME,
        ClusterRequirement.KAFKA);
  }

  SimulateCommand(
      Map<String, String> environment,
      Clock clock,
      Sleeper sleeper,
      Function<Map<String, Object>, Producer<byte[], byte[]>> producers,
      ShutdownHooks shutdownHooks,
      ClusterRequirement clusterRequirement) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    this.sleeper = sleeper;
    this.producers = producers;
    this.shutdownHooks = shutdownHooks;
    this.clusterRequirement = clusterRequirement;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulateCommand()).execute(args));
  }

  @Override
  public Integer call() {
    SimulationSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EcostreamTopics topics = EcostreamTopics.withPrefix(settings.topicPrefix());
    List<Topic<String, ?>> written =
        settings.water() ? topics.inputs() : List.of(topics.stations(), topics.airReadings());
    clusterRequirement.require(cluster, asProperties(settings.producerConfig()), written);
    Instant start = settings.from().atStartOfDay(ZONE).toInstant();
    KafkaReadingSink sink =
        new KafkaReadingSink(
            topics,
            producers.apply(settings.producerConfig()),
            Optional.of(start),
            Optional.of(clock));
    FaultInjector faults = new FaultInjector(settings.faults(), settings.seed(), sink);
    Simulator simulator;
    try {
      simulator = simulator(settings, faults, sink, err);
    } catch (RuntimeException e) {
      sink.close();
      throw e;
    }
    err.printf(
        Locale.ROOT,
        "simulating %d air stations and %d water sections from %s at %s to %s (topics %s.*)%n",
        simulator.catalog().airStations().size(),
        settings.water() ? simulator.catalog().waterSections().size() : 0,
        settings.from(),
        settings.pacing(),
        settings.producerConfig().get("bootstrap.servers"),
        settings.topicPrefix());
    err.flush();

    return SinkSession.run(
        sink,
        String.valueOf(settings.producerConfig().get("bootstrap.servers")),
        shutdownHooks,
        clock,
        "ecostream-simulate",
        simulator::stop,
        simulator::run,
        outcome -> {
          out.println(summary(outcome.result(), sink, outcome.elapsed()));
          if (settings.faults().any()) {
            out.println(faultSummary(faults.counts()));
          }
          out.flush();
          if (outcome.failure() != null) {
            err.println("error: " + outcome.failure());
            err.flush();
            return 1;
          }
          return 0;
        });
  }

  private Simulator simulator(
      SimulationSettings settings, FaultInjector faults, KafkaReadingSink sink, PrintWriter err) {
    Simulator.Builder builder =
        Simulator.builder(settings.seed(), settings.from())
            .pacing(settings.pacing())
            .cities(settings.cities())
            .water(settings.water())
            .clock(clock)
            .sleeper(sleeper)
            .behindTheClock()
            .progress(
                new ProgressReporter(clock, PROGRESS_INTERVAL, ZONE, sink::sentPerTopic, err));
    settings.to().ifPresent(builder::endExclusive);
    settings.duration().ifPresent(builder::wallClockLimit);
    return builder.build(faults);
  }

  private static String summary(SimulationResult result, KafkaReadingSink sink, Duration elapsed) {
    String period =
        result == null
            ? "simulation failed"
            : String.format(
                Locale.ROOT,
                "simulated %s .. %s (+08:00), %d h, %s",
                ProgressReporter.LOCAL_TIME.format(result.simulatedFrom().atZone(ZONE)),
                ProgressReporter.LOCAL_TIME.format(result.simulatedUpTo().atZone(ZONE)),
                result.hours(),
                switch (result.reason()) {
                  case END -> "end reached";
                  case DURATION -> "duration elapsed";
                  case STOPPED -> "stopped";
                });
    return String.format(
        Locale.ROOT,
        "%s, in %.1f s%nsent %s (%s records/s)%s",
        period,
        elapsed.toNanos() / 1e9,
        ProgressReporter.describe(sink.sentPerTopic()),
        ProgressReporter.rate(sink.totalSent(), elapsed),
        sink.failedSends() > 0 ? ", " + sink.failedSends() + " failed" : "");
  }

  /** One line, e.g. {@code faults injected (readings): missing 12, late 3}. */
  static String faultSummary(Map<FaultKind, Long> counts) {
    return "faults injected (readings): "
        + counts.entrySet().stream()
            .map(c -> c.getKey().label() + String.format(Locale.ROOT, " %,d", c.getValue()))
            .collect(Collectors.joining(", "));
  }

  /** Validates the options into settings; reads the --command-config file. */
  SimulationSettings settings() {
    Pacing pacing = pacing();
    if (to != null && days != null) {
      throw invalid("--to and --days are mutually exclusive; give one of them");
    }
    if (days != null && days < 1) {
      throw invalid("--days must be at least 1, got " + days);
    }
    LocalDate today = LocalDate.now(clock.withZone(ZONE));
    if (from != null && from.isAfter(today)) {
      throw invalid(
          "--from "
              + from
              + " is in the future (today is "
              + today
              + " in Asia/Shanghai): simulated readings never run ahead of the clock");
    }
    LocalDate first = from != null ? from : today;
    Optional<LocalDate> end =
        Optional.ofNullable(to).or(() -> Optional.ofNullable(days).map(first::plusDays));
    if (end.isPresent() && !end.get().isAfter(first)) {
      throw invalid("--to (" + end.get() + ") must be after --from (" + first + ")");
    }
    EcostreamTopics topics = cluster.topics();
    return new SimulationSettings(
        KafkaReadingSink.producerConfig(
            KafkaClientConfig.withProducerTimeouts(
                cluster.clientProperties(
                    KafkaReadingSink.defaults(), environment, new Properties()),
                cluster.kafkaTimeout())),
        topics.prefix(),
        seed,
        first,
        end,
        pacing,
        Optional.ofNullable(duration),
        cityIds(),
        !noWater,
        faultOptions.settings());
  }

  private Pacing pacing() {
    return Speeds.parse(speed).orElseThrow(() -> invalid(Speeds.invalid(speed)));
  }

  private List<String> cityIds() {
    if (cities == null) {
      return List.of();
    }
    StationCatalog catalog = StationCatalog.shandong();
    List<String> ids = new ArrayList<>();
    for (String city : cities) {
      String id = city.trim().toLowerCase(Locale.ROOT);
      if (id.isEmpty()) {
        throw invalid("--cities must name cities, e.g. binzhou,jinan; got an empty name");
      }
      if (catalog.city(id).isEmpty()) {
        throw invalid(
            "--cities: unknown city '"
                + city
                + "' (known: "
                + String.join(",", catalog.cityIds())
                + ")");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static Properties asProperties(Map<String, Object> config) {
    Properties properties = new Properties();
    config.forEach((name, value) -> properties.setProperty(name, String.valueOf(value)));
    return properties;
  }

  /**
   * Checks, before anything is sent, that a broker answers and the topics exist (see {@link
   * ClusterOptions#requireCluster}); tests, whose producers are not Kafka's, pass {@link #NONE}.
   */
  @FunctionalInterface
  interface ClusterRequirement {
    ClusterRequirement KAFKA = ClusterOptions::requireCluster;
    ClusterRequirement NONE = (cluster, clientSettings, topics) -> {};

    void require(
        ClusterOptions cluster,
        Properties clientSettings,
        Collection<? extends Topic<?, ?>> topics);
  }

  /** Registers the Ctrl-C handler; tests pass one that does not touch the JVM's hooks. */
  interface ShutdownHooks {
    ShutdownHooks RUNTIME =
        new ShutdownHooks() {
          @Override
          public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
          }

          @Override
          public void remove(Thread hook) {
            try {
              Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
              // The JVM is already shutting down: the hook is running, nothing to remove.
            }
          }
        };

    void add(Thread hook);

    void remove(Thread hook);
  }
}
