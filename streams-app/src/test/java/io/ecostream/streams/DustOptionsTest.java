package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.stats.DustRule;
import io.ecostream.streams.config.PipelineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DustOptionsTest {

  private static DustOptions parse(String... args) {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run.dust;
  }

  @Test
  void shouldKeepTheDefaultsWithoutOptions() {
    DustOptions dust = parse();

    assertThat(dust.applyTo(PipelineSettings.defaults())).isEqualTo(PipelineSettings.defaults());
    assertThat(dust.runArguments()).containsExactly("--dust-rule", "on");
  }

  @Test
  void shouldCombineTheListWithTheRuleOrUseTheListAlone(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("dust.csv"), "city_id,date\njinan,2024-03-15\n");

    PipelineSettings listOrRule =
        parse("--dust-days", file.toString()).applyTo(PipelineSettings.defaults());
    assertThat(listOrRule.dustDays().contains("jinan", LocalDate.of(2024, 3, 15))).isTrue();
    assertThat(listOrRule.periodRules().dustRule()).isEqualTo(DustRule.defaults());

    DustOptions listOnly = parse("--dust-days", file.toString(), "--dust-rule", "off");
    PipelineSettings settings = listOnly.applyTo(PipelineSettings.defaults());
    assertThat(settings.dustDays().contains("jinan", LocalDate.of(2024, 3, 15))).isTrue();
    assertThat(settings.periodRules().dustRule()).isEqualTo(DustRule.flagsOnly());
    assertThat(listOnly.runArguments())
        .containsExactly("--dust-days", file.toString(), "--dust-rule", "off");
  }
}
