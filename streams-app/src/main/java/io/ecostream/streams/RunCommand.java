package io.ecostream.streams;

import io.ecostream.options.DurationConverter;
import io.ecostream.options.ExitCodes;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.state.MemtableSize;
import io.ecostream.topics.ClusterOptions;
import io.ecostream.topics.EcostreamTopics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
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
    description = {
      "Runs the ecostream Kafka Streams application until it is stopped (Ctrl-C).",
      "It first checks, within --kafka-timeout, that a broker answers (and with"
          + " --no-create-topics that the topics exist)."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:stopped with Ctrl-C",
      "1:no broker answers, a topic is missing, --reset failed, or the application failed (a lost broker)",
      ExitCodes.USAGE
    })
public final class RunCommand implements Callable<Integer> {

  /** Loopback: the metrics are for this machine unless --http-host says otherwise. */
  static final String DEFAULT_HTTP_HOST = "127.0.0.1";

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Mixin DustOptions dust;

  @Mixin AirQualityOptions quality;

  @Mixin OutputFormatOptions output;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      description =
          "Kafka Streams application id (default: "
              + StreamsAppConfig.DEFAULT_APPLICATION_ID
              + ").")
  String applicationId;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Directory of the local state stores (default: .ecostream/state).")
  Path stateDir;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "9464",
      description =
          "Port of GET /metrics (Prometheus), GET /health and the query API GET /api/...; 0 = any free port, -1 = off (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--http-host",
      paramLabel = "ADDRESS",
      defaultValue = DEFAULT_HTTP_HOST,
      description =
          "Address that /metrics, /health and /api listen on (default: ${DEFAULT-VALUE}, this machine only;"
              + " 0.0.0.0 for every interface, e.g. in a container whose port is published).")
  String httpHost = DEFAULT_HTTP_HOST;

  @Option(
      names = "--stall-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.BareSeconds.class,
      description =
          "/health turns 503 when input waits and no offset has been committed for this long, e.g. 30s, 2m"
              + " (a bare number: seconds; default: ${DEFAULT-VALUE}).")
  Duration stallTimeout = Duration.ofSeconds(30);

  @Option(
      names = "--create-topics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Create missing topics at start (default: ${DEFAULT-VALUE}).")
  boolean createTopics;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      description = "Replication factor of topics created at start (default: the broker's).")
  Short replicationFactor;

  @Option(
      names = "--reset",
      description =
          "Reprocess all retained input: before starting, move the application's input offsets back to"
              + " the earliest, delete its internal topics and wipe its local state. Every instance must be"
              + " stopped; output topics are kept and receive the figures again.")
  boolean reset;

  private volatile EcostreamRun run;
  private volatile boolean stopRequested;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    EcostreamTopics topics = output.applyTo(cluster.topics());
    if (stallTimeout.toSeconds() < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--stall-timeout must be at least 1s, got " + stallTimeout.toMillis() + "ms");
    }
    if (metricsPort < -1 || metricsPort > 65_535) {
      throw new ParameterException(
          spec.commandLine(), "--metrics-port must be -1 (off) or 0-65535, got " + metricsPort);
    }
    PipelineSettings settings = quality.applyTo(dust.applyTo(PipelineSettings.defaults()));
    Properties properties =
        cluster.clientProperties(StreamsAppConfig.defaults(), System.getenv(), flags());
    try {
      MemtableSize.check(properties.get(MemtableSize.WRITE_BUFFER_BYTES_CONFIG));
    } catch (ConfigException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (createTopics) {
      cluster.requireCluster(properties, List.of());
    } else {
      cluster.requireCluster(
          properties, topics.all(), "'./ecostream run' without --no-create-topics creates them");
    }
    err.println("ecostream run: dust-affected days: " + dust.summary(settings));
    err.println("ecostream run: air readings: " + AirQualityOptions.summary(settings.airQuality()));
    err.println("ecostream run: figure and alert topics in " + topics.outputFormat().optionValue());
    run =
        new EcostreamRun(
            new EcostreamRun.Plan(
                topics,
                settings,
                properties,
                createTopics,
                Optional.ofNullable(replicationFactor),
                reset,
                metricsPort,
                httpHost,
                stallTimeout,
                cluster.kafkaTimeout()),
            err);
    if (stopRequested) {
      run.stop();
    }
    return run.run();
  }

  /** Stops a running {@link #call()} as Ctrl-C does, without ending the JVM. */
  void stop() {
    stopRequested = true;
    EcostreamRun running = run;
    if (running != null) {
      running.stop();
    }
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
}
