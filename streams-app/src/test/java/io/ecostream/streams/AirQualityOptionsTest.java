package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.streams.config.AirQualitySettings;
import io.ecostream.streams.config.PipelineSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class AirQualityOptionsTest {

  private static AirQualityOptions parse(String... args) {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run.quality;
  }

  @Test
  void shouldKeepTheDefaultsWithoutOptions() {
    AirQualityOptions quality = parse();

    assertThat(quality.applyTo(PipelineSettings.defaults())).isEqualTo(PipelineSettings.defaults());
    assertThat(quality.runArguments()).isEmpty();
    assertThat(AirQualityOptions.summary(AirQualitySettings.defaults()))
        .isEqualTo("late grace 48 h, future margin 1 h, silent after 6 h, stuck runs 12 h");
  }

  @Test
  void shouldApplyEveryOptionAndPassItOnToAChildRun() {
    AirQualityOptions quality =
        parse(
            "--late-grace",
            "1d",
            "--future-margin",
            "off",
            "--silent-after",
            "3h",
            "--stuck-hours",
            "0");

    AirQualitySettings settings = quality.applyTo(PipelineSettings.defaults()).airQuality();

    assertThat(settings.lateGrace()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.futureMargin()).isEqualTo(Optional.empty());
    assertThat(settings.silentAfter()).isEqualTo(Duration.ofHours(3));
    assertThat(settings.rules().stuckHours()).isZero();
    assertThat(quality.runArguments())
        .containsExactly(
            "--late-grace",
            "PT24H",
            "--future-margin",
            "off",
            "--silent-after",
            "PT3H",
            "--stuck-hours",
            "0");
  }

  @Test
  void shouldRefuseAGraceTheRingCannotJudgeInOneLine() {
    // 96 hours of ring - a 24-hour window - twice the 12-hour stuck run = 48 h at most
    assertThatThrownBy(() -> parse("--late-grace", "49h").applyTo(PipelineSettings.defaults()))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "late grace must be whole hours from 0 to 48 h with stuck runs of 12 h, got PT49H");
    // shorter stuck runs leave room for a longer grace
    assertThat(
            parse("--late-grace", "60h", "--stuck-hours", "6")
                .applyTo(PipelineSettings.defaults())
                .airQuality()
                .lateGraceHours())
        .isEqualTo(60);
  }

  @Test
  void shouldRefuseADurationOfPartHoursInOneLine() {
    assertThatThrownBy(() -> parse("--silent-after", "90m").applyTo(PipelineSettings.defaults()))
        .isInstanceOf(ParameterException.class)
        .hasMessage("silent-after must be whole hours, at least 1, got PT1H30M");
    assertThatThrownBy(() -> parse("--future-margin", "soon").applyTo(PipelineSettings.defaults()))
        .isInstanceOf(ParameterException.class)
        .hasMessage("expected a duration like 90s, 5m, 2h or 1d, got 'soon'");
  }
}
