package io.ecostream.cli;

import io.ecostream.options.EcostreamDefaults;
import io.ecostream.options.ExitCodes;
import io.ecostream.streams.RunCommand;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** {@code ecostream}: the one entry point; each subcommand has its own {@code --help}. */
@Command(
    name = "ecostream",
    mixinStandardHelpOptions = true,
    version = "ecostream 0.1.0",
    description = {
      "Air and water monitoring readings to official figures, on Kafka Streams.",
      "",
      "Every option can also be set in the environment or in a properties file:",
      "  ECOSTREAM_KAFKA_TIMEOUT=30s      ECOSTREAM_ and the option's name in capitals, for every command",
      "  $ECOSTREAM_CONFIG, else ~/.ecostream.properties, with lines such as",
      "    kafka-timeout=30s              for every command",
      "    run.metrics-port=9465          for one command",
      "The command line wins over the environment, the environment over the file, the file over the",
      "built-in default.",
      ""
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:done",
      "1:the command failed (one line on stderr says why)",
      ExitCodes.USAGE
    },
    subcommands = {
      DemoCommand.class,
      io.ecostream.producer.cli.SimulateCommand.class,
      ReplayAndReportCommand.class,
      RunCommand.class,
      TailCommand.class,
      SchemasCommand.class,
      RecordCommand.class,
      AqiCommand.class,
      BrokerCommand.class,
      BenchCommand.class,
      ScenarioCommand.class
    })
public final class EcostreamCli implements Runnable {

  /** Exit code of a wrong argument, as in the BSD sysexits convention picocli follows. */
  public static final int USAGE_ERROR = 2;

  /** Exit code of a command that failed while running. */
  public static final int FAILURE = 1;

  /**
   * How long Ctrl-C or SIGTERM waits for the command to end, so that it can print why it stopped.
   * The commands' own shutdown hooks stop their work within this; the JVM exits within 5 s.
   */
  static final Duration STOP_BUDGET = Duration.ofSeconds(4);

  /** Wide enough for the option names and their placeholders, narrow enough for any terminal. */
  static final int USAGE_WIDTH = 100;

  /** The environment's equivalent of --debug, which the demo's child processes inherit. */
  static final String DEBUG_ENV = "ECOSTREAM_DEBUG";

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Read through debugAsked(), from the parse result: it may follow any command.
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace too; log ecostream's own debug lines.")
  boolean debug;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "a command is required: " + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    IDefaultValueProvider defaults;
    try {
      defaults = EcostreamDefaults.ofProcess();
    } catch (IllegalArgumentException e) {
      System.err.println("ecostream: " + e.getMessage());
      System.exit(USAGE_ERROR);
      return;
    }
    CountDownLatch ended = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> awaitQuietly(ended, STOP_BUDGET), "ecostream-stop"));
    int exitCode = commandLine(defaults).execute(args);
    ended.countDown();
    System.exit(exitCode);
  }

  /**
   * The command line with ecostream's error handling (one line per error, no stack trace) and the
   * defaults in code alone: no environment variable or settings file changes them.
   */
  public static CommandLine commandLine() {
    return commandLine(argument -> null);
  }

  /**
   * As {@link #commandLine()}, with option values that the arguments leave out taken from {@code
   * defaults}: {@link EcostreamDefaults#ofProcess()} reads the environment and the settings file.
   */
  public static CommandLine commandLine(IDefaultValueProvider defaults) {
    CommandLine commandLine = new CommandLine(new EcostreamCli());
    commandLine.setDefaultValueProvider(defaults);
    commandLine.setUsageHelpWidth(USAGE_WIDTH);
    commandLine.setParameterExceptionHandler(oneLineUsageError());
    commandLine.setExecutionExceptionHandler(oneLineFailure());
    commandLine.setExecutionStrategy(
        parseResult -> {
          if (debugAsked(parseResult)) {
            Configurator.setLevel("io.ecostream", Level.DEBUG);
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    return commandLine;
  }

  /**
   * --debug at any level: on the command line, or from the environment ({@value #DEBUG_ENV}) or the
   * settings file through the default provider.
   */
  static boolean debugAsked(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      OptionSpec debug = level.commandSpec().findOption("--debug");
      if (level.hasMatchedOption("--debug")
          || (debug != null && Boolean.TRUE.equals(debug.getValue()))) {
        return true;
      }
    }
    return false;
  }

  private static IParameterExceptionHandler oneLineUsageError() {
    return (ParameterException e, String[] args) -> {
      CommandLine failed = e.getCommandLine();
      PrintWriter err = failed.getErr();
      err.println(
          failed.getCommandSpec().qualifiedName()
              + ": "
              + e.getMessage()
              + " (see '"
              + failed.getCommandSpec().qualifiedName()
              + " --help')");
      err.flush();
      return USAGE_ERROR;
    };
  }

  private static IExecutionExceptionHandler oneLineFailure() {
    return (Exception e, CommandLine failed, CommandLine.ParseResult parseResult) -> {
      PrintWriter err = failed.getErr();
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      err.println(failed.getCommandSpec().qualifiedName() + ": " + message);
      if (debugAsked(parseResult)) {
        e.printStackTrace(err);
      }
      err.flush();
      return FAILURE;
    };
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
