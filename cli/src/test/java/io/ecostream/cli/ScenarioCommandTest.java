package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scenario command without a broker: listing, argument errors and the offline fit. */
class ScenarioCommandTest {

  @Test
  void shouldListTheBundledScenarios() {
    CliRun run = CliRun.of("scenario", "--list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .anyMatch(line -> line.startsWith("binzhou-2025-q1-q3     2025-01-01..2025-09-30"))
        .anyMatch(line -> line.startsWith("shandong-2022          2022-01-01..2022-12-31"));
  }

  @Test
  void shouldRejectAnUnknownScenarioInOneLine() {
    CliRun run = CliRun.of("scenario", "binzhou-2031");

    assertThat(run.exitCode()).isEqualTo(EcostreamCli.USAGE_ERROR);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream scenario: unknown scenario 'binzhou-2031'; --list shows the bundled ones"
                + " (see 'ecostream scenario --help')");
  }

  @Test
  void shouldRejectAnUnknownOutputFormat() {
    CliRun run = CliRun.of("scenario", "--all", "--output-format", "html");

    assertThat(run.exitCode()).isEqualTo(EcostreamCli.USAGE_ERROR);
    assertThat(run.errLines())
        .containsExactly(
            "ecostream scenario: --output-format must be table or markdown, got 'html'"
                + " (see 'ecostream scenario --help')");
  }

  @Test
  void shouldAskForAScenario() {
    CliRun run = CliRun.of("scenario");

    assertThat(run.exitCode()).isEqualTo(EcostreamCli.USAGE_ERROR);
    assertThat(run.err()).startsWith("ecostream scenario: name a scenario, or use --all or --list");
  }

  @Test
  void shouldFitOfflineAndPrintTheTable() {
    CliRun run = CliRun.of("scenario", "weihai-2022-jan", "--offline");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .hasSize(3)
        .allMatch(
            line ->
                line.startsWith("scenario ")
                    || line.startsWith("weihai-2022-jan ") && line.endsWith("ok"));
    assertThat(run.err()).contains("weihai-2022-jan: fitted in");
  }

  @Test
  void shouldPrintTheTableAsMarkdownWhenAsked() {
    CliRun run =
        CliRun.of("scenario", "weihai-2022-jan", "--offline", "--output-format", "markdown");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .filteredOn(line -> line.contains("weihai-2022-jan"))
        .allMatch(line -> line.startsWith("|"));
  }
}
