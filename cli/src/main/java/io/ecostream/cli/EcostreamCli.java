package io.ecostream.cli;

import io.ecostream.streams.RunCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

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

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required: " + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with ecostream's error handling: one line per error, no stack trace. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new EcostreamCli());
    commandLine.setParameterExceptionHandler(oneLineUsageError());
    commandLine.setExecutionExceptionHandler(oneLineFailure());
    return commandLine;
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
      if (System.getenv("ECOSTREAM_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return FAILURE;
    };
  }
}
