package io.ecostream.cli;

import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.localkafka.LocalKafkaException;
import io.ecostream.options.ExitCodes;
import io.ecostream.topics.MaskedSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecostream broker}: the local single-node KRaft broker alone, until Ctrl-C. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a real single-node Kafka broker (KRaft) on this machine until Ctrl-C, for running the other commands by hand.",
      "With --sasl-user and --sasl-password-file its client port asks for SASL/SCRAM-SHA-512 and it writes the"
          + " client settings, password included, to client.properties in the data dir, for --command-config."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:stopped with Ctrl-C",
      "1:the broker could not start (a port in use, a data dir of another cluster)",
      ExitCodes.USAGE
    })
public final class BrokerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description = "Client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--controller-port",
      paramLabel = "PORT",
      defaultValue = "9093",
      description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = ".ecostream/broker",
      description = "Log directory; kept between runs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--sasl-user",
      paramLabel = "NAME",
      description =
          "Ask clients for SASL/SCRAM-SHA-512 and create this user when the data dir is formatted (needs --sasl-password-file).")
  String saslUser;

  @Option(
      names = "--sasl-password-file",
      paramLabel = "FILE",
      description =
          "File whose one line is the password of --sasl-user (never given on the command line).")
  Path saslPasswordFile;

  @Override
  public Integer call() throws InterruptedException {
    Ports.check(spec, "--port", port);
    Ports.check(spec, "--controller-port", controllerPort);
    if (port == controllerPort) {
      throw new ParameterException(spec.commandLine(), "--port and --controller-port must differ");
    }
    PrintWriter err = spec.commandLine().getErr();
    LocalKafkaBroker.Settings settings =
        LocalKafkaBroker.Settings.persistent(dataDir, port, controllerPort);
    if (saslUser != null || saslPasswordFile != null) {
      settings = settings.withScramUser(scramUser(err));
    }
    LocalKafkaBroker broker;
    try {
      broker = LocalKafkaBroker.start(settings);
    } catch (LocalKafkaException e) {
      err.println("ecostream broker: " + e.getMessage());
      return EcostreamCli.FAILURE;
    }
    err.printf(
        "ecostream broker: ready on %s in %.1f s (data in %s); Ctrl-C stops it%n",
        broker.bootstrapServers(), broker.startupTime().toMillis() / 1000.0, dataDir);
    broker.clientConfigFile().ifPresent(file -> describeLogin(err, broker, file));
    err.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  private LocalKafkaBroker.ScramUser scramUser(PrintWriter err) {
    if (saslUser == null || saslPasswordFile == null) {
      throw new ParameterException(
          spec.commandLine(), "--sasl-user and --sasl-password-file go together");
    }
    String password;
    try {
      password = Files.readString(saslPasswordFile, StandardCharsets.UTF_8);
      if (isReadableByOthers(saslPasswordFile)) {
        err.println(
            "ecostream broker: warning: "
                + saslPasswordFile
                + " is readable by other users (chmod 600 it)");
      }
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "--sasl-password-file: cannot read " + saslPasswordFile);
    }
    // One line: the newline an editor or `echo` puts at its end is not part of the password.
    password =
        password.endsWith("\r\n")
            ? password.substring(0, password.length() - 2)
            : password.endsWith("\n") ? password.substring(0, password.length() - 1) : password;
    try {
      return new LocalKafkaBroker.ScramUser(saslUser, password);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static boolean isReadableByOthers(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** What a client needs, the password masked: it is in the file, which only the owner can read. */
  private static void describeLogin(PrintWriter err, LocalKafkaBroker broker, Path file) {
    err.printf(
        "ecostream broker: clients log in with SASL_PLAINTEXT and %s as %s; their settings, password included,"
            + " are in %s (readable by you only):%n",
        LocalKafkaBroker.SCRAM_MECHANISM, broker.saslUser().orElseThrow(), file);
    MaskedSettings.describe(broker.clientProperties())
        .lines()
        .forEach(line -> err.println("ecostream broker:   " + line));
    err.println(
        "ecostream broker: e.g. ./ecostream tail air.city-daily --from-beginning --command-config "
            + file);
  }
}
