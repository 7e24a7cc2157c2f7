package io.ecostream.cli;

import io.ecostream.options.EcostreamDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** An ecostream subcommand running in its own JVM, with its output in a log file. */
final class ChildProcess {

  private final String name;
  private final Path log;
  private final Process process;

  private ChildProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code ecostream ARGS...} on the class path of this JVM. */
  /** The logging settings, which the children share with the command that starts them. */
  private static final Set<String> INHERITED_ENVIRONMENT =
      Set.of(EcostreamCli.DEBUG_ENV, "ECOSTREAM_LOG_LEVEL", "ECOSTREAM_KAFKA_LOG_LEVEL");

  static ChildProcess start(String name, Path log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EcostreamCli.class.getName());
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE);
      // The child gets every setting it needs as an argument: an ECOSTREAM_TOPIC_PREFIX or a
      // settings
      // file of the user's must not split it from the demo that counts its records.
      builder
          .environment()
          .keySet()
          .removeIf(
              variable ->
                  variable.startsWith(EcostreamDefaults.ENV_PREFIX)
                      && !INHERITED_ENVIRONMENT.contains(variable));
      builder.environment().put(EcostreamDefaults.CONFIG_ENV, "");
      Process process = builder.start();
      return new ChildProcess(name, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  /** SIGKILL. */
  void kill() {
    process.destroyForcibly();
  }

  /**
   * SIGTERM to all at once, so that they close their clients side by side; SIGKILL to those still
   * alive after the timeout.
   */
  static void stopAll(List<ChildProcess> children, Duration timeout) {
    children.forEach(child -> child.process.destroy());
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ChildProcess child : children) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!child.process.waitFor(left, TimeUnit.NANOSECONDS)) {
          child.process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        child.process.destroyForcibly();
      }
    }
  }

  /** SIGTERM, so that the child's shutdown hook closes its clients; SIGKILL after the timeout. */
  void stop(Duration timeout) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
