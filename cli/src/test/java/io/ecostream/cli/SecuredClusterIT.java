package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.localkafka.LocalKafkaBroker.ScramUser;
import io.ecostream.options.EcostreamDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a broker whose client listener asks for SASL/SCRAM-SHA-512: {@code run}, {@code
 * replay --report}, {@code tail}, {@code record} and {@code run --reset} as separate JVMs with
 * {@code --command-config}, real Shandong readings in, figures out; clients without the password
 * are refused; and no password in anything the commands or the broker printed, Kafka's INFO logs
 * included (where Kafka's clients dump their settings, {@code sasl.jaas.config} among them).
 */
class SecuredClusterIT {

  private static final String USER = "ecostream";

  /** Unique, so that finding it in an output can only mean a leak. */
  private static final String PASSWORD = "scram-" + UUID.randomUUID();

  private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();

  /** Two days of the 16 Shandong cities' hourly figures (see its README). */
  private static final String INPUT_RESOURCE = "shandong_cities_2022-01-02_hourly.csv.gz";

  private static final int CITIES = 16;

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

  /**
   * How long a refused client is given; a broker that served it would answer within milliseconds.
   */
  private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(5);

  private static Path dir;
  private static LogCapture brokerLog;
  private static LocalKafkaBroker kafka;
  private static Path clientConfig;

  /** The commands of the running test, stopped after it whatever happened. */
  private final List<Command> commands = new ArrayList<>();

  @BeforeAll
  static void startSecuredBroker() throws IOException {
    dir = Files.createTempDirectory("ecostream-secured-");
    brokerLog = LogCapture.start(dir.resolve("broker.log"));
    kafka =
        LocalKafkaBroker.start(
            LocalKafkaBroker.Settings.persistent(
                    dir.resolve("kafka"), LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort())
                .withScramUser(new ScramUser(USER, PASSWORD)));
    clientConfig = kafka.clientConfigFile().orElseThrow();
  }

  @AfterAll
  static void stopBroker() throws IOException {
    try {
      if (kafka != null) {
        kafka.close();
      }
    } finally {
      if (brokerLog != null) {
        brokerLog.close();
      }
      EmbeddedBroker.deleteRecursively(dir);
    }
  }

  @AfterEach
  void stopCommands() {
    commands.forEach(Command::kill);
  }

  @Test
  void shouldRunThePipelineWithTheClientSettingsFileAndPrintThePasswordNowhere() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(clientConfig)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(clientConfig))
        .as("the file the commands are given")
        .contains(PASSWORD);
    String prefix = KafkaBrokerFixture.uniqueName("secured");
    String applicationId = KafkaBrokerFixture.uniqueName("secured-app");
    Path input = dir.resolve(INPUT_RESOURCE);
    try (InputStream in = SecuredClusterIT.class.getResourceAsStream(INPUT_RESOURCE)) {
      assertThat(in).as("test resource " + INPUT_RESOURCE).isNotNull();
      Files.copy(in, input);
    }

    // Only the client settings file knows the cluster: no --bootstrap-servers anywhere.
    List<String> runArguments =
        List.of(
            "run",
            "--command-config",
            clientConfig.toString(),
            "--topic-prefix",
            prefix,
            "--application-id",
            applicationId,
            "--state-dir",
            dir.resolve("state").toString(),
            "--metrics-port",
            "-1");
    Command run = start("run", runArguments.toArray(String[]::new));
    await("run RUNNING", STARTUP_TIMEOUT, run, () -> run.output().contains("-> RUNNING"));

    Command replay =
        start(
            "replay",
            "replay",
            "--command-config",
            clientConfig.toString(),
            "--topic-prefix",
            prefix,
            "--format",
            "cnemc-city",
            "--from",
            "2022-01-01",
            "--to",
            "2022-01-03",
            "--report",
            "json",
            "--period",
            "2022-01-01..2022-01-02",
            "--application-id",
            applicationId,
            input.toString());
    assertThat(replay.awaitExit(COMMAND_TIMEOUT))
        .as("exit code of replay%s", replay.tail())
        .isZero();
    assertThat(replay.stdout().lines())
        .as("report: each replayed city's two days, then the province's mean%s", replay.tail())
        .hasSize(CITIES + 1)
        .allMatch(
            line ->
                line.contains("\"period\":\"2022-01-01..2022-01-02\"")
                    && line.contains("\"validDays\":2"));

    Command tail =
        start(
            "tail",
            "tail",
            "air.city-daily",
            "--command-config",
            clientConfig.toString(),
            "--topic-prefix",
            prefix,
            "--from-beginning",
            "--max",
            "5");
    assertThat(tail.awaitExit(COMMAND_TIMEOUT)).as("exit code of tail%s", tail.tail()).isZero();
    assertThat(tail.stdout().lines())
        .as("city-daily figures")
        .hasSize(5)
        .allMatch(line -> line.contains("\"cityId\""));

    Path recording = dir.resolve("city-daily.ndjson");
    Command record =
        start(
            "record",
            "record",
            "air.city-daily",
            "--command-config",
            clientConfig.toString(),
            "--topic-prefix",
            prefix,
            "--from-beginning",
            "--output",
            recording.toString());
    assertThat(record.awaitExit(COMMAND_TIMEOUT))
        .as("exit code of record%s", record.tail())
        .isZero();
    assertThat(Files.readAllLines(recording))
        .as("recorded city-daily figures")
        .hasSizeGreaterThanOrEqualTo(CITIES);

    run.stop();
    // 143 = 128 + SIGTERM: the JVM ends with the signal's code once the shutdown hook has closed
    // run.
    assertThat(run.awaitExit(COMMAND_TIMEOUT))
        .as("exit code of run after SIGTERM%s", run.tail())
        .isIn(0, 143);
    // Kafka's reset tool takes its client settings from a file of its own, which run writes.
    List<String> resetArguments = new ArrayList<>(runArguments);
    resetArguments.add("--reset");
    Command reset = start("run-reset", resetArguments.toArray(String[]::new));
    await(
        "run --reset RUNNING", STARTUP_TIMEOUT, reset, () -> reset.output().contains("-> RUNNING"));
    assertThat(reset.stderr())
        .contains("ecostream run: reset application " + applicationId + ": offsets of ");
    reset.stop();
    assertThat(reset.awaitExit(COMMAND_TIMEOUT))
        .as("exit code of run --reset after SIGTERM%s", reset.tail())
        .isIn(0, 143);

    assertThat(run.output())
        .as("Kafka's INFO dump of the streams settings, captured, with the login masked")
        .contains("sasl.jaas.config = [hidden]");
    assertThat(brokerLog.text())
        .as("the broker's INFO log, captured")
        .contains("Kafka Server started");
    for (Command command : commands) {
      assertThat(command.output()).as("what %s printed", command.name()).doesNotContain(PASSWORD);
    }
    assertThat(brokerLog.text()).as("the broker's log").doesNotContain(PASSWORD);
  }

  @Test
  void shouldRefuseAdminAndConsumerWithoutCredentials() {
    Properties plain = new Properties();
    plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    long started = System.nanoTime();

    assertThatThrownBy(() -> describeCluster(plain)).as("an Admin without SASL").isNotNull();
    plain.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL_TIMEOUT.toMillis());
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(plain, new StringDeserializer(), new StringDeserializer())) {
      assertThatThrownBy(() -> consumer.listTopics())
          .as("a consumer without SASL")
          .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(REFUSAL_TIMEOUT.multipliedBy(4));
  }

  @Test
  void shouldRefuseAWrongPasswordAndSayWhyWithoutPrintingIt() throws Exception {
    Properties wrong = new Properties();
    try (var reader = Files.newBufferedReader(clientConfig)) {
      wrong.load(reader);
    }
    wrong.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + USER
            + "\" password=\""
            + WRONG_PASSWORD
            + "\";");
    Path wrongConfig = dir.resolve("wrong.properties");
    try (var writer = Files.newBufferedWriter(wrongConfig)) {
      wrong.store(writer, null);
    }

    assertThatThrownBy(() -> describeCluster(wrong))
        .hasCauseInstanceOf(SaslAuthenticationException.class);

    Command tail =
        start(
            "tail-wrong-password",
            "tail",
            "air.city-daily",
            "--command-config",
            wrongConfig.toString(),
            "--from-beginning",
            "--max",
            "1");
    assertThat(tail.awaitExit(COMMAND_TIMEOUT))
        .as("exit code of tail%s", tail.tail())
        .isEqualTo(EcostreamCli.FAILURE);
    assertThat(tail.stderr().lines())
        .as("stderr of tail")
        .anyMatch(
            line -> line.startsWith("ecostream tail: ") && line.contains("invalid credentials"));
    assertThat(tail.output()).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
  }

  private static void describeCluster(Properties client) throws Exception {
    try (Admin admin = Admin.create(client)) {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) REFUSAL_TIMEOUT.toMillis()))
          .nodes()
          .get(REFUSAL_TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private Command start(String name, String... args) throws IOException {
    Command command = Command.start(name, dir, args);
    commands.add(command);
    return command;
  }

  private static void await(
      String what, Duration timeout, Command command, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (!command.process().isAlive()) {
        fail(
            "%s: %s exited with code %d%s",
            what, command.name(), command.process().exitValue(), command.tail());
      }
      if (System.nanoTime() > deadline) {
        fail("%s: not within %d s%s", what, timeout.toSeconds(), command.tail());
      }
      Thread.sleep(100);
    }
  }

  /**
   * {@code ecostream ARGS} in its own JVM, as a user runs it: the production log configuration with
   * Kafka's loggers at INFO ({@code ECOSTREAM_KAFKA_LOG_LEVEL}), stdout and stderr in files.
   */
  private record Command(String name, Process process, Path stdoutFile, Path stderrFile) {

    static Command start(String name, Path dir, String... args) throws IOException {
      Path logConfig = dir.resolve("log4j2.xml");
      if (!Files.exists(logConfig)) {
        try (InputStream in = EcostreamCli.class.getResourceAsStream("/log4j2.xml")) {
          Files.copy(in, logConfig);
        }
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.add("-Dlog4j2.configurationFile=" + logConfig);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(EcostreamCli.class.getName());
      command.addAll(List.of(args));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(dir.resolve(name + ".out").toFile())
              .redirectError(dir.resolve(name + ".err").toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE);
      Map<String, String> environment = builder.environment();
      environment.remove("ECOSTREAM_BOOTSTRAP_SERVERS");
      environment.put(EcostreamDefaults.CONFIG_ENV, "");
      environment.put("ECOSTREAM_KAFKA_LOG_LEVEL", "INFO");
      environment.put("ECOSTREAM_LOG_LEVEL", "INFO");
      return new Command(
          name, builder.start(), dir.resolve(name + ".out"), dir.resolve(name + ".err"));
    }

    int awaitExit(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        fail("%s still running after %d s%s", name, timeout.toSeconds(), tail());
      }
      return process.exitValue();
    }

    /** SIGTERM: the shutdown hook closes the clients. */
    void stop() {
      process.destroy();
    }

    void kill() {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }

    String stdout() {
      return read(stdoutFile);
    }

    String stderr() {
      return read(stderrFile);
    }

    /** Everything it printed, stdout then stderr (where its logs go). */
    String output() {
      return stdout() + stderr();
    }

    /** The last lines of stderr, for a failure message. */
    String tail() {
      List<String> lines = stderr().lines().toList();
      return "; last lines of its stderr:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String read(Path file) {
      try {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The Kafka and ecostream logs of this JVM (the broker's) at INFO into a file, the loggers as
   * they were put back on close: the test JVM runs other test classes after this one.
   */
  private static final class LogCapture implements AutoCloseable {

    private static final String[] LOGGERS = {
      "kafka", "org.apache.kafka", "state.change.logger", "io.ecostream"
    };
    private static final String APPENDER = "secured-cluster-it";

    private final LoggerContext context;
    private final Path file;
    private final FileAppender appender;
    private final Map<String, LoggerConfig> replaced;

    private LogCapture(
        LoggerContext context,
        Path file,
        FileAppender appender,
        Map<String, LoggerConfig> replaced) {
      this.context = context;
      this.file = file;
      this.appender = appender;
      this.replaced = replaced;
    }

    static LogCapture start(Path file) {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      Configuration config = context.getConfiguration();
      FileAppender appender =
          FileAppender.newBuilder()
              .setName(APPENDER)
              .withFileName(file.toString())
              .setLayout(
                  PatternLayout.newBuilder()
                      .withPattern("%d{HH:mm:ss.SSS} %-5level [%t] %c - %msg%n")
                      .withConfiguration(config)
                      .build())
              .setConfiguration(config)
              .build();
      appender.start();
      config.addAppender(appender);
      Map<String, LoggerConfig> replaced = new java.util.HashMap<>();
      for (String name : LOGGERS) {
        LoggerConfig existing = config.getLoggers().get(name);
        if (existing != null) {
          replaced.put(name, existing);
          config.removeLogger(name);
        }
        LoggerConfig capture = new LoggerConfig(name, Level.INFO, false);
        capture.addAppender(appender, null, null);
        config.addLogger(name, capture);
      }
      context.updateLoggers();
      return new LogCapture(context, file, appender, replaced);
    }

    String text() {
      return Command.read(file);
    }

    @Override
    public void close() {
      Configuration config = context.getConfiguration();
      for (String name : LOGGERS) {
        config.removeLogger(name);
        if (replaced.containsKey(name)) {
          config.addLogger(name, replaced.get(name));
        }
      }
      if (config instanceof AbstractConfiguration abstractConfig) {
        abstractConfig.removeAppender(APPENDER);
      }
      context.updateLoggers();
      appender.stop();
    }
  }
}
