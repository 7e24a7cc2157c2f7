package io.ecostream.cli;

import io.ecostream.avro.CityDaily;
import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.options.DurationConverter;
import io.ecostream.options.ExitCodes;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.streams.AirQualityOptions;
import io.ecostream.streams.DustOptions;
import io.ecostream.streams.OutputFormatOptions;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ecostream demo}: the whole system on this machine. A real KRaft broker runs in this JVM;
 * the streams application and the simulator run as separate processes, exactly as they would
 * against a real cluster, so the demo exercises the same code paths as production.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole system on this machine: a local Kafka broker, the streams application and the simulator.",
      "It creates the topics, starts the streams application and the simulator as separate processes and prints a"
          + " status line every 10 s. Ctrl-C stops everything within 5 s. The simulator runs at --speed until"
          + " simulated time reaches the present, then in real time."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:stopped after --duration or with Ctrl-C",
      "1:the broker could not start, or the streams application or the simulator failed (see its log)",
      ExitCodes.USAGE
    })
public final class DemoCommand implements Callable<Integer> {

  private static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);
  private static final Duration STREAMS_READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration CHILD_STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);

  /**
   * Ctrl-C: how long the children have, together, to stop (each closes its clients sooner); then
   * the broker closes in under a second, all within the 5 s of a stop.
   */
  private static final Duration CHILDREN_STOP_ON_CTRL_C = Duration.ofMillis(2500);

  /** Ctrl-C: how long the hook waits for all that before it kills what is left. */
  private static final Duration CTRL_C_WAIT = Duration.ofMillis(3800);

  @Spec CommandSpec spec;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Stop by itself after this wall-clock time, e.g. 90s, 5m (default: run until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      defaultValue = "2026-02-26",
      description =
          "First simulated day, today at the latest (default: ${DEFAULT-VALUE}, so that the AQI rules switch from HJ 633-2012 to HJ 633-2026 on 2026-03-01 during the demo).")
  LocalDate from;

  @Option(
      names = "--speed",
      paramLabel = "N",
      defaultValue = "7200",
      description =
          "Simulated seconds per wall-clock second until simulated time reaches the present, real time from then on (default: ${DEFAULT-VALUE}: two simulated hours a second).")
  String speed;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Simulator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description = "Broker client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--controller-port",
      paramLabel = "PORT",
      defaultValue = "9093",
      description = "Broker KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "9464",
      description =
          "Port of the streams application's /metrics and /health (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      defaultValue = ".ecostream/demo",
      description =
          "Broker data, state stores and the logs of the child processes; emptied at start (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Mixin DustOptions dust;

  @Mixin AirQualityOptions quality;

  @Mixin OutputFormatOptions output;

  private volatile boolean stopRequested;

  @Override
  public Integer call() throws Exception {
    validate();
    EcostreamTopics topics = output.applyTo(EcostreamTopics.withDefaultPrefix());
    PrintWriter err = spec.commandLine().getErr();
    EmbeddedBroker.prepareWorkDir(workDir);
    CountDownLatch finished = new CountDownLatch(1);
    List<ChildProcess> children = new CopyOnWriteArrayList<>();
    Thread hook =
        new Thread(
            () -> {
              stopRequested = true;
              try {
                if (!finished.await(CTRL_C_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                  // The JVM exits when this hook returns: leave no child process behind.
                  children.forEach(ChildProcess::kill);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ecostream-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    LocalKafkaBroker broker;
    try {
      broker =
          EmbeddedBroker.start(
              LocalKafkaBroker.Settings.persistent(workDir.resolve("kafka"), port, controllerPort),
              workDir.resolve("logs/broker.log"));
    } catch (IllegalStateException e) {
      finished.countDown();
      throw e;
    }
    int exitCode = 0;
    try {
      say(
          err,
          "broker ready on %s in %.1f s",
          broker.bootstrapServers(),
          seconds(broker.startupTime()));
      if (stopRequested) {
        return exitCode;
      }
      try (Admin admin =
          Admin.create(
              java.util.Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        TopicCreator.ensureExist(admin, topics.all(), Optional.empty());
      }
      say(
          err,
          "topics: %s",
          topics.all().stream().map(Topic::name).collect(Collectors.joining(", ")));

      List<String> run =
          new ArrayList<>(
              List.of(
                  "run",
                  "--bootstrap-servers",
                  broker.bootstrapServers(),
                  "--state-dir",
                  workDir.resolve("state").toString(),
                  "--metrics-port",
                  Integer.toString(metricsPort)));
      run.addAll(dust.runArguments());
      run.addAll(quality.runArguments());
      run.addAll(output.runArguments());
      run.addAll(debugArguments());
      ChildProcess streams =
          ChildProcess.start(
              "streams-app", workDir.resolve("logs/streams-app.log"), run.toArray(String[]::new));
      children.add(streams);
      awaitStreamsRunning(streams);
      if (stopRequested) {
        return exitCode;
      }
      say(
          err,
          "streams-app running (pid %d); live page on http://localhost:%d/, metrics on http://localhost:%d/metrics",
          streams.pid(),
          metricsPort,
          metricsPort);

      List<String> simulate =
          new ArrayList<>(
              List.of(
                  "simulate",
                  "--bootstrap-servers",
                  broker.bootstrapServers(),
                  "--from",
                  from.toString(),
                  "--speed",
                  speed,
                  "--seed",
                  Long.toString(seed)));
      simulate.addAll(debugArguments());
      ChildProcess simulator =
          ChildProcess.start(
              "simulator", workDir.resolve("logs/simulator.log"), simulate.toArray(String[]::new));
      children.add(simulator);
      say(
          err,
          "simulator running (pid %d) from %s at speed %s, in real time once it reaches the present",
          simulator.pid(),
          from,
          speed);
      say(err, "logs of the broker, streams-app and simulator in %s", workDir.resolve("logs"));
      say(
          err,
          "Ctrl-C stops everything%s",
          duration == null ? "" : "; stopping by itself after " + duration.toSeconds() + " s");

      exitCode = watch(err, broker, topics, children);
    } finally {
      if (stopRequested) {
        ChildProcess.stopAll(children, CHILDREN_STOP_ON_CTRL_C);
      } else {
        for (int i = children.size() - 1; i >= 0; i--) {
          children.get(i).stop(CHILD_STOP_TIMEOUT);
        }
      }
      broker.close();
      say(err, "stopped");
      finished.countDown();
    }
    if (!stopRequested) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    return exitCode;
  }

  private int watch(
      PrintWriter err, LocalKafkaBroker broker, EcostreamTopics topics, List<ChildProcess> children)
      throws InterruptedException {
    long started = System.nanoTime();
    long nextStatus = started + STATUS_INTERVAL.toNanos();
    try (TopicCounter counter = new TopicCounter(broker.bootstrapServers(), topics)) {
      while (!stopRequested) {
        if (duration != null && System.nanoTime() - started >= duration.toNanos()) {
          break;
        }
        for (ChildProcess child : children) {
          if (!child.isAlive()) {
            say(
                err,
                "%s exited unexpectedly with code %d; see %s",
                child.name(),
                child.exitCode(),
                child.log());
            return EcostreamCli.FAILURE;
          }
        }
        counter.catchUp(Duration.ofMillis(200));
        if (stopRequested) {
          break;
        }
        boolean finalLineComesNext =
            duration != null && System.nanoTime() - started >= duration.toNanos();
        if (System.nanoTime() >= nextStatus && !finalLineComesNext) {
          err.println(status(topics, counter, System.nanoTime() - started));
          err.flush();
          nextStatus += STATUS_INTERVAL.toNanos();
        }
        Thread.sleep(200);
      }
      if (stopRequested) {
        // Ctrl-C: no drain, the stop must be quick; the line shows what had arrived.
        err.println(status(topics, counter, System.nanoTime() - started) + " | stopped");
        err.flush();
        return 0;
      }
      // Stop the source first and let the streams app finish, so the last line adds up.
      children.get(children.size() - 1).stop(CHILD_STOP_TIMEOUT);
      long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
      do {
        counter.catchUp(Duration.ofMillis(500));
      } while (counter.count(topics.stationHourly()) + counter.count(topics.deadLetters())
              < counter.count(topics.airReadings())
          && System.nanoTime() < drainDeadline
          && children.get(0).isAlive());
      err.println(status(topics, counter, System.nanoTime() - started) + " | final");
      err.flush();
    }
    return 0;
  }

  private static String status(EcostreamTopics topics, TopicCounter counter, long elapsedNanos) {
    StringBuilder line = new StringBuilder();
    line.append(
        String.format(
            Locale.ROOT,
            "[%4ds] in: air %d, water %d | out:",
            TimeUnit.NANOSECONDS.toSeconds(elapsedNanos),
            counter.count(topics.airReadings()),
            counter.count(topics.waterReadings())));
    for (Topic<String, ?> output : counter.outputs()) {
      line.append(' ')
          .append(output.name().substring(topics.prefix().length() + 1))
          .append(' ')
          .append(counter.count(output))
          .append(',');
    }
    line.setLength(line.length() - 1);
    line.append(" | dead-letters ").append(counter.count(topics.deadLetters()));
    line.append(" | alerts ").append(counter.count(topics.alerts()));
    CityDaily daily = counter.latestCityDaily();
    if (daily != null) {
      line.append(
          String.format(
              Locale.ROOT,
              " | latest %s %s PM2.5 %s (%d/%d stations complete)",
              daily.getCityId(),
              daily.getDate(),
              daily.getPm25() == null ? "n/a" : String.format(Locale.ROOT, "%.1f", daily.getPm25()),
              daily.getStationsComplete(),
              daily.getStationsReporting()));
    }
    return line.toString();
  }

  private void awaitStreamsRunning(ChildProcess streams) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://localhost:" + metricsPort + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + STREAMS_READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && !stopRequested) {
      if (!streams.isAlive()) {
        throw new IllegalStateException(
            "the streams application exited with code "
                + streams.exitCode()
                + "; see "
                + streams.log());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    if (!stopRequested) {
      throw new IllegalStateException(
          "the streams application was not running after "
              + STREAMS_READY_TIMEOUT.toSeconds()
              + " s; see "
              + streams.log());
    }
  }

  private void validate() {
    Ports.check(spec, "--port", port);
    Ports.check(spec, "--controller-port", controllerPort);
    Ports.check(spec, "--metrics-port", metricsPort);
    if (port == controllerPort || port == metricsPort || controllerPort == metricsPort) {
      throw new ParameterException(
          spec.commandLine(), "--port, --controller-port and --metrics-port must all differ");
    }
    // the streams app reads the file again; read here too so that a bad one stops the demo before
    // the broker starts
    quality.applyTo(dust.applyTo(PipelineSettings.defaults()));
    LocalDate today = LocalDate.now(StationCatalog.TIME_ZONE);
    if (from.isAfter(today)) {
      throw new ParameterException(
          spec.commandLine(),
          "--from "
              + from
              + " is in the future (today is "
              + today
              + " in Asia/Shanghai): simulated readings never run ahead of the clock");
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new ParameterException(
          spec.commandLine(), "--duration must be positive, got " + duration);
    }
    if (!speed.equals("max")) {
      try {
        if (Double.parseDouble(speed) <= 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new ParameterException(
            spec.commandLine(), "--speed must be a positive number or 'max', got '" + speed + "'");
      }
    }
  }

  /** --debug for the children when the demo has it (the environment variable they inherit). */
  private List<String> debugArguments() {
    return EcostreamCli.debugAsked(spec.root().commandLine().getParseResult())
        ? List.of("--debug")
        : List.of();
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static void say(PrintWriter err, String format, Object... args) {
    err.println("ecostream demo: " + String.format(Locale.ROOT, format, args));
    err.flush();
  }
}
