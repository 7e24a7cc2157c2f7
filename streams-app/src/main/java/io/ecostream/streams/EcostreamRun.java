package io.ecostream.streams;

import io.ecostream.streams.air.AirQueries;
import io.ecostream.streams.api.AlertFeed;
import io.ecostream.streams.api.LivePage;
import io.ecostream.streams.api.QueryApi;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.errors.RecordSkips;
import io.ecostream.streams.metrics.MetricsHttpServer;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.metrics.ProcessMetrics;
import io.ecostream.streams.metrics.ReadinessProbe;
import io.ecostream.streams.state.StateRestores;
import io.ecostream.streams.water.WaterQueries;
import io.ecostream.topics.ClusterCheck;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.KafkaClusterException;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What {@code ecostream run} does once its options are read: creates the topics (unless told not
 * to), resets the application when asked, builds the topology, serves the live page, the query API,
 * {@code /metrics} and {@code /health}, and runs the Kafka Streams application until it is stopped
 * (Ctrl-C, {@link #stop()}) or fails.
 */
final class EcostreamRun {

  /** When the application stops by itself (a fatal error): let it finish its work. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Ctrl-C: the JVM exits within 5 s. A close cut short is a crash to exactly-once processing:
   * nothing is lost, the next start restores what the stores had not written to disk yet.
   */
  private static final Duration STOP_CLOSE_TIMEOUT = Duration.ofSeconds(3);

  /**
   * After a fatal error, typically a lost broker: what is left to close cannot finish either, and
   * Kafka Streams would otherwise sit in PENDING_ERROR for minutes on its clients' timeouts.
   */
  private static final Duration FAILED_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /** Alerts the API and the live page keep in memory: years of a national network's. */
  private static final int ALERT_FEED_CAPACITY = 100_000;

  /**
   * The options of {@code run}, read and checked.
   *
   * @param properties the Kafka Streams configuration with the cluster's client settings
   * @param metricsPort -1: no HTTP endpoints; 0: any free port
   */
  record Plan(
      EcostreamTopics topics,
      PipelineSettings settings,
      Properties properties,
      boolean createTopics,
      Optional<Short> replicationFactor,
      boolean reset,
      int metricsPort,
      String httpHost,
      Duration stallTimeout,
      Duration kafkaTimeout) {}

  private final Plan plan;
  private final PrintWriter err;
  private volatile StreamsLifecycle app;
  private volatile boolean stopRequested;

  EcostreamRun(Plan plan, PrintWriter err) {
    this.plan = plan;
    this.err = err;
  }

  /** Runs until stopped; the exit code of {@code run}. */
  int run() throws InterruptedException {
    EcostreamTopics topics = plan.topics();
    PipelineSettings settings = plan.settings();
    Properties properties = new Properties();
    properties.putAll(plan.properties());
    boolean createTopics = plan.createTopics();
    boolean reset = plan.reset();
    int metricsPort = plan.metricsPort();
    String httpHost = plan.httpHost();
    Duration stallTimeout = plan.stallTimeout();
    if (createTopics) {
      createTopics(properties, topics, err);
    }
    topics = withActualPartitions(properties, topics, err);

    long generation = ResetGeneration.read(properties) + (reset ? 1 : 0);
    settings = settings.withGeneration(generation);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineMetrics metrics = new PipelineMetrics(registry);
    Topology topology = EcostreamTopology.build(topics, settings, metrics);
    ApplicationReset.Outcome resetDone = null;
    if (reset) {
      try {
        resetDone = ApplicationReset.reset(properties, topology, topics.inputs());
      } catch (ApplicationReset.ResetFailedException e) {
        err.println("ecostream run: cannot reset: " + e.getMessage());
        if (!e.toolOutput().isBlank()) {
          err.print(e.toolOutput());
        }
        registry.close();
        return 1;
      }
    }
    properties.put(RecordSkips.METRICS_CONFIG, metrics);
    // Listening first: the query API's address goes into the configuration, so that each instance
    // knows where the others answer for their keys.
    MetricsHttpServer http =
        metricsPort < 0 ? null : MetricsHttpServer.listen(httpHost, metricsPort);
    HostInfo apiAddress = null;
    if (http != null) {
      apiAddress = new HostInfo(advertisedHost(), http.port());
      properties.put(
          StreamsConfig.APPLICATION_SERVER_CONFIG, apiAddress.host() + ":" + apiAddress.port());
    }
    StreamThreadFailures failures =
        new StreamThreadFailures(
            Clock.systemUTC(), message -> err.println("ecostream run: " + message));
    StateRestores restores = new StateRestores(registry);
    StreamsLifecycle app =
        StreamsLifecycle.of(topology, properties)
            .onStateChange(
                (newState, oldState) -> {
                  err.println("ecostream run: streams " + oldState + " -> " + newState);
                  // Tasks become RUNNING once restored: the round of restoration is over.
                  if (newState == KafkaStreams.State.RUNNING) {
                    String restored = restores.takeSummary();
                    if (!restored.isEmpty()) {
                      err.println("ecostream run: " + restored);
                    }
                  }
                })
            .onThreadFailure(failures);
    KafkaStreams streams = app.streams();
    streams.setGlobalStateRestoreListener(restores);
    if (resetDone != null) {
      ResetGeneration.write(properties, generation);
      app.wipeLocalState();
      err.println(
          "ecostream run: "
              + resetDone.summary()
              + "; local state wiped ("
              + Path.of(
                  properties.getProperty(StreamsConfig.STATE_DIR_CONFIG), resetDone.applicationId())
              + "); reset generation "
              + generation
              + ": revisions from now on start above "
              + settings.revisionBase());
    }
    new KafkaStreamsMetrics(streams).bindTo(registry);
    ProcessMetrics processMetrics = ProcessMetrics.bindTo(registry);

    // One client asks the cluster for both: /health and the line that says the broker is lost.
    ReadinessProbe readiness =
        ReadinessProbe.start(
            new StreamsConfig(properties).getAdminConfigs("ecostream-run-readiness"),
            properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
            topics.inputs().stream().map(Topic::name).toList(),
            streams,
            stallTimeout,
            new ClusterWatch(
                properties.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
                plan.kafkaTimeout(),
                err));
    AlertFeed alertFeed = null;
    if (http != null) {
      http.serveMetrics(
          registry, () -> streams.state().isRunningOrRebalancing(), readiness::verdict);
      alertFeed =
          new AlertFeed(
                  new StreamsConfig(properties)
                      .getGlobalConsumerConfigs("ecostream-run-alert-feed"),
                  topics.alerts().name(),
                  ALERT_FEED_CAPACITY)
              .start();
      http.serve(
          "/api",
          new QueryApi(
              streams,
              apiAddress,
              new AirQueries(settings, QueryApi.localStores(streams)),
              new WaterQueries(settings, QueryApi.localStores(streams)),
              alertFeed,
              settings.zone()));
      http.serve("/api/alerts/stream", alertFeed.streamHandler());
      http.serve("/", new LivePage());
      String base = "http://" + urlHost(httpHost) + ":" + http.port();
      err.println(
          "ecostream run: live page on "
              + base
              + "/, metrics on "
              + base
              + "/metrics, query API on "
              + base
              + "/api/openapi.json");
    }
    Thread hook =
        new Thread(
            () -> {
              close(app, STOP_CLOSE_TIMEOUT);
              app.stop();
            },
            "ecostream-run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    this.app = app;
    if (stopRequested) {
      app.stop();
    }
    app.start();
    app.awaitStopped();
    close(app, failures.fatal().isEmpty() ? CLOSE_TIMEOUT : FAILED_CLOSE_TIMEOUT);
    if (http != null) {
      http.close();
      alertFeed.close();
    }
    readiness.close();
    processMetrics.close();
    registry.close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running already: it closes the same streams, which is harmless.
    }
    return failures.fatal().isEmpty() ? 0 : 1;
  }

  /** Stops {@link #run()} as Ctrl-C does, without ending the JVM. */
  void stop() {
    stopRequested = true;
    StreamsLifecycle running = app;
    if (running != null) {
      running.stop();
    }
  }

  /** The host other instances reach this one's query API on. */
  private String advertisedHost() {
    String httpHost = plan.httpHost();
    if (!httpHost.equals("0.0.0.0") && !httpHost.equals("::")) {
      return httpHost;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String urlHost(String host) {
    if (host.equals("0.0.0.0") || host.equals("::")) {
      return "localhost";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /**
   * Streams stays in its group on close by default, until session.timeout.ms (45 s) drops it; a
   * {@code run --reset} right after a stop would then find a member and refuse. Leaving avoids
   * that.
   */
  private static void close(StreamsLifecycle app, Duration timeout) {
    app.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(timeout));
  }

  /**
   * The topics as the cluster has them: the repartition topics into the cities' tasks are created
   * with as many partitions as {@code air.readings} and {@code water.readings} have, whatever they
   * were created with.
   */
  private EcostreamTopics withActualPartitions(
      Properties properties, EcostreamTopics topics, PrintWriter err) {
    String air = topics.airReadings().name();
    String water = topics.waterReadings().name();
    try (Admin admin = Admin.create(adminConfig(properties))) {
      var described =
          admin
              .describeTopics(List.of(air, water))
              .allTopicNames()
              .get(plan.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
      int airPartitions = described.get(air).partitions().size();
      int waterPartitions = described.get(water).partitions().size();
      if (airPartitions != topics.airReadings().partitions()) {
        err.println(
            "ecostream run: "
                + air
                + " has "
                + airPartitions
                + " partitions; the cities' tasks follow it");
      }
      if (waterPartitions != topics.waterReadings().partitions()) {
        err.println(
            "ecostream run: "
                + water
                + " has "
                + waterPartitions
                + " partitions; the cities' tasks follow it");
      }
      return topics
          .withAirReadingsPartitions(airPartitions)
          .withWaterReadingsPartitions(waterPartitions);
    } catch (ExecutionException | TimeoutException e) {
      err.println(
          "ecostream run: cannot read the partitions of "
              + air
              + " and "
              + water
              + " ("
              + e.getMessage()
              + "); assuming "
              + topics.airReadings().partitions()
              + " and "
              + topics.waterReadings().partitions());
      return topics;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return topics;
    }
  }

  private void createTopics(Properties properties, EcostreamTopics topics, PrintWriter err) {
    try (Admin admin = Admin.create(adminConfig(properties))) {
      var created =
          TopicCreator.ensureExist(
              admin, topics.all(), plan.replicationFactor(), plan.kafkaTimeout());
      if (!created.isEmpty()) {
        err.println("ecostream run: created topics " + String.join(", ", created));
      }
    } catch (IllegalStateException e) {
      String why =
          e.getCause() instanceof TimeoutException || e.getCause() == null
              ? "no answer within " + ClusterCheck.seconds(plan.kafkaTimeout())
              : e.getCause().getMessage();
      throw new KafkaClusterException(
          "cannot create the topics at "
              + properties.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)
              + ": "
              + why,
          e);
    }
  }

  /** The streams settings' Admin client, its calls bounded by --kafka-timeout. */
  private Map<String, Object> adminConfig(Properties properties) {
    Properties bounded = new Properties();
    new StreamsConfig(properties)
        .getAdminConfigs("ecostream-run-admin")
        .forEach((name, value) -> bounded.put(name, value));
    Properties withTimeouts = KafkaClientConfig.withRequestTimeouts(bounded, plan.kafkaTimeout());
    Map<String, Object> config = new java.util.HashMap<>();
    withTimeouts.forEach((name, value) -> config.put((String) name, value));
    return config;
  }
}
