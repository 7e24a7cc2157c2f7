package io.ecostream.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecostream.cli.EcostreamCli;
import io.ecostream.cli.compose.ComposeStack.Listener;
import io.ecostream.cli.compose.ComposeStack.Mount;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * docker-compose.yml and its SASL override, checked where no Docker engine runs: the service graph,
 * the image, volumes, restarts, healthchecks, and every command line parsed by the real ecostream
 * CLI, so that an option renamed in the code fails here rather than in a container.
 */
class ComposeFilesTest {

  private static final Path ROOT = repositoryRoot();
  private static final ComposeStack PLAIN = ComposeStack.load(ROOT, "docker-compose.yml");
  private static final ComposeStack SECURED =
      ComposeStack.load(ROOT, "docker-compose.yml", "docker-compose.sasl.yml");

  /** What the header of docker-compose.yml passes to the tail service. */
  private static final List<String> TAIL_EXAMPLE = List.of("air.city-daily", "--from-beginning");

  /** Shell syntax that bash has and the POSIX sh of an image (dash, busybox ash) has not. */
  private static final List<String> BASH_ONLY =
      List.of("/dev/tcp/", "/dev/udp/", "[[", "<(", ">(", "&>", "<<<", "$'", "function ");

  private static final Set<String> CONDITIONS =
      Set.of("service_started", "service_healthy", "service_completed_successfully");

  private static final Pattern JAAS_USER =
      Pattern.compile("username=\"([^\"]*)\"\\s+password=\"([^\"]*)\"");

  static Stream<ComposeStack> stacks() {
    return Stream.of(PLAIN, SECURED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldStartEveryDependencyOnAConditionItsTargetCanMeet(ComposeStack stack) {
    for (String service : stack.services()) {
      JsonNode dependsOn = stack.service(service).path("depends_on");
      assertThat(dependsOn.isMissingNode() || dependsOn.isObject())
          .as("depends_on of %s: a condition for each service, not a bare list", service)
          .isTrue();
      for (Map.Entry<String, JsonNode> dependency : dependsOn.properties()) {
        String target = dependency.getKey();
        String condition = dependency.getValue().path("condition").asText();
        assertThat(stack.defines(target))
            .as("%s depends on %s, a defined service", service, target)
            .isTrue();
        assertThat(condition).as("condition of %s on %s", service, target).isIn(CONDITIONS);
        if (condition.equals("service_healthy")) {
          assertThat(healthcheck(stack, target))
              .as("healthcheck of %s, which %s waits for", target, service)
              .isNotEmpty()
              .doesNotContain("NONE");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldRunEveryEcostreamServiceOnTheOneImageBuiltHere(ComposeStack stack) {
    assertThat(stack.built()).as("services with a build section").hasSize(1);
    String builder = stack.built().get(0);
    JsonNode build = stack.service(builder).path("build");
    assertThat(build.isTextual() ? build.asText() : build.path("context").asText()).isEqualTo(".");
    String image = stack.service(builder).path("image").asText();
    assertThat(image).isNotEmpty();

    for (String service : stack.ecostreamServices()) {
      assertThat(stack.service(service).path("image").asText())
          .as("image of %s", service)
          .isEqualTo(image);
      if (!service.equals(builder)) {
        assertThat(stack.service(service).path("pull_policy").asText())
            .as("pull_policy of %s: the image is local, never on a registry", service)
            .isEqualTo("never");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldCheckHealthWithWhatTheImagesHave(ComposeStack stack) {
    for (String service : stack.services()) {
      List<String> test = healthcheck(stack, service);
      if (test.isEmpty()) {
        continue;
      }
      assertThat(test.get(0)).as("healthcheck form of %s", service).isIn("CMD", "CMD-SHELL");
      if (test.get(0).equals("CMD-SHELL")) {
        assertThat(test).as("healthcheck of %s: one shell command", service).hasSize(2);
        for (String bashism : BASH_ONLY) {
          assertThat(test.get(1))
              .as("healthcheck of %s runs in /bin/sh, which is not bash", service)
              .doesNotContain(bashism);
        }
      } else if (stack.ecostreamServices().contains(service)) {
        assertThat(test.get(1)).as("healthcheck program of %s", service).isEqualTo("curl");
        assertThat(runtimeBaseImage())
            .as(
                "the image's base must have curl: Temurin's Ubuntu images have it, the Alpine ones not")
            .matches("eclipse-temurin:\\d+-jre-(jammy|noble)");
        int metricsPort =
            parse(stack, service).subcommand().matchedOptionValue("--metrics-port", 0);
        assertThat(test.get(test.size() - 1))
            .as("healthcheck of %s, on its --metrics-port", service)
            .isEqualTo("http://localhost:" + metricsPort + "/health");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldDeclareEveryNamedVolume(ComposeStack stack) {
    for (String service : stack.services()) {
      for (Mount mount : stack.mounts(service)) {
        if (mount.named()) {
          assertThat(stack.declaredVolumes())
              .as("volumes, used by %s", service)
              .contains(mount.source());
        } else {
          assertThat(ROOT.resolve(mount.source()))
              .as("file of the repository mounted in %s", service)
              .exists();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldKeepTheBrokersDataInANamedVolume(ComposeStack stack) {
    Map<String, String> environment = stack.environment(stack.broker());
    String logDirs = environment.get("KAFKA_LOG_DIRS");

    assertThat(logDirs).as("KAFKA_LOG_DIRS (the image's default is under /tmp)").isNotBlank();
    assertThat(environment.get("CLUSTER_ID"))
        .as("CLUSTER_ID the volume is formatted for")
        .isNotBlank();
    assertThat(stack.mounts(stack.broker()))
        .as("mounts of the broker")
        .anySatisfy(
            mount -> {
              assertThat(mount.named()).isTrue();
              assertThat(mount.target()).isEqualTo(logDirs);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldRestartTheServicesThatUpStarts(ComposeStack stack) {
    assertThat(stack.service(stack.broker()).path("restart").asText()).isEqualTo("unless-stopped");
    for (String service : stack.ecostreamServices()) {
      if (stack.service(service).has("profiles")) {
        continue;
      }
      String restart = stack.service(service).path("restart").asText();
      if (parse(stack, service).subcommand().commandSpec().name().equals("run")) {
        assertThat(restart)
            .as("restart of %s, the streams app", service)
            .isEqualTo("unless-stopped");
      } else {
        assertThat(restart)
            .as("restart of %s", service)
            .isIn("unless-stopped", "always", "on-failure");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldGiveEveryEcostreamServiceACommandLineThatEcostreamParses(ComposeStack stack) {
    for (String service : stack.ecostreamServices()) {
      ParseResult parsed = parse(stack, service);

      assertThat(parsed.subcommand()).as("command of %s", service).isNotNull();
      assertThat(parsed.subcommand().isUsageHelpRequested()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldPublishWhatTheBrokerAdvertises(ComposeStack stack) {
    String broker = stack.broker();
    Map<String, Listener> listeners = stack.listeners("KAFKA_LISTENERS");
    Map<String, Listener> advertised = stack.listeners("KAFKA_ADVERTISED_LISTENERS");
    String controller = stack.environment(broker).get("KAFKA_CONTROLLER_LISTENER_NAMES");
    String interBroker = stack.environment(broker).get("KAFKA_INTER_BROKER_LISTENER_NAME");
    assertThat(listeners).containsKeys(interBroker, controller);
    assertThat(advertised).doesNotContainKey(controller);
    assertThat(listeners.values())
        .allSatisfy(listener -> assertThat(listener.protocol()).isNotNull());

    Map<Integer, Integer> published = published(stack, broker);
    for (Map.Entry<Integer, Integer> port : published.entrySet()) {
      Listener listener =
          listeners.values().stream()
              .filter(l -> l.port() == port.getValue())
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no listener on the published port " + port.getValue()));
      assertThat(listener.name()).as("published listener").isNotEqualTo(controller);
      assertThat(advertised.get(listener.name()).address())
          .as(
              "address advertised for %s, published on the host's port %d",
              listener.name(), port.getKey())
          .isEqualTo("localhost:" + port.getKey());
    }
    for (Listener listener : advertised.values()) {
      if (listener.host().equals("localhost")) {
        assertThat(published)
            .as("ports published for %s", listener.address())
            .containsKey(listener.port());
      } else {
        assertThat(listener.host()).as("host of %s", listener.name()).isEqualTo(broker);
      }
    }

    for (String service : stack.ecostreamServices()) {
      ParseResult command = parse(stack, service).subcommand();
      assertThat(advertised.values().stream().map(Listener::address))
          .as("advertised listeners, which --bootstrap-servers of %s names", service)
          .contains(command.<String>matchedOptionValue("--bootstrap-servers", null));
      if (command.commandSpec().name().equals("run")) {
        int metricsPort = command.matchedOptionValue("--metrics-port", 0);
        assertThat(published(stack, service))
            .as("ports of %s, which serves on --metrics-port", service)
            .containsEntry(metricsPort, metricsPort);
        assertThat(command.<String>matchedOptionValue("--http-host", "127.0.0.1"))
            .as(
                "--http-host of %s: on loopback, the default, its published port would reach nothing",
                service)
            .isEqualTo("0.0.0.0");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void shouldSimulateOnlyDaysBeforeNowWhichTheBrokerAccepts(ComposeStack stack) {
    for (String service : stack.ecostreamServices()) {
      ParseResult command = parse(stack, service).subcommand();
      if (command.commandSpec().name().equals("simulate")) {
        LocalDate to = command.matchedOptionValue("--to", null);
        assertThat(to)
            .as("--to of %s: without an end it runs into the future", service)
            .isNotNull();
        assertThat(to).isBeforeOrEqualTo(LocalDate.now());
      }
    }
  }

  @Test
  void shouldRunTheSameCommandsWithTheClientConfigInTheSecuredStack() {
    for (String service : PLAIN.ecostreamServices()) {
      List<String> plain = cliArguments(PLAIN, service);
      List<String> secured = cliArguments(SECURED, service);

      assertThat(secured)
          .as("arguments of %s in %s", service, SECURED)
          .startsWith(plain.toArray(String[]::new));
      assertThat(secured.subList(plain.size(), secured.size()))
          .as("arguments added to %s in %s", service, SECURED)
          .containsExactly("--command-config", clientConfigPath(service));
    }
  }

  @Test
  void shouldAuthenticateEveryEcostreamServiceWithAUserTheBrokerKnows() {
    Map<String, Listener> advertised = SECURED.listeners("KAFKA_ADVERTISED_LISTENERS");
    List<String> mechanisms = brokerMechanisms();

    for (String service : SECURED.ecostreamServices()) {
      ParseResult command = parse(SECURED, service).subcommand();
      String bootstrap = command.matchedOptionValue("--bootstrap-servers", null);
      Listener listener =
          advertised.values().stream()
              .filter(l -> l.address().equals(bootstrap))
              .findFirst()
              .orElseThrow();
      Path config = command.matchedOptionValue("--command-config", null);
      Properties client = clientProperties(SECURED, service, config);

      assertThat(listener.protocol()).as("protocol of %s", listener.name()).startsWith("SASL_");
      assertThat(client.getProperty("security.protocol"))
          .as("security.protocol of %s", service)
          .isEqualTo(listener.protocol());
      assertThat(mechanisms)
          .as("mechanisms of the broker")
          .contains(client.getProperty("sasl.mechanism"));
      assertThat(scramUsers())
          .as("SCRAM users of the broker")
          .containsEntry(
              jaasUser(client.getProperty("sasl.jaas.config")).getKey(),
              jaasUser(client.getProperty("sasl.jaas.config")).getValue());
    }
  }

  @Test
  void shouldGiveTheSecuredBrokerTheCredentialsItLogsInWith() {
    String broker = SECURED.broker();
    Map<String, String> environment = SECURED.environment(broker);
    Map<String, Listener> listeners = SECURED.listeners("KAFKA_LISTENERS");
    String interBroker = environment.get("KAFKA_INTER_BROKER_LISTENER_NAME");
    String mechanism = environment.get("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL");

    assertThat(listeners.get(interBroker).protocol()).startsWith("SASL_");
    assertThat(brokerMechanisms()).contains(mechanism);
    for (Listener listener : listeners.values()) {
      if (listener.protocol().startsWith("SASL_")) {
        assertThat(environment)
            .as("JAAS configuration of the listener %s", listener.name())
            .containsKey(jaasVariable(listener.name(), mechanism));
      }
    }
    Map.Entry<String, String> brokerUser =
        jaasUser(environment.get(jaasVariable(interBroker, mechanism)));
    assertThat(scramUsers()).containsEntry(brokerUser.getKey(), brokerUser.getValue());

    List<String> start = SECURED.strings(broker, "command");
    assertThat(start).hasSize(2);
    assertThat(SECURED.mountedFile(broker, start.get(1)))
        .as("script %s", start.get(1))
        .hasValueSatisfying(script -> assertThat(script).exists());

    String healthcheck = healthcheck(SECURED, broker).get(1);
    Matcher config = Pattern.compile("--command-config (\\S+)").matcher(healthcheck);
    assertThat(config.find()).as("healthcheck of the broker logs in: %s", healthcheck).isTrue();
    Properties admin = clientProperties(SECURED, broker, Path.of(config.group(1)));
    assertThat(admin.getProperty("security.protocol"))
        .isEqualTo(listeners.get(interBroker).protocol());
    Map.Entry<String, String> healthcheckUser = jaasUser(admin.getProperty("sasl.jaas.config"));
    assertThat(scramUsers()).containsEntry(healthcheckUser.getKey(), healthcheckUser.getValue());
  }

  @Test
  void shouldScrapeTheStreamsAppWithPinnedMonitoringImagesAndTheirMountedConfiguration()
      throws IOException {
    assertThat(PLAIN.monitoringServices()).containsExactlyInAnyOrder("prometheus", "grafana");
    for (String service : PLAIN.monitoringServices()) {
      assertThat(PLAIN.service(service).path("image").asText())
          .as("image of %s, pinned to a release", service)
          .matches(".+:v?\\d+\\.\\d+\\.\\d+");
    }
    String streamsApp =
        PLAIN.ecostreamServices().stream()
            .filter(
                service -> parse(PLAIN, service).subcommand().commandSpec().name().equals("run"))
            .findFirst()
            .orElseThrow();
    int metricsPort = parse(PLAIN, streamsApp).subcommand().matchedOptionValue("--metrics-port", 0);

    Path config =
        PLAIN
            .mountedFile("prometheus", "/etc/prometheus/prometheus.yml")
            .orElseThrow(() -> new AssertionError("prometheus.yml not mounted"));
    JsonNode prometheus = new YAMLMapper().readTree(config.toFile());
    assertThat(prometheus.at("/scrape_configs/0/static_configs/0/targets/0").asText())
        .as("scrape target: the streams app on its --metrics-port")
        .isEqualTo(streamsApp + ":" + metricsPort);
    for (JsonNode rules : prometheus.path("rule_files")) {
      assertThat(PLAIN.mountedFile("prometheus", rules.asText()))
          .as("rule file %s, mounted from the repository", rules.asText())
          .hasValueSatisfying(file -> assertThat(file).exists());
    }
  }

  @Test
  void shouldKeepTheSecuredStacksDataApartFromThePlainOnes() {
    List<String> plainVolumes = namedVolumesInUse(PLAIN);
    List<String> securedVolumes = namedVolumesInUse(SECURED);

    assertThat(plainVolumes).isNotEmpty();
    assertThat(securedVolumes)
        .as("named volumes used in %s", SECURED)
        .isNotEmpty()
        .doesNotContainAnyElementsOf(plainVolumes);
  }

  private static List<String> namedVolumesInUse(ComposeStack stack) {
    return stack.services().stream()
        .flatMap(service -> stack.mounts(service).stream())
        .filter(Mount::named)
        .map(Mount::source)
        .toList();
  }

  /**
   * The arguments of ecostream in a service: the entrypoint after the image's own, then the
   * command.
   */
  private static List<String> cliArguments(ComposeStack stack, String service) {
    List<String> arguments = new ArrayList<>();
    List<String> entrypoint = stack.strings(service, "entrypoint");
    if (!entrypoint.isEmpty()) {
      List<String> image = imageEntrypoint();
      assertThat(entrypoint)
          .as("entrypoint of %s: the image's, then arguments", service)
          .startsWith(image.toArray(String[]::new));
      arguments.addAll(entrypoint.subList(image.size(), entrypoint.size()));
    }
    arguments.addAll(stack.strings(service, "command"));
    return arguments;
  }

  private static ParseResult parse(ComposeStack stack, String service) {
    List<String> arguments = new ArrayList<>(cliArguments(stack, service));
    if (!stack.service(service).has("command")) {
      arguments.addAll(TAIL_EXAMPLE);
    }
    try {
      return EcostreamCli.commandLine().parseArgs(arguments.toArray(String[]::new));
    } catch (ParameterException e) {
      return fail(
          "%s in %s: ecostream %s: %s",
          service, stack, String.join(" ", arguments), e.getMessage());
    }
  }

  private static List<String> healthcheck(ComposeStack stack, String service) {
    List<String> test = new ArrayList<>();
    JsonNode node = stack.service(service).path("healthcheck").path("test");
    if (node.isTextual()) {
      test.add("CMD-SHELL");
      test.add(node.asText());
    } else {
      node.forEach(element -> test.add(element.asText()));
    }
    return test;
  }

  /** Container port by host port. */
  private static Map<Integer, Integer> published(ComposeStack stack, String service) {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    for (String port : stack.strings(service, "ports")) {
      String[] parts = port.split(":");
      ports.put(
          Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
    }
    return ports;
  }

  private static String clientConfigPath(String service) {
    Path config = parse(SECURED, service).subcommand().matchedOptionValue("--command-config", null);
    assertThat(config).as("--command-config of %s in %s", service, SECURED).isNotNull();
    return config.toString();
  }

  private static Properties clientProperties(ComposeStack stack, String service, Path inContainer) {
    assertThat(inContainer).as("--command-config of %s", service).isNotNull();
    Path file =
        stack
            .mountedFile(service, inContainer.toString())
            .orElseThrow(() -> new AssertionError(inContainer + " is not mounted in " + service));
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(ComposeStack.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /** The users that the broker's storage is formatted with, and their passwords. */
  private static Map<String, String> scramUsers() {
    Map<String, String> users = new LinkedHashMap<>();
    for (String user :
        SECURED.environment(SECURED.broker()).get("SCRAM_USERS").trim().split("\\s+")) {
      String[] pair = user.split("=", 2);
      users.put(pair[0], pair[1]);
    }
    return users;
  }

  private static List<String> brokerMechanisms() {
    String mechanisms = SECURED.environment(SECURED.broker()).get("KAFKA_SASL_ENABLED_MECHANISMS");
    return Arrays.asList(mechanisms.split(","));
  }

  /** listener.name.NAME.MECHANISM.sasl.jaas.config as the image names it in the environment. */
  private static String jaasVariable(String listener, String mechanism) {
    return "KAFKA_LISTENER_NAME_"
        + listener.toUpperCase()
        + "_"
        + mechanism.replace("-", "___")
        + "_SASL_JAAS_CONFIG";
  }

  private static Map.Entry<String, String> jaasUser(String jaasConfig) {
    Matcher user = JAAS_USER.matcher(jaasConfig == null ? "" : jaasConfig);
    assertThat(user.find()).as("username and password in %s", jaasConfig).isTrue();
    return Map.entry(user.group(1), user.group(2));
  }

  private static List<String> imageEntrypoint() {
    String line = lastDockerfileLine("ENTRYPOINT ");
    try {
      String[] entrypoint =
          new ObjectMapper().readValue(line.substring("ENTRYPOINT ".length()), String[].class);
      return Arrays.asList(entrypoint);
    } catch (JsonProcessingException e) {
      throw new AssertionError("ENTRYPOINT of the Dockerfile is not in exec form: " + line, e);
    }
  }

  private static String runtimeBaseImage() {
    return lastDockerfileLine("FROM ").split("\\s+")[1];
  }

  private static String lastDockerfileLine(String instruction) {
    return ComposeStack.readString(ROOT.resolve("Dockerfile"))
        .lines()
        .map(String::strip)
        .filter(line -> line.startsWith(instruction))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no " + instruction + "in the Dockerfile"));
  }

  private static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("docker-compose.yml"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      throw new IllegalStateException("no docker-compose.yml in the working directory or above it");
    }
    return directory;
  }
}
