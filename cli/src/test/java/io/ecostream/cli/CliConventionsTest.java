package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.options.EcostreamDefaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What every command's options and help share, and where option values come from. */
class CliConventionsTest {

  /**
   * A placeholder in capitals (PORT, HOST:PORT[,...], TOPIC[,TOPIC...], FROM..TO), the literal
   * values an option takes (avro|json), or a placeholder with one literal (N|max, DURATION|off).
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "[A-Z][A-Z_]*(:[A-Z]+)?(\\[,[A-Z.]+\\])?|FROM\\.\\.TO|[A-Z]+\\|[a-z]+|[a-z0-9_]+(\\|[a-z0-9_]+)+");

  static Stream<String> commands() {
    return EcostreamCli.commandLine().getSubcommands().keySet().stream();
  }

  private static CommandSpec spec(String command) {
    return EcostreamCli.commandLine().getSubcommands().get(command).getCommandSpec();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void shouldNameEveryOptionsValueInOneStyle(String command) {
    assertThat(spec(command).options())
        .filteredOn(option -> option.arity().max() > 0 && !option.typeInfo().isBoolean())
        .allSatisfy(
            option ->
                assertThat(option.paramLabel()).as(option.longestName()).matches(PLACEHOLDER));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void shouldListTheExitCodesInEveryHelp(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.out())
        .contains("Exit codes:")
        .containsPattern("(?m)^  0   ")
        .containsPattern("(?m)^  1   ")
        .contains("  2   wrong arguments");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void shouldSumUpEveryCommandInOneWholeSentence(String command) {
    String summary = spec(command).usageMessage().description()[0];

    assertThat(summary).endsWith(".").hasSizeLessThan(2 * EcostreamCli.USAGE_WIDTH);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void shouldKeepEveryHelpLineWithinTheUsageWidth(String command) {
    assertThat(CliRun.of(command, "--help").out().lines())
        .allMatch(line -> line.length() <= EcostreamCli.USAGE_WIDTH);
    assertThat(CliRun.of("--help").out().lines())
        .allMatch(line -> line.length() <= EcostreamCli.USAGE_WIDTH);
  }

  @Test
  void shouldTakeTheCommandLineOverTheEnvironmentOverTheFileOverTheDefault() {
    Properties file = properties("metrics-port=9600");
    Map<String, String> environment = Map.of("ECOSTREAM_METRICS_PORT", "9500");

    assertThat(value(Map.of(), new Properties(), "run", "--metrics-port")).isEqualTo(9464);
    assertThat(value(Map.of(), file, "run", "--metrics-port")).isEqualTo(9600);
    assertThat(value(environment, file, "run", "--metrics-port")).isEqualTo(9500);
    assertThat(value(environment, file, "run", "--metrics-port", "--metrics-port=9700"))
        .isEqualTo(9700);
  }

  @Test
  void shouldKeepAFileSettingOfOneCommandToThatCommand() {
    Properties file = properties("run.metrics-port=9601", "kafka-timeout=40s");

    assertThat(value(Map.of(), file, "run", "--metrics-port")).isEqualTo(9601);
    assertThat(value(Map.of(), file, "demo", "--metrics-port")).isEqualTo(9464);
    assertThat(value(Map.of(), file, "tail", "--kafka-timeout", "air.city-daily").toString())
        .isEqualTo("PT40S");
    assertThat(value(Map.of(), file, "simulate", "--kafka-timeout").toString()).isEqualTo("PT40S");
  }

  @Test
  void shouldReportABadValueFromTheEnvironmentAsAUsageError() {
    CommandLine cli =
        EcostreamCli.commandLine(
            new EcostreamDefaults(Map.of("ECOSTREAM_KAFKA_TIMEOUT", "500ms"), new Properties()));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("tail", "air.city-daily")).isEqualTo(EcostreamCli.USAGE_ERROR);
    assertThat(err.toString())
        .startsWith("ecostream tail: --kafka-timeout must be at least 1s, got 500ms");
  }

  @Test
  void shouldTurnDebugOnFromTheEnvironment() {
    CommandLine on =
        EcostreamCli.commandLine(
            new EcostreamDefaults(Map.of("ECOSTREAM_DEBUG", "1"), new Properties()));
    CommandLine off = EcostreamCli.commandLine(new EcostreamDefaults(Map.of(), new Properties()));

    assertThat(EcostreamCli.debugAsked(on.parseArgs("schemas"))).isTrue();
    assertThat(EcostreamCli.debugAsked(off.parseArgs("schemas"))).isFalse();
    assertThat(EcostreamCli.debugAsked(off.parseArgs("schemas", "--debug"))).isTrue();
  }

  /**
   * The value of {@code option} of {@code command} after parsing {@code args} (the command's
   * arguments).
   */
  private static Object value(
      Map<String, String> environment,
      Properties file,
      String command,
      String option,
      String... args) {
    CommandLine cli = EcostreamCli.commandLine(new EcostreamDefaults(environment, file));
    String[] all = Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new);
    CommandLine.ParseResult parsed = cli.parseArgs(all);
    OptionSpec spec = parsed.subcommand().commandSpec().findOption(option);
    return spec.getValue();
  }

  private static Properties properties(String... lines) {
    Properties properties = new Properties();
    for (String line : List.of(lines)) {
      String[] keyValue = line.split("=", 2);
      properties.setProperty(keyValue[0], keyValue[1]);
    }
    return properties;
  }
}
