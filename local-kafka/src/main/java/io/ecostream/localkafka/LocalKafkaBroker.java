package io.ecostream.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in this JVM, bound
 * to loopback only; without authentication, or with SASL/SCRAM-SHA-512 on its client listener
 * ({@link Settings#withScramUser}).
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

  /**
   * The only SASL mechanism of the SASL listener: SCRAM credentials live in the cluster's metadata.
   */
  public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

  /** Name of the client settings file written into the data dir of a SASL broker. */
  public static final String CLIENT_CONFIG_FILE = "client.properties";

  private static final String MASK = "[hidden]";
  // The smallest count Kafka accepts for SCRAM-SHA-512 (and RFC 7677's minimum for SHA-256).
  private static final int SCRAM_ITERATIONS = 4096;
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
   * @throws LocalKafkaException if a port is taken, the settings are invalid, the broker hits a
   *     fatal fault, or it is not ready within 60 s
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
      formatIfNew(settings, props);
      server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      awaitReady(settings, startNanos + STARTUP_TIMEOUT.toNanos(), faultsBefore);
      if (settings.sasl()) {
        writeClientConfig(settings);
      } else {
        // Left by an earlier start with SASL, it would name a listener this start does not have.
        Files.deleteIfExists(settings.dataDir().resolve(CLIENT_CONFIG_FILE));
      }
      // A fault in a background thread can leave a broker that answers but has no LogManager.
      checkNoFatalFault(faultsBefore);
    } catch (IOException | RuntimeException e) {
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

  /**
   * What a client needs to connect: {@code bootstrap.servers}, and for a SASL broker {@code
   * security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} (with the password).
   */
  public Properties clientProperties() {
    return clientProperties(settings);
  }

  /**
   * The {@link #clientProperties()} of a SASL broker as a file in its data dir, readable by the
   * owner only where the file system has POSIX permissions, for {@code --command-config}; empty
   * without SASL.
   */
  public Optional<Path> clientConfigFile() {
    return settings.sasl()
        ? Optional.of(settings.dataDir().resolve(CLIENT_CONFIG_FILE))
        : Optional.empty();
  }

  /** The user clients log in as, without SASL empty. */
  public Optional<String> saslUser() {
    return Optional.ofNullable(settings.scramUser()).map(ScramUser::name);
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
    String listener = settings.sasl() ? "SASL_PLAINTEXT" : "PLAINTEXT";
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", String.valueOf(NODE_ID));
    // A static voter takes the controller endpoint from this config on every start, so a kept data
    // dir still starts after its ports change, and the format needs no --standalone.
    props.setProperty("controller.quorum.voters", NODE_ID + "@" + controller);
    props.setProperty("listeners", listener + "://" + broker + ",CONTROLLER://" + controller);
    props.setProperty("advertised.listeners", listener + "://" + broker);
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty(
        "listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
    props.setProperty("inter.broker.listener.name", listener);
    if (settings.sasl()) {
      // The broker's own clients (e.g. the transaction markers it sends to itself) log in on the
      // same listener as the user. The controller listener stays PLAINTEXT, on loopback only: the
      // SCRAM credentials live in the metadata that the controller itself serves.
      props.setProperty("sasl.enabled.mechanisms", SCRAM_MECHANISM);
      props.setProperty("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
      props.setProperty(
          "listener.name.sasl_plaintext."
              + SCRAM_MECHANISM.toLowerCase(Locale.ROOT)
              + ".sasl.jaas.config",
          settings.scramUser().jaasConfig());
    }
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

  private static Properties clientProperties(Settings settings) {
    Properties client = new Properties();
    client.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(settings));
    if (settings.sasl()) {
      client.setProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
      client.setProperty(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
      client.setProperty(SaslConfigs.SASL_JAAS_CONFIG, settings.scramUser().jaasConfig());
    }
    return client;
  }

  /**
   * Written at every start, so that it follows the ports; created with owner-only permissions
   * before the password goes in, then moved over the previous one.
   */
  private static void writeClientConfig(Settings settings) {
    Path file = settings.dataDir().resolve(CLIENT_CONFIG_FILE);
    Path temp = null;
    try {
      temp = privateFile(settings.dataDir(), CLIENT_CONFIG_FILE);
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        clientProperties(settings)
            .store(
                out,
                "Client settings of the local broker (SASL_PLAINTEXT, "
                    + SCRAM_MECHANISM
                    + ", user "
                    + settings.scramUser().name()
                    + "), for --command-config. Holds the password.");
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LocalKafkaException(
          "Cannot write the client settings " + file + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        temp.toFile().delete();
      }
    }
  }

  /** A new empty file readable and writable by the owner only, where POSIX permissions exist. */
  private static Path privateFile(Path dir, String prefix) throws IOException {
    try {
      return Files.createTempFile(
          dir,
          prefix,
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(dir, prefix, ".tmp");
    }
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

  private static void formatIfNew(Settings settings, Properties props) {
    Path dataDir = settings.dataDir();
    // A second format with a new cluster id fails even with --ignore-formatted: restart as is.
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    Path configFile = null;
    try {
      Files.createDirectories(dataDir);
      // Holds the broker's JAAS login, password included, when SASL is on.
      configFile = privateFile(Path.of(System.getProperty("java.io.tmpdir")), "ecostream-kafka-");
      try (OutputStream out = Files.newOutputStream(configFile)) {
        props.store(out, null);
      }
      // Transactions v1: with v2 (the default since 4.3) an exactly-once Streams producer's first
      // batches of a transaction raced the previous commit marker here (CONCURRENT_TRANSACTIONS,
      // then OUT_OF_ORDER_SEQUENCE_NUMBER retries, logged as broker errors); with v1 none were
      // seen.
      List<String> args =
          new ArrayList<>(
              List.of(
                  "format",
                  "--config",
                  configFile.toString(),
                  "--cluster-id",
                  Uuid.randomUuid().toString(),
                  "--feature",
                  "transaction.version=1"));
      String saltedPassword = null;
      if (settings.sasl()) {
        ScramCredential credential = scramCredential(settings.scramUser().password());
        saltedPassword = credential.saltedPassword();
        args.add("--add-scram");
        args.add(credential.argument(settings.scramUser().name()));
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int status;
      try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        // execute, not main: main calls System.exit.
        status = StorageTool.execute(args.toArray(String[]::new), out);
      }
      if (status != 0) {
        String report = output.toString(StandardCharsets.UTF_8).strip();
        throw new LocalKafkaException(
            "Formatting Kafka data dir "
                + dataDir
                + " failed: "
                + (saltedPassword == null ? report : report.replace(saltedPassword, MASK)));
      }
    } catch (IOException e) {
      throw new LocalKafkaException("Cannot prepare Kafka data dir " + dataDir + ": " + e, e);
    } finally {
      if (configFile != null) {
        configFile.toFile().delete();
      }
    }
  }

  /**
   * The SCRAM credential as {@code kafka-storage format --add-scram} takes it, salted here: the
   * password itself never reaches the tool's arguments, and may hold the commas and quotes that its
   * {@code password=} syntax cannot.
   */
  private static ScramCredential scramCredential(String password) {
    try {
      ScramFormatter formatter =
          new ScramFormatter(ScramMechanism.forMechanismName(SCRAM_MECHANISM));
      byte[] salt = formatter.secureRandomBytes();
      byte[] salted = formatter.saltedPassword(password, salt, SCRAM_ITERATIONS);
      Base64.Encoder base64 = Base64.getEncoder();
      return new ScramCredential(base64.encodeToString(salt), base64.encodeToString(salted));
    } catch (GeneralSecurityException e) {
      throw new LocalKafkaException("Cannot compute the SCRAM credential: " + e.getMessage(), e);
    }
  }

  private record ScramCredential(String salt, String saltedPassword) {
    String argument(String user) {
      return SCRAM_MECHANISM
          + "=[name="
          + user
          + ",iterations="
          + SCRAM_ITERATIONS
          + ",salt=\""
          + salt
          + "\",saltedpassword=\""
          + saltedPassword
          + "\"]";
    }

    @Override
    public String toString() {
      return "ScramCredential[" + MASK + "]";
    }
  }

  private static void awaitReady(Settings settings, long deadlineNanos, int faultsBefore) {
    String bootstrapServers = bootstrapServers(settings);
    Map<String, Object> adminProps = new HashMap<>();
    clientProperties(settings).forEach((key, value) -> adminProps.put((String) key, value));
    adminProps.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, READY_POLL_MILLIS);
    adminProps.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, READY_POLL_MILLIS);
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
        } catch (ExecutionException e) {
          if (e.getCause() instanceof SaslAuthenticationException refused) {
            throw refusedLogin(settings, refused);
          }
          last = e;
        } catch (TimeoutException e) {
          last = e;
        }
        Thread.sleep(READY_POLL_MILLIS);
      }
      throw new LocalKafkaException(
          "Kafka broker at "
              + bootstrapServers
              + " not ready within "
              + STARTUP_TIMEOUT.toSeconds()
              + " s"
              + (last == null ? "" : ": " + last.getMessage()),
          last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalKafkaException("Interrupted while waiting for the Kafka broker", e);
    }
  }

  /**
   * The broker serves clients only once it has loaded its metadata, the SCRAM credentials with it:
   * a refusal then is final, most likely a data dir kept from a start with another password.
   */
  private static LocalKafkaException refusedLogin(
      Settings settings, SaslAuthenticationException refused) {
    return new LocalKafkaException(
        "Kafka broker at "
            + bootstrapServers(settings)
            + " refused the login of "
            + settings.scramUser().name()
            + " ("
            + refused.getMessage()
            + "). SCRAM users are written when the data dir is formatted: "
            + settings.dataDir()
            + " was formatted with other credentials or without SASL;"
            + " give the password it was formatted with, or delete it to start afresh",
        refused);
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
   * Where and how the broker runs. {@code overrides} are broker properties applied last, so they
   * win over every default; leave log.dirs and the listeners to the other fields. With a {@code
   * scramUser} (null: none) the client listener is SASL_PLAINTEXT and asks for SCRAM-SHA-512.
   */
  public record Settings(
      Path dataDir,
      int brokerPort,
      int controllerPort,
      boolean deleteOnClose,
      Map<String, String> overrides,
      ScramUser scramUser) {

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

    /** Without authentication. */
    public Settings(
        Path dataDir,
        int brokerPort,
        int controllerPort,
        boolean deleteOnClose,
        Map<String, String> overrides) {
      this(dataDir, brokerPort, controllerPort, deleteOnClose, overrides, null);
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
      return new Settings(dataDir, brokerPort, controllerPort, deleteOnClose, merged, scramUser);
    }

    /**
     * Clients must log in as this user (SASL_PLAINTEXT, SCRAM-SHA-512); the broker logs in as it
     * too, on its own listener. Its credential is written when the data dir is formatted: a data
     * dir kept from an earlier start keeps the user and password it was formatted with.
     */
    public Settings withScramUser(ScramUser user) {
      return new Settings(
          dataDir,
          brokerPort,
          controllerPort,
          deleteOnClose,
          overrides,
          Objects.requireNonNull(user, "user"));
    }

    public boolean sasl() {
      return scramUser != null;
    }

    private static void checkPort(String name, int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(name + " must be within 1..65535, was " + port);
      }
    }
  }

  /**
   * A SCRAM-SHA-512 user of the broker. The name is letters, digits, {@code .}, {@code _} and
   * {@code -}; the password is one line without control characters. {@link #toString()} hides the
   * password.
   */
  public record ScramUser(String name, String password) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public ScramUser {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(password, "password");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "SASL user name must be letters, digits, '.', '_' or '-', was '" + name + "'");
      }
      if (password.isEmpty()) {
        throw new IllegalArgumentException("SASL password of " + name + " is empty");
      }
      if (password.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "SASL password of " + name + " contains a control character (a line break?)");
      }
    }

    /** The client's login: the JAAS line of {@code sasl.jaas.config}. */
    String jaasConfig() {
      return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
          + name
          + "\" password=\""
          + password.replace("\\", "\\\\").replace("\"", "\\\"")
          + "\";";
    }

    @Override
    public String toString() {
      return "ScramUser[name=" + name + ", password=" + MASK + "]";
    }
  }
}
