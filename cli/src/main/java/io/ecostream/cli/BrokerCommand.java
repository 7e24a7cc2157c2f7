package io.ecostream.cli;

import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.localkafka.LocalKafkaException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    description = "Runs a real single-node Kafka broker (KRaft) on this machine until Ctrl-C, for running the other commands by hand.")
public final class BrokerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--controller-port",
      defaultValue = "9093",
      description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(
      names = "--data-dir",
      defaultValue = ".ecostream/broker",
      description = "Log directory; kept between runs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    Ports.check(spec, "--port", port);
    Ports.check(spec, "--controller-port", controllerPort);
    if (port == controllerPort) {
      throw new ParameterException(spec.commandLine(), "--port and --controller-port must differ");
    }
    PrintWriter err = spec.commandLine().getErr();
    LocalKafkaBroker broker;
    try {
      broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.persistent(dataDir, port, controllerPort));
    } catch (LocalKafkaException e) {
      err.println("ecostream broker: " + e.getMessage());
      return EcostreamCli.FAILURE;
    }
    err.printf(
        "ecostream broker: ready on %s in %.1f s (data in %s); Ctrl-C stops it%n",
        broker.bootstrapServers(), broker.startupTime().toMillis() / 1000.0, dataDir);
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
}
