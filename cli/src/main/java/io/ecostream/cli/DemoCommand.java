package io.ecostream.cli;

import io.ecostream.options.DurationConverter;
import io.ecostream.options.ExitCodes;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.streams.AirQualityOptions;
import io.ecostream.streams.DustOptions;
import io.ecostream.streams.OutputFormatOptions;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.topics.EcostreamTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

  @Override
  public Integer call() throws Exception {
    validate();
    List<String> runArguments = new ArrayList<>();
    runArguments.addAll(dust.runArguments());
    runArguments.addAll(quality.runArguments());
    runArguments.addAll(output.runArguments());
    runArguments.addAll(debugArguments());
    return new Demo(
            new Demo.Plan(
                output.applyTo(EcostreamTopics.withDefaultPrefix()),
                workDir,
                port,
                controllerPort,
                metricsPort,
                runArguments,
                debugArguments(),
                from,
                speed,
                seed,
                duration))
        .run(spec.commandLine().getErr());
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
}
