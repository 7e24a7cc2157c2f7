package io.ecostream.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in this JVM, bound to
 * loopback only.
 *
 * <pre>{@code
 * try (LocalKafkaBroker kafka = LocalKafkaBroker.start(Settings.ephemeral())) {
 *   String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

  private static final String HOST = "localhost";
  private static final int NODE_ID = 1;
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final long READY_POLL_MILLIS = 50;
  private static final String FATAL_FAULT =
      "The in-process Kafka broker hit a fatal fault (logged above as 'Encountered fatal fault') and"
          + " would have halted the JVM; the broker is unusable";
  private static final AtomicBoolean exitGuardInstalled = new AtomicBoolean();
  // JVM-wide like Exit itself: a fault from any in-process broker fails a start() that overlaps it.
  private static final AtomicInteger fatalFaults = new AtomicInteger();

  private final Settings settings;
  private final KafkaRaftServer server;
  private final Duration startupTime;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalKafkaBroker(Settings settings, KafkaRaftServer server, Duration startupTime) {
    this.settings = settings;
    this.server = server;
    this.startupTime = startupTime;
  }

  /**
   * Formats the data dir if it is new, starts the broker and blocks until it answers a
   * describeCluster.
   *
   * @throws LocalKafkaException if a port is taken, the settings are invalid, the broker hits a fatal
   *     fault, or it is not ready within 60 s
   */
  public static LocalKafkaBroker start(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    long startNanos = System.nanoTime();
    installExitGuard();
    int faultsBefore = fatalFaults.get();
    ensurePortFree("broker", settings.brokerPort());
    ensurePortFree("controller", settings.controllerPort());

    Properties props = serverProperties(settings);
    KafkaConfig config;
    try {
      config = KafkaConfig.fromProps(props);
    } catch (RuntimeException e) {
      throw new LocalKafkaException("Invalid Kafka broker settings: " + e.getMessage(), e);
    }

    KafkaRaftServer server = null;
    try {
      formatIfNew(settings.dataDir(), props);
      server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      awaitReady(bootstrapServers(settings), startNanos + STARTUP_TIMEOUT.toNanos(), faultsBefore);
      // A fault in a background thread can leave a broker that answers but has no LogManager.
      checkNoFatalFault(faultsBefore);
    } catch (RuntimeException e) {
      stopQuietly(server);
      if (settings.deleteOnClose()) {
        deleteRecursively(settings.dataDir());
      }
      throw e instanceof LocalKafkaException lke
          ? lke
          : new LocalKafkaException("Kafka broker failed to start: " + e.getMessage(), e);
    }

    Duration startupTime = Duration.ofNanos(System.nanoTime() - startNanos);
    log.info(
        "Kafka broker ready at {} in {} ms (data in {})",
        bootstrapServers(settings),
        startupTime.toMillis(),
        settings.dataDir());
    return new LocalKafkaBroker(settings, server, startupTime);
  }

  public String bootstrapServers() {
    return bootstrapServers(settings);
  }

  public Path dataDir() {
    return settings.dataDir();
  }

  /** Wall time of {@link #start}, including the format of a new data dir. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Stops the broker and waits for it; deletes the data dir for ephemeral settings. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stopQuietly(server);
    if (settings.deleteOnClose()) {
      deleteRecursively(settings.dataDir());
    }
  }

  /** A port that was free on loopback a moment ago; another process may still take it first. */
  public static int freePort() {
    try (ServerSocket socket = bindLoopback(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }

  static Properties serverProperties(Settings settings) {
    String broker = HOST + ":" + settings.brokerPort();
    String controller = HOST + ":" + settings.controllerPort();
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", String.valueOf(NODE_ID));
    // A static voter takes the controller endpoint from this config on every start, so a kept data
    // dir still starts after its ports change, and the format needs no --standalone.
    props.setProperty("controller.quorum.voters", NODE_ID + "@" + controller);
    props.setProperty("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
    props.setProperty("advertised.listeners", "PLAINTEXT://" + broker);
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("log.dirs", settings.dataDir().toAbsolutePath().toString());
    // One node: every internal topic must accept a replication factor and min ISR of 1.
    props.setProperty("offsets.topic.replication.factor", "1");
    props.setProperty("transaction.state.log.replication.factor", "1");
    props.setProperty("transaction.state.log.min.isr", "1");
    props.setProperty("share.coordinator.state.topic.replication.factor", "1");
    props.setProperty("share.coordinator.state.topic.min.isr", "1");
    // The 3 s default delays every first join of a consumer group or Streams app.
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    // The 128 MiB default is allocated on the heap at startup and alone would dwarf the broker's
    // ~40 MB live set in a shared JVM.
    props.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
    // Topics are created explicitly with their partition count; a typo must fail, not create one.
    props.setProperty("auto.create.topics.enable", "false");
    props.setProperty("num.partitions", "1");
    props.putAll(settings.overrides());
    return props;
  }

  private static String bootstrapServers(Settings settings) {
    return HOST + ":" + settings.brokerPort();
  }

  /**
   * A fatal fault in an in-JVM KafkaRaftServer (e.g. an OOM while starting the LogManager, all log
   * dirs failed) goes to ProcessTerminatingFaultHandler, which calls Exit.halt: the demo app or the
   * test JVM would vanish without a stack trace. Throwing instead unwinds the failing broker thread
   * (Kafka has already logged the fault at ERROR), and the count lets start() report it. Kafka does
   * not expect to survive such a fault: shutdown then leaves non-daemon coordinator threads behind,
   * so an app that reports the failure should end with System.exit. The procedures are JVM-wide and
   * stay installed; only Kafka's own command-line mains, which we never call, exit deliberately.
   */
  private static void installExitGuard() {
    if (exitGuardInstalled.compareAndSet(false, true)) {
      Exit.Procedure fail =
          (status, message) -> {
            fatalFaults.incrementAndGet();
            throw new LocalKafkaException(FATAL_FAULT);
          };
      Exit.setHaltProcedure(fail);
      Exit.setExitProcedure(fail);
    }
  }

  private static void checkNoFatalFault(int faultsBefore) {
    if (fatalFaults.get() != faultsBefore) {
      throw new LocalKafkaException(FATAL_FAULT);
    }
  }

  private static void ensurePortFree(String role, int port) {
    try {
      bindLoopback(port).close();
    } catch (IOException e) {
      throw new LocalKafkaException(
          "Kafka " + role + " port " + port + " on " + HOST + " is already in use");
    }
  }

  private static ServerSocket bindLoopback(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      // Same option as Kafka's own acceptor, so a port in TIME_WAIT after a restart counts as free.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, port));
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static void formatIfNew(Path dataDir, Properties props) {
    // A second format with a new cluster id fails even with --ignore-formatted: restart as is.
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    Path configFile = null;
    try {
      Files.createDirectories(dataDir);
      configFile = Files.createTempFile("ecostream-kafka-", ".properties");
      try (OutputStream out = Files.newOutputStream(configFile)) {
        props.store(out, null);
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int status;
      try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        // execute, not main: main calls System.exit. Transactions v1: with v2 (the 4.3 default)
        // an exactly-once Streams producer's first batches of a transaction raced the previous
        // commit marker here (CONCURRENT_TRANSACTIONS, then OUT_OF_ORDER_SEQUENCE_NUMBER retries,
        // logged as broker errors); with v1 none were seen.
        status =
            StorageTool.execute(
                new String[] {
                  "format", "--config", configFile.toString(),
                  "--cluster-id", Uuid.randomUuid().toString(),
                  "--feature", "transaction.version=1"
                },
                out);
      }
      if (status != 0) {
        throw new LocalKafkaException(
            "Formatting Kafka data dir " + dataDir + " failed: "
                + output.toString(StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new LocalKafkaException("Cannot prepare Kafka data dir " + dataDir + ": " + e, e);
    } finally {
      if (configFile != null) {
        configFile.toFile().delete();
      }
    }
  }

  private static void awaitReady(String bootstrapServers, long deadlineNanos, int faultsBefore) {
    Map<String, Object> adminProps =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, READY_POLL_MILLIS,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, READY_POLL_MILLIS);
    try (Admin admin = Admin.create(adminProps)) {
      Exception last = null;
      while (System.nanoTime() < deadlineNanos) {
        checkNoFatalFault(faultsBefore);
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        int attemptMillis = (int) Math.max(1, Math.min(remainingMillis, 1_000));
        try {
          if (!admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(attemptMillis))
              .nodes()
              .get(attemptMillis, TimeUnit.MILLISECONDS)
              .isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          last = e;
        }
        Thread.sleep(READY_POLL_MILLIS);
      }
      throw new LocalKafkaException(
          "Kafka broker at " + bootstrapServers + " not ready within " + STARTUP_TIMEOUT.toSeconds()
              + " s" + (last == null ? "" : ": " + last.getMessage()),
          last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalKafkaException("Interrupted while waiting for the Kafka broker", e);
    }
  }

  private static void stopQuietly(KafkaRaftServer server) {
    if (server == null) {
      return;
    }
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      log.warn("Kafka broker did not shut down cleanly", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      log.warn("Could not delete Kafka data dir {}", dir, e);
    }
  }

  /**
   * Where and how the broker runs. {@code overrides} are broker properties applied last, so they win
   * over every default; leave log.dirs and the listeners to the other fields.
   */
  public record Settings(
      Path dataDir,
      int brokerPort,
      int controllerPort,
      boolean deleteOnClose,
      Map<String, String> overrides) {

    public Settings {
      Objects.requireNonNull(dataDir, "dataDir");
      checkPort("brokerPort", brokerPort);
      checkPort("controllerPort", controllerPort);
      if (brokerPort == controllerPort) {
        throw new IllegalArgumentException(
            "brokerPort and controllerPort must differ, both are " + brokerPort);
      }
      overrides = Map.copyOf(overrides);
    }

    /** A new temp dir deleted on close, and two loopback ports that are free now. */
    public static Settings ephemeral() {
      // Both sockets open at once, so the two ports cannot be the same.
      try (ServerSocket broker = bindLoopback(0);
          ServerSocket controller = bindLoopback(0)) {
        Path dataDir =
            Path.of(System.getProperty("java.io.tmpdir"), "ecostream-kafka-" + UUID.randomUUID());
        return new Settings(
            dataDir, broker.getLocalPort(), controller.getLocalPort(), true, Map.of());
      } catch (IOException e) {
        throw new UncheckedIOException("No free loopback port", e);
      }
    }

    /** Fixed ports and a data dir that is kept, so topics and records survive a restart. */
    public static Settings persistent(Path dataDir, int brokerPort, int controllerPort) {
      return new Settings(dataDir, brokerPort, controllerPort, false, Map.of());
    }

    public Settings withOverride(String key, String value) {
      Map<String, String> merged = new HashMap<>(overrides);
      merged.put(key, value);
      return new Settings(dataDir, brokerPort, controllerPort, deleteOnClose, merged);
    }

    private static void checkPort(String name, int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(name + " must be within 1..65535, was " + port);
      }
    }
  }
}
