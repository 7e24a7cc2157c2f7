package io.ecostream.cli;

import io.ecostream.avro.CityDaily;
import io.ecostream.localkafka.LocalKafkaBroker;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What {@code demo} does once its options are read: starts the broker in this JVM, creates the
 * topics, starts the streams application and the simulator as child processes, prints a status line
 * every 10 s and stops everything at --duration or Ctrl-C.
 */
final class Demo {

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

  /**
   * The demo's options, read and checked.
   *
   * @param runArguments what {@code run} gets besides the broker, state and metrics port
   * @param debugArguments {@code --debug} when the demo has it, for both children
   * @param duration null: until Ctrl-C
   */
  record Plan(
      EcostreamTopics topics,
      Path workDir,
      int port,
      int controllerPort,
      int metricsPort,
      List<String> runArguments,
      List<String> debugArguments,
      LocalDate from,
      String speed,
      long seed,
      Duration duration) {}

  private final Plan plan;
  private volatile boolean stopRequested;

  Demo(Plan plan) {
    this.plan = plan;
  }

  /** Runs the demo until --duration or Ctrl-C; the exit code of {@code demo}. */
  int run(PrintWriter err) throws Exception {
    EcostreamTopics topics = plan.topics();
    Path workDir = plan.workDir();
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
              LocalKafkaBroker.Settings.persistent(
                  workDir.resolve("kafka"), plan.port(), plan.controllerPort()),
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
                  Integer.toString(plan.metricsPort())));
      run.addAll(plan.runArguments());
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
          plan.metricsPort(),
          plan.metricsPort());

      List<String> simulate =
          new ArrayList<>(
              List.of(
                  "simulate",
                  "--bootstrap-servers",
                  broker.bootstrapServers(),
                  "--from",
                  plan.from().toString(),
                  "--speed",
                  plan.speed(),
                  "--seed",
                  Long.toString(plan.seed())));
      simulate.addAll(plan.debugArguments());
      ChildProcess simulator =
          ChildProcess.start(
              "simulator", workDir.resolve("logs/simulator.log"), simulate.toArray(String[]::new));
      children.add(simulator);
      say(
          err,
          "simulator running (pid %d) from %s at speed %s, in real time once it reaches the present",
          simulator.pid(),
          plan.from(),
          plan.speed());
      say(err, "logs of the broker, streams-app and simulator in %s", workDir.resolve("logs"));
      say(
          err,
          "Ctrl-C stops everything%s",
          plan.duration() == null
              ? ""
              : "; stopping by itself after " + plan.duration().toSeconds() + " s");

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
        if (plan.duration() != null && System.nanoTime() - started >= plan.duration().toNanos()) {
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
            plan.duration() != null && System.nanoTime() - started >= plan.duration().toNanos();
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
        HttpRequest.newBuilder(URI.create("http://localhost:" + plan.metricsPort() + "/health"))
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

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static void say(PrintWriter err, String format, Object... args) {
    err.println("ecostream demo: " + String.format(Locale.ROOT, format, args));
    err.flush();
  }
}
