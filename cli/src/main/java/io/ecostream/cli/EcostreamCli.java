package io.ecostream.cli;

import io.ecostream.streams.RunCommand;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** {@code ecostream}: the one entry point; each subcommand has its own {@code --help}. */
@Command(
    name = "ecostream",
    mixinStandardHelpOptions = true,
    version = "ecostream 0.1.0",
    description = "Air and water monitoring readings to official figures, on Kafka Streams.",
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
    throw new ParameterException(spec.commandLine(), "a command is required: " + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    CountDownLatch ended = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> awaitQuietly(ended, STOP_BUDGET), "ecostream-stop"));
    int exitCode = commandLine().execute(args);
    ended.countDown();
    System.exit(exitCode);
  }

  /** The command line with ecostream's error handling: one line per error, no stack trace. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new EcostreamCli());
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

  /** --debug on the command line, at any level, or {@value #DEBUG_ENV} in the environment. */
  static boolean debugAsked(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return System.getenv(DEBUG_ENV) != null;
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
