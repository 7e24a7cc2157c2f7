package io.ecostream.producer.cli;

import io.ecostream.producer.Pacing;
import io.ecostream.producer.SimulationResult.StopReason;
import io.ecostream.producer.Sleeper;
import io.ecostream.producer.kafka.KafkaReadingSink;
import io.ecostream.producer.replay.BadLine;
import io.ecostream.producer.replay.RecordKind;
import io.ecostream.producer.replay.Replay;
import io.ecostream.producer.replay.ReplayFileException;
import io.ecostream.producer.replay.ReplayFiles;
import io.ecostream.producer.replay.ReplayFormat;
import io.ecostream.producer.replay.ReplaySettings;
import io.ecostream.producer.replay.ReplaySummary;
import io.ecostream.topics.ClusterOptions;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.Topic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: sends files of historical air readings to Kafka, event time preserved.
 *
 * <p>Also a mixin: a command in another module that does more with a replay (waits for the
 * pipeline, reports) mixes this one in ({@code @Mixin}), which brings its options, and calls {@link
 * #settings()}, {@link #replay(ReplaySettings)} and {@link #exitCode(ReplayResult)}. The replay
 * itself, without Kafka, is {@link Replay}.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays files of historical hourly air readings or water samples: sends the metadata of"
          + " their stations, then the records of all files merged in event-time order, with each"
          + " record's hourStart or sampledAt as the record timestamp.",
      "Formats: prsa (Beijing multi-site files), cnemc-city (CNEMC city figures, long layout),"
          + " cnemc-daily (the CNEMC daily files of all cities, date,hour,type,北京,天津,…),"
          + " csv (station_id,city_id,hour_start,pm25,pm10,so2,no2,co,o3), water-csv"
          + " (station_id,city,kind,drinking_source,sampled_at,ph,do,codmn,…), cnemc-water (CNEMC"
          + " automatic surface-water readings, stations.csv next to them), ndjson (ecostream's own"
          + " recordings, see 'ecostream record': stations, air readings and water samples; lines"
          + " of other topics are left out and counted). Files may be gzipped.",
      "Progress on stderr every 10 s, a summary on stderr at the end; Ctrl-C stops cleanly. Exit"
          + " code 1 if a line could not be read, unless --skip-bad-lines. It first checks,"
          + " within --kafka-timeout, that a broker answers and the topics exist."
    })
public class ReplayCommand implements Callable<Integer> {

  static final Duration PROGRESS_INTERVAL = SimulateCommand.PROGRESS_INTERVAL;

  /** A rewritten line does not flood a terminal, so it may change more often. */
  static final Duration TERMINAL_PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private static final ZoneId ZONE = ReplaySettings.ZONE;

  /** Bad lines listed in the summary, with file and line number. */
  private static final int BAD_LINES_SHOWN = 5;

  private static final int STATIONS_SHOWN = 16;

  @Spec private CommandSpec self;

  /** The command this one is mixed into, if it is one's mixin; null when it runs as a command. */
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Mixin private ClusterOptions cluster;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      converter = ReplayFormatConverter.class,
      description = "prsa, cnemc-city, cnemc-daily, csv, water-csv, cnemc-water or ndjson.")
  private ReplayFormat format;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Files to replay, plain or gzip; a directory stands for its *.csv and *.csv.gz files"
              + " (ndjson: *.ndjson, *.jsonl, plain or .gz), sorted by name.")
  private List<Path> files;

  @Option(
      names = "--speed",
      paramLabel = "N|max",
      defaultValue = "max",
      description =
          "Replayed seconds per wall-clock second (3600: an hour per second), or max"
              + " (default: ${DEFAULT-VALUE}).")
  private String speed;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = LocalDateConverter.class,
      description =
          "First day replayed (Asia/Shanghai), e.g. 2014-01-01 (default: the start of the files).")
  private LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = LocalDateConverter.class,
      description = "First day not replayed (exclusive; default: the end of the files).")
  private LocalDate to;

  @Option(
      names = "--skip-bad-lines",
      description =
          "Exit with 0 even if lines could not be read (they are skipped and counted either way).")
  private boolean skipBadLines;

  @Option(
      names = "--allow-older",
      description =
          "Send air readings even when they start more than 48 h before the newest reading the air input"
              + " topic holds (a streams app that read that topic dead-letters them as late); without it"
              + " such a replay stops before sending, saying why and what to do instead.")
  private boolean allowOlder;

  private final Map<String, String> environment;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;
  private final SimulateCommand.ShutdownHooks shutdownHooks;
  private final boolean terminal;
  private final SimulateCommand.ClusterRequirement clusterRequirement;

  public ReplayCommand() {
    this(
        System.getenv(),
        Clock.systemUTC(),
        Sleeper.SYSTEM,
        config -> new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
        SimulateCommand.ShutdownHooks.RUNTIME,
        System.console() != null,
        SimulateCommand.ClusterRequirement.KAFKA);
  }

  /**
   * For subclasses and their tests. The cluster is not checked before the replay: the producers
   * given may not be Kafka's.
   *
   * @param producers makes the Kafka producer from the client configuration
   */
  protected ReplayCommand(
      Map<String, String> environment,
      Clock clock,
      Sleeper sleeper,
      Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
    this(
        environment,
        clock,
        sleeper,
        producers,
        SimulateCommand.ShutdownHooks.RUNTIME,
        false,
        SimulateCommand.ClusterRequirement.NONE);
  }

  ReplayCommand(
      Map<String, String> environment,
      Clock clock,
      Sleeper sleeper,
      Function<Map<String, Object>, Producer<byte[], byte[]>> producers,
      SimulateCommand.ShutdownHooks shutdownHooks,
      boolean terminal,
      SimulateCommand.ClusterRequirement clusterRequirement) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    this.sleeper = sleeper;
    this.producers = producers;
    this.shutdownHooks = shutdownHooks;
    this.terminal = terminal;
    this.clusterRequirement = clusterRequirement;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReplayCommand()).execute(args));
  }

  @Override
  public Integer call() {
    return exitCode(replay(settings()));
  }

  /**
   * The validated replay options: format, files (directories expanded), period and pacing.
   *
   * @throws ParameterException with a one-line message for an invalid option or a missing file
   */
  public ReplaySettings settings() {
    Pacing pacing = Speeds.parse(speed).orElseThrow(() -> invalid(Speeds.invalid(speed)));
    if (from != null && to != null && !to.isAfter(from)) {
      throw invalid("--to (" + to + ") must be after --from (" + from + ")");
    }
    List<Path> expanded;
    try {
      expanded = ReplayFiles.expand(files, format);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    return new ReplaySettings(
        format, expanded, Optional.ofNullable(from), Optional.ofNullable(to), pacing);
  }

  /** True if lines that could not be read do not make the command fail. */
  public boolean skipBadLines() {
    return skipBadLines;
  }

  /** The topics named with --topic-prefix. */
  public EcostreamTopics topics() {
    return cluster.topics();
  }

  /**
   * The client settings for other clients than the producer: --command-config < environment <
   * flags, their blocking calls bounded by --kafka-timeout.
   */
  public Properties clientProperties() {
    return KafkaClientConfig.withRequestTimeouts(
        cluster.clientProperties(new Properties(), environment, new Properties()), kafkaTimeout());
  }

  /** Whether the user named a cluster (flags, its file or the environment). */
  public boolean clusterNamed() {
    return cluster.clusterNamed(environment);
  }

  /** Replays to a cluster this command started itself. */
  public void useBootstrapServers(String servers) {
    cluster.useBootstrapServers(servers);
  }

  /** --kafka-timeout: how long the cluster may take to answer. */
  public Duration kafkaTimeout() {
    return cluster.kafkaTimeout();
  }

  /** The Kafka producer configuration: defaults < --command-config < environment < flags. */
  protected Map<String, Object> producerConfig() {
    Properties defaults = KafkaReadingSink.defaults();
    defaults.put(ProducerConfig.CLIENT_ID_CONFIG, "ecostream-replay");
    return KafkaReadingSink.producerConfig(
        KafkaClientConfig.withProducerTimeouts(
            cluster.clientProperties(defaults, environment, new Properties()), kafkaTimeout()));
  }

  /** The running command: this one, or the one it is mixed into. */
  public CommandSpec spec() {
    return mixee != null ? mixee : self;
  }

  /**
   * Replays to Kafka: progress and a summary on the command's stderr, the producer flushed and
   * closed at the end (also on Ctrl-C). Failures to send or to read a file are in the result, not
   * thrown.
   *
   * @throws ParameterException if a file is not in the chosen format
   */
  public ReplayResult replay(ReplaySettings settings) {
    PrintWriter err = spec().commandLine().getErr();
    EcostreamTopics topics = topics();
    Map<String, Object> config = producerConfig();
    Replay replay;
    try {
      replay = Replay.open(settings, clock, sleeper);
    } catch (ReplayFileException e) {
      throw invalid("--format " + settings.format() + ": " + e.getMessage());
    } catch (IOException e) {
      return new ReplayResult(
          Optional.empty(), Map.of(), Optional.of("cannot read " + e.getMessage()), Duration.ZERO);
    }
    try {
      clusterRequirement.require(
          cluster, SimulateCommand.asProperties(config), written(settings, topics));
      Optional<String> older = olderThanTheDeployment(settings, replay, topics);
      if (older.isPresent()) {
        return new ReplayResult(Optional.empty(), Map.of(), older, Duration.ZERO);
      }
      return replay(settings, replay, topics, config, err);
    } finally {
      try {
        replay.close();
      } catch (IOException e) {
        // Everything was read already; a failing close changes nothing that was sent.
      }
    }
  }

  private ReplayResult replay(
      ReplaySettings settings,
      Replay replay,
      EcostreamTopics topics,
      Map<String, Object> config,
      PrintWriter err) {
    err.printf(
        Locale.ROOT,
        "replaying %d %s file%s (%s) with %d stations from %s at %s to %s (topics %s.*)%n",
        settings.files().size(),
        settings.format(),
        settings.files().size() == 1 ? "" : "s",
        settings.format().timeConvention(),
        replay.stations().size(),
        replay.start().map(t -> localTime(t) + " (+08:00)").orElse("nothing in the period"),
        settings.pacing(),
        config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
        topics.prefix());
    err.flush();

    // Stamped with the first record's event time, station metadata is older than every record.
    KafkaReadingSink sink =
        new KafkaReadingSink(
            topics, producers.apply(config), replay.start().or(settings::fromInstant));
    // Only the topics the format writes to are reported.
    String unused =
        settings.format().recordKind() == RecordKind.AIR_READING
            ? topics.waterReadings().name()
            : settings.format().recordKind() == RecordKind.WATER_SAMPLE
                ? topics.airReadings().name()
                : null;
    ReplayProgressReporter reporter =
        new ReplayProgressReporter(
            clock,
            terminal ? TERMINAL_PROGRESS_INTERVAL : PROGRESS_INTERVAL,
            ZONE,
            () -> withoutTopic(sink.sentPerTopic(), unused),
            err,
            terminal);
    return SinkSession.run(
        sink,
        String.valueOf(config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)),
        shutdownHooks,
        clock,
        "ecostream-replay",
        replay::stop,
        () -> replay.run(sink, reporter),
        outcome -> {
          reporter.finish();
          ReplayResult result =
              new ReplayResult(
                  Optional.ofNullable(outcome.result()),
                  withoutTopic(sink.sentPerTopic(), unused),
                  Optional.ofNullable(outcome.failure()),
                  outcome.elapsed());
          printSummary(result, err);
          return result;
        });
  }

  /**
   * Why air readings this old cannot go into this cluster's deployment ({@link OlderDataCheck}),
   * unless --allow-older; nothing to check where the cluster was not checked either.
   */
  private Optional<String> olderThanTheDeployment(
      ReplaySettings settings, Replay replay, EcostreamTopics topics) {
    if (allowOlder
        || clusterRequirement == SimulateCommand.ClusterRequirement.NONE
        || settings.format().recordKind() == RecordKind.WATER_SAMPLE
        || replay.start().isEmpty()) {
      return Optional.empty();
    }
    try (Admin admin = Admin.create(clientProperties())) {
      return OlderDataCheck.problem(admin, topics, replay.start().get(), kafkaTimeout());
    } catch (ExecutionException | TimeoutException e) {
      return Optional.of(
          "cannot read the newest time on " + topics.airReadings().name() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** The topics a replay of this format writes to. */
  private static List<Topic<String, ?>> written(ReplaySettings settings, EcostreamTopics topics) {
    RecordKind<?> kind = settings.format().recordKind();
    if (kind == RecordKind.AIR_READING) {
      return List.of(topics.stations(), topics.airReadings());
    }
    if (kind == RecordKind.WATER_SAMPLE) {
      return List.of(topics.stations(), topics.waterReadings());
    }
    return topics.inputs();
  }

  /**
   * 0 if everything was sent; 1 if a send failed, a file could not be read, or lines were skipped
   * without --skip-bad-lines. Prints why on stderr.
   */
  public int exitCode(ReplayResult result) {
    PrintWriter err = spec().commandLine().getErr();
    if (result.error().isPresent()) {
      err.println("error: " + result.error().get());
      err.flush();
      return 1;
    }
    if (result.badLines() > 0 && !skipBadLines) {
      err.printf(
          Locale.ROOT,
          "error: %,d line%s could not be read (see above); --skip-bad-lines accepts that%n",
          result.badLines(),
          result.badLines() == 1 ? "" : "s");
      err.flush();
      return 1;
    }
    return 0;
  }

  private void printSummary(ReplayResult result, PrintWriter err) {
    Optional<ReplaySummary> summary = result.summary();
    RecordKind<?> kind = format.recordKind();
    String period =
        summary
            .flatMap(s -> s.firstHourStart().map(first -> periodOf(s, first, kind)))
            .orElse(summary.isPresent() ? "replayed no reading" : "replay failed");
    err.printf(
        Locale.ROOT,
        "%s, in %.1f s%nsent %s (%s records/s)%n",
        period,
        result.elapsed().toNanos() / 1e9,
        ProgressReporter.describe(result.sentPerTopic()),
        ProgressReporter.rate(
            result.sentPerTopic().values().stream().mapToLong(Long::longValue).sum(),
            result.elapsed()));
    summary.ifPresent(s -> printDetails(s, kind, err));
    err.flush();
  }

  private static String periodOf(ReplaySummary summary, Instant first, RecordKind<?> kind) {
    Instant end = summary.lastHourStart().orElse(first).plus(kind.knownAfter());
    return String.format(
        Locale.ROOT,
        "replayed %s .. %s (+08:00), %s",
        localTime(first),
        localTime(end),
        summary.stopReason() == StopReason.END ? "end reached" : "stopped");
  }

  private static void printDetails(ReplaySummary summary, RecordKind<?> kind, PrintWriter err) {
    List<String> stations = summary.stationsSent();
    err.printf(
        Locale.ROOT,
        "%d station%s: %s%s%n",
        stations.size(),
        stations.size() == 1 ? "" : "s",
        String.join(", ", stations.subList(0, Math.min(STATIONS_SHOWN, stations.size()))),
        stations.size() > STATIONS_SHOWN ? ", …" : "");
    long read = summary.files().stream().mapToLong(ReplaySummary.FileSummary::readings).sum();
    err.printf(
        Locale.ROOT,
        "read %,d %s from %d file%s",
        read,
        kind.noun(),
        summary.files().size(),
        summary.files().size() == 1 ? "" : "s");
    if (summary.outsidePeriod() > 0) {
      err.printf(Locale.ROOT, ", %,d outside --from/--to", summary.outsidePeriod());
    }
    if (summary.outOfOrder() > 0) {
      err.printf(
          Locale.ROOT,
          ", %,d out of time order within their file (sent as they came)",
          summary.outOfOrder());
    }
    err.println();
    if (!summary.skipped().isEmpty()) {
      err.printf(
          Locale.ROOT,
          "left out %,d record%s that replay does not send: %s%n",
          summary.skipped().values().stream().mapToLong(Long::longValue).sum(),
          summary.skipped().values().stream().mapToLong(Long::longValue).sum() == 1 ? "" : "s",
          summary.skipped().entrySet().stream()
              .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
              .collect(Collectors.joining(", ")));
    }
    if (summary.badLines() > 0) {
      err.printf(
          Locale.ROOT,
          "skipped %,d line%s that could not be read: %s%n",
          summary.badLines(),
          summary.badLines() == 1 ? "" : "s",
          summary.badLinesByReason().entrySet().stream()
              .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
              .collect(Collectors.joining(", ")));
      List<BadLine> shown =
          summary
              .badLineExamples()
              .subList(0, Math.min(BAD_LINES_SHOWN, summary.badLineExamples().size()));
      for (BadLine line : shown) {
        err.println("  " + line);
      }
      if (summary.badLines() > shown.size()) {
        err.printf(Locale.ROOT, "  … and %,d more%n", summary.badLines() - shown.size());
      }
    }
  }

  private static Map<String, Long> withoutTopic(Map<String, Long> perTopic, String topic) {
    Map<String, Long> copy = new LinkedHashMap<>(perTopic);
    if (topic != null) {
      copy.remove(topic);
    }
    return copy;
  }

  private static String localTime(Instant instant) {
    return ProgressReporter.LOCAL_TIME.format(instant.atZone(ZONE));
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec().commandLine(), message);
  }
}
