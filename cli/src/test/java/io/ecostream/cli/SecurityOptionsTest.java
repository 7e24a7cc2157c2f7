package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The options with which the commands reach a secured cluster, checked before anything connects.
 */
class SecurityOptionsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "replay", "run", "tail", "record", "bench", "scenario"})
  void shouldTakeAClientPropertiesFileInEveryCommandThatReachesACluster(String command) {
    CommandLine subcommand = EcostreamCli.commandLine().getSubcommands().get(command);

    assertThat(subcommand.getCommandSpec().findOption("--command-config")).isNotNull();
    assertThat(subcommand.getCommandSpec().findOption("--bootstrap-servers")).isNotNull();
  }

  @Test
  void shouldRefuseAClientPropertiesFileForTheBenchsOwnBroker() {
    CliRun run = CliRun.of("bench", "--command-config", "client.properties");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream bench: --command-config goes with --bootstrap-servers (without it, the command starts"
                + " its own broker) (see 'ecostream bench --help')");
  }

  @Test
  void shouldRejectAMissingClientPropertiesFileOfAScenarioClusterInOneLine() {
    CliRun run =
        CliRun.of(
            "scenario", "weihai-2022-jan",
            "--bootstrap-servers", "localhost:1",
            "--command-config", "/nonexistent/client.properties");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream scenario: --command-config: cannot read client properties file"
                + " /nonexistent/client.properties (see 'ecostream scenario --help')");
  }

  @Test
  void shouldWantTheSaslUserAndItsPasswordFileTogether() {
    CliRun run =
        CliRun.of(
            "broker", "--sasl-user", "ecostream", "--data-dir", dir.resolve("kafka").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream broker: --sasl-user and --sasl-password-file go together (see 'ecostream broker --help')");
    assertThat(dir.resolve("kafka")).doesNotExist();
  }

  @Test
  void shouldRefuseAnEmptyPasswordFile() throws IOException {
    Path empty = passwordFile("\n", "rw-------");

    CliRun run =
        CliRun.of("broker", "--sasl-user", "ecostream", "--sasl-password-file", empty.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream broker: SASL password of ecostream is empty (see 'ecostream broker --help')");
  }

  @Test
  void shouldRefuseAPasswordFileOfTwoLinesWithoutShowingIt() throws IOException {
    Path twoLines = passwordFile("first-secret\nsecond-secret\n", "rw-------");

    CliRun run =
        CliRun.of(
            "broker", "--sasl-user", "ecostream", "--sasl-password-file", twoLines.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("control character").doesNotContain("secret");
  }

  @Test
  void shouldWarnOfAPasswordFileThatOthersCanRead() throws IOException {
    Path open = passwordFile("\n", "rw-r--r--");

    CliRun run =
        CliRun.of("broker", "--sasl-user", "ecostream", "--sasl-password-file", open.toString());

    assertThat(run.errLines())
        .startsWith(
            "ecostream broker: warning: " + open + " is readable by other users (chmod 600 it)");
  }

  @Test
  void shouldRefuseAnUnreadablePasswordFile() {
    CliRun run =
        CliRun.of(
            "broker", "--sasl-user", "ecostream", "--sasl-password-file", "/nonexistent/password");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream broker: --sasl-password-file: cannot read /nonexistent/password (see 'ecostream broker --help')");
  }

  private Path passwordFile(String content, String permissions) throws IOException {
    Path file = Files.writeString(dir.resolve("password"), content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }
}
