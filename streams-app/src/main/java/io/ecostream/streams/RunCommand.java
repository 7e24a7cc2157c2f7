package io.ecostream.streams;

import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.MetricsHttpServer;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.ClusterOptions;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecostream run}: the streams application, until Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the ecostream Kafka Streams application until it is stopped (Ctrl-C).")
public final class RunCommand implements Callable<Integer> {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Mixin DustOptions dust;

  @Option(
      names = "--application-id",
      description = "Kafka Streams application id (default: " + StreamsAppConfig.DEFAULT_APPLICATION_ID + ").")
  String applicationId;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Directory of the local state stores (default: .ecostream/state).")
  Path stateDir;

  @Option(
      names = "--metrics-port",
      defaultValue = "9464",
      description = "Port of GET /metrics (Prometheus) and GET /health; 0 = any free port, -1 = off (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--create-topics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Create missing topics at start (default: ${DEFAULT-VALUE}).")
  boolean createTopics;

  @Option(
      names = "--replication-factor",
      description = "Replication factor of topics created at start (default: the broker's).")
  Short replicationFactor;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    EcostreamTopics topics = cluster.topics();
    if (metricsPort < -1 || metricsPort > 65_535) {
      throw new ParameterException(
          spec.commandLine(), "--metrics-port must be -1 (off) or 0-65535, got " + metricsPort);
    }
    PipelineSettings settings = dust.applyTo(PipelineSettings.defaults());
    err.println("ecostream run: dust-affected days: " + dust.summary(settings));
    Properties properties =
        cluster.clientProperties(StreamsAppConfig.defaults(), System.getenv(), flags());
    if (createTopics) {
      createTopics(properties, topics, err);
    }

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineMetrics metrics = new PipelineMetrics(registry);
    Topology topology = EcostreamTopology.build(topics, settings, metrics);
    KafkaStreams streams = new KafkaStreams(topology, properties);
    new KafkaStreamsMetrics(streams).bindTo(registry);

    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    streams.setStateListener(
        (newState, oldState) -> {
          err.println("ecostream run: streams " + oldState + " -> " + newState);
          if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.NOT_RUNNING) {
            stopped.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        exception -> {
          failure.compareAndSet(null, exception);
          err.println("ecostream run: fatal error in a stream thread: " + exception);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });

    MetricsHttpServer http =
        metricsPort < 0
            ? null
            : MetricsHttpServer.start(
                "0.0.0.0", metricsPort, registry, () -> streams.state().isRunningOrRebalancing());
    if (http != null) {
      err.println("ecostream run: metrics on http://localhost:" + http.port() + "/metrics");
    }
    Thread hook =
        new Thread(
            () -> {
              streams.close(CLOSE_TIMEOUT);
              stopped.countDown();
            },
            "ecostream-run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    streams.start();
    stopped.await();
    streams.close(CLOSE_TIMEOUT);
    if (http != null) {
      http.close();
    }
    registry.close();
    return failure.get() == null ? 0 : 1;
  }

  private Properties flags() {
    Properties flags = new Properties();
    if (applicationId != null) {
      flags.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    }
    if (stateDir != null) {
      flags.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    }
    return flags;
  }

  private void createTopics(Properties properties, EcostreamTopics topics, PrintWriter err) {
    var adminConfig = new StreamsConfig(properties).getAdminConfigs("ecostream-run-admin");
    try (Admin admin = Admin.create(adminConfig)) {
      var created = TopicCreator.ensureExist(admin, topics.all(), Optional.ofNullable(replicationFactor));
      if (!created.isEmpty()) {
        err.println("ecostream run: created topics " + String.join(", ", created));
      }
    }
  }
}
