package io.ecostream.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.Station;
import io.ecostream.cli.report.AirReport;
import io.ecostream.cli.report.DrainProgress;
import io.ecostream.cli.report.PipelineDrain;
import io.ecostream.cli.report.TopicSnapshot;
import io.ecostream.cli.report.WaterReport;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.domain.stats.PeriodRules;
import io.ecostream.options.DurationConverter;
import io.ecostream.options.ExitCodes;
import io.ecostream.producer.catalog.ChinaCityCatalog;
import io.ecostream.producer.cli.ReplayCommand;
import io.ecostream.producer.cli.ReplayResult;
import io.ecostream.producer.replay.RecordKind;
import io.ecostream.producer.replay.ReplaySettings;
import io.ecostream.producer.replay.ReplaySummary;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.topics.ClusterCheck;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.KafkaClusterException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ecostream replay}: the producer's replay of historical files, and then, on request, a wait
 * until the streams application has processed all of it and a report of the figures it computed.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays files of historical air readings or water samples through the pipeline, event time preserved.",
      "With --wait it returns once the streams application has processed everything; --report json"
          + " then prints one JSON object per line for each city and calendar year of the replayed"
          + " data (or for --period), rounded as bulletins publish them, followed by the mean of the"
          + " prefecture-level cities of each province and, over two or more provinces, of the"
          + " whole country (city China).",
      "Formats: prsa (Beijing multi-site files), cnemc-city (CNEMC city figures, long layout),"
          + " cnemc-daily (the CNEMC daily files of all cities, date,hour,type,北京,天津,…),"
          + " csv (station_id,city_id,hour_start,pm25,pm10,so2,no2,co,o3); water samples:"
          + " water-csv, cnemc-water; ndjson for recordings of ecostream's input topics ('ecostream"
          + " record'). Files may be gzipped.",
      "With no cluster named (--bootstrap-servers, --command-config or their environment variables) and no"
          + " broker on localhost:9092, it runs the whole pipeline on an embedded broker (see --keep). Otherwise it"
          + " first checks, within --kafka-timeout, that a broker answers and the topics exist. Ctrl-C ends it"
          + " within 5 s."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:replayed (and with --wait or --report, processed and reported)",
      "1:no broker answers, a topic is missing, a send failed, a file or line could not be read (unless"
          + " --skip-bad-lines), or --wait-timeout passed",
      ExitCodes.USAGE
    })
public final class ReplayAndReportCommand implements Callable<Integer> {

  /** A replay of a country's years keeps the pipeline busy for minutes: say how far it got. */
  private static final Duration DRAIN_PROGRESS_INTERVAL = Duration.ofSeconds(10);

  /** A broker on this machine answers a connection at once; nothing listening refuses at once. */
  private static final Duration BROKER_PROBE_TIMEOUT = Duration.ofSeconds(1);

  @Spec CommandSpec spec;

  /** The producer's replay: its options, and the sending. */
  @Mixin ReplayCommand replay;

  @Option(
      names = "--wait",
      description =
          "Return only once the streams application has processed every replayed reading.")
  boolean await;

  @Option(
      names = "--wait-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "30m",
      description = "Give up waiting after this long (default: ${DEFAULT-VALUE}).")
  Duration waitTimeout;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      defaultValue = StreamsAppConfig.DEFAULT_APPLICATION_ID,
      description =
          "Application id of the streams application to wait for (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(
      names = "--report",
      paramLabel = "json|classes",
      description =
          "After waiting (implies --wait), print the figures of the replayed cities as JSON lines; with a water"
              + " format the cities' year figures, or with 'classes' the class the pipeline gave each sample"
              + " (station_id,observed_at,class).")
  String report;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description =
          "When no cluster is named and none runs on localhost:9092, the replay runs the whole pipeline on an"
              + " embedded broker in a temporary folder, deleted at the end; --keep DIR puts it in DIR and keeps"
              + " it, for 'broker --data-dir DIR/kafka' and then tail or record.")
  Path keep;

  @Option(
      names = "--period",
      paramLabel = "FROM..TO",
      description = "Report this period, e.g. 2023-01-01..2023-08-31, instead of calendar years.")
  String period;

  @Override
  public Integer call() {
    if (report != null && !report.equals("json") && !report.equals("classes")) {
      throw new ParameterException(
          spec.commandLine(), "--report must be json or classes, got '" + report + "'");
    }
    ReplaySettings settings = replay.settings();
    boolean water = settings.format().recordKind() == RecordKind.WATER_SAMPLE;
    if ("classes".equals(report) && !water) {
      throw new ParameterException(
          spec.commandLine(), "--report classes goes with a water format (water-csv, cnemc-water)");
    }
    AirReport.Period reportPeriod = reportPeriod();
    if (replay.clusterNamed() || brokerAnswersAt(KafkaClientConfig.DEFAULT_BOOTSTRAP)) {
      if (keep != null) {
        throw new ParameterException(
            spec.commandLine(),
            "--keep goes with the embedded broker, used when no cluster is named or running");
      }
      return replayAndReport(settings, water, reportPeriod);
    }
    return replayOnEmbeddedBroker(settings, water, reportPeriod);
  }

  /**
   * No cluster named and none on the default address: the whole pipeline in this JVM, on a broker
   * in a temporary folder (or --keep's), waiting for it and reporting as with a cluster.
   */
  private Integer replayOnEmbeddedBroker(
      ReplaySettings settings, boolean water, AirReport.Period reportPeriod) {
    PrintWriter err = spec.commandLine().getErr();
    Path dir;
    try {
      dir =
          keep != null
              ? Files.createDirectories(keep)
              : Files.createTempDirectory("ecostream-replay-");
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "--keep: cannot create " + keep + ": " + e.getMessage());
    }
    err.println(
        "ecostream replay: no Kafka cluster named and none on "
            + KafkaClientConfig.DEFAULT_BOOTSTRAP
            + ": running the pipeline on an embedded broker in "
            + dir
            + (keep != null
                ? " (kept: './ecostream broker --data-dir "
                    + dir.resolve("kafka")
                    + "' serves its topics again)"
                : " (deleted at the end; --keep DIR keeps it)"));
    err.flush();
    try {
      try (EmbeddedPipeline pipeline =
          EmbeddedPipeline.start(dir, replay.topics(), applicationId)) {
        replay.useBootstrapServers(pipeline.bootstrapServers());
        await = true;
        return replayAndReport(settings, water, reportPeriod);
      }
    } finally {
      if (keep == null) {
        EmbeddedBroker.deleteQuietly(dir);
      }
    }
  }

  private static boolean brokerAnswersAt(String address) {
    int colon = address.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          (int) BROKER_PROBE_TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Integer replayAndReport(
      ReplaySettings settings, boolean water, AirReport.Period reportPeriod) {
    ReplayResult result = replay.replay(settings);
    int exitCode = replay.exitCode(result);
    if (exitCode != 0 || !(await || report != null)) {
      return exitCode;
    }
    PrintWriter err = spec.commandLine().getErr();
    Properties client = replay.clientProperties();
    EcostreamTopics topics = replay.topics();
    try {
      err.println("ecostream replay: waiting for '" + applicationId + "' to process everything...");
      err.flush();
      PipelineDrain.await(
          client,
          applicationId,
          List.of(topics.airReadings().name(), topics.waterReadings().name()),
          waitTimeout,
          replay.kafkaTimeout(),
          new DrainProgress(err, Clock.systemUTC(), DRAIN_PROGRESS_INTERVAL)::report);
    } catch (PipelineDrain.ClusterSilentException e) {
      throw new KafkaClusterException(
          ClusterCheck.lostMessage(
              client.getProperty("bootstrap.servers"),
              replay.kafkaTimeout(),
              "waiting for '" + applicationId + "' to process everything"),
          e);
    } catch (TimeoutException e) {
      err.println("ecostream replay: " + e.getMessage());
      return EcostreamCli.FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EcostreamCli.FAILURE;
    }
    err.println("ecostream replay: the streams application has processed everything");
    err.flush();
    if (report != null && water) {
      printWaterReport(client, topics, result);
    } else if (report != null) {
      printReport(client, topics, result, reportPeriod);
    }
    return 0;
  }

  /** The year figures of the replayed cities, or the class of every replayed sample. */
  private void printWaterReport(Properties client, EcostreamTopics topics, ReplayResult result) {
    Set<String> stationIds = Set.copyOf(result.summary().orElseThrow().stationsSent());
    PrintWriter out = spec.commandLine().getOut();
    if (report.equals("classes")) {
      WaterReport.classes(
              TopicSnapshot.latestByKey(client, topics.waterSampleClass()).values(),
              stationIds,
              PipelineSettings.CHINA)
          .forEach(out::println);
    } else {
      Set<String> cities = new HashSet<>();
      Map<String, Station> stations = TopicSnapshot.latestByKey(client, topics.stations());
      stationIds.forEach(
          id -> {
            Station station = stations.get(id);
            if (station != null) {
              cities.add(station.getCityId());
            }
          });
      WaterReport.cityYears(
              TopicSnapshot.latestByKey(client, topics.waterCityPeriod()).values(), cities)
          .forEach(out::println);
    }
    out.flush();
  }

  private AirReport.Period reportPeriod() {
    if (period == null) {
      return null;
    }
    if (report == null) {
      throw new ParameterException(spec.commandLine(), "--period goes with --report json");
    }
    try {
      return AirReport.Period.parse(period);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--period: " + e.getMessage());
    }
  }

  /** The figures of the cities and days this replay sent, not of whatever else the topic holds. */
  private void printReport(
      Properties client,
      EcostreamTopics topics,
      ReplayResult result,
      AirReport.Period reportPeriod) {
    ReplaySummary summary = result.summary().orElseThrow();
    Map<String, Station> stations = TopicSnapshot.latestByKey(client, topics.stations());
    Set<String> cities = new HashSet<>();
    Map<String, String> provinces = new HashMap<>();
    for (String stationId : summary.stationsSent()) {
      Station station = stations.get(stationId);
      if (station != null) {
        cities.add(station.getCityId());
        if (station.getProvince() != null) {
          provinces.put(station.getCityId(), station.getProvince());
        }
      }
    }
    LocalDate first =
        summary
            .firstHourStart()
            .map(t -> LocalDate.ofInstant(t, PipelineSettings.CHINA))
            .orElse(LocalDate.MIN);
    LocalDate last =
        summary
            .lastHourStart()
            .map(t -> LocalDate.ofInstant(t, PipelineSettings.CHINA))
            .orElse(LocalDate.MAX);
    List<CityDaily> days =
        TopicSnapshot.latestByKey(client, topics.cityDaily()).values().stream()
            .filter(day -> cities.contains(day.getCityId()))
            .filter(day -> !day.getDate().isBefore(first) && !day.getDate().isAfter(last))
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    // The topic's dustAffected already holds the streams app's list and rule (--dust-days,
    // --dust-rule): applying the
    // default rule again here would flag days that an app run with --dust-rule off did not.
    PeriodRules rules = PeriodRules.defaults().withDustRule(DustRule.flagsOnly());
    for (ObjectNode line :
        new AirReport(rules, ChinaCityCatalog.national()::countsInMeans)
            .lines(days, provinces, reportPeriod)) {
      out.println(line);
    }
    out.flush();
  }
}
