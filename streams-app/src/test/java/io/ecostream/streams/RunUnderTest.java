package io.ecostream.streams;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** One {@code run} command on its own thread, as a user starts it, its stderr kept. */
public record RunUnderTest(RunCommand command, StringWriter log, CompletableFuture<Integer> exit) {

  private static final Duration STOP_DEADLINE = Duration.ofSeconds(60);

  public static RunUnderTest start(List<String> args) {
    RunCommand command = new RunCommand();
    StringWriter log = new StringWriter();
    CommandLine commandLine = new CommandLine(command).setErr(new PrintWriter(log, true));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> exit.complete(commandLine.execute(args.toArray(String[]::new))),
            "ecostream-run-under-test");
    thread.setDaemon(true);
    thread.start();
    return new RunUnderTest(command, log, exit);
  }

  /** Stops it as Ctrl-C does; its exit code. */
  public int stop() throws Exception {
    command.stop();
    return exit.get(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }

  public List<String> lines(String containing) {
    return log.toString().lines().filter(line -> line.contains(containing)).toList();
  }
}
