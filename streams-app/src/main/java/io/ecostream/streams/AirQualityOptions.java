package io.ecostream.streams;

import io.ecostream.options.DurationConverter;
import io.ecostream.streams.config.AirQualitySettings;
import io.ecostream.streams.config.PipelineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Late, future and silent readings and the hourly quality control: {@code --late-grace}, {@code
 * --future-margin}, {@code --silent-after}, {@code --stuck-hours}. A picocli mixin: {@code @Mixin
 * AirQualityOptions quality;}. Durations as {@link DurationConverter} reads them ({@code 48h},
 * {@code 2d}), in whole hours.
 */
public final class AirQualityOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--late-grace",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Dead-letter (reason late) an air reading more than this far behind the newest hour of its"
              + " partition; within it a late reading revises its figures (default: "
              + "48h; at most 48h with 12-hour stuck runs).")
  Duration lateGrace;

  @Option(
      names = "--future-margin",
      paramLabel = "DURATION|off",
      description =
          "Dead-letter (reason future) an air reading or water sample stamped further ahead of the"
              + " wall clock than this; off for simulations that run ahead of the clock (default: 1h).")
  String futureMargin;

  @Option(
      names = "--silent-after",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Raise a STATION_SILENT alert for a station, or one pollutant of it, without data for this long,"
              + " by event time (default: 6h).")
  Duration silentAfter;

  @Option(
      names = "--stuck-hours",
      paramLabel = "N",
      description =
          "Flag a run of N or more equal hourly values as a stuck analyser, 2-24, 0 = off"
              + " (default: 12).")
  Integer stuckHours;

  /**
   * The base settings with these options.
   *
   * @throws ParameterException for a malformed or out-of-range value
   */
  public PipelineSettings applyTo(PipelineSettings base) {
    AirQualitySettings quality = base.airQuality();
    try {
      if (stuckHours != null) {
        quality = quality.withRules(quality.rules().withStuckHours(stuckHours));
      }
      if (lateGrace != null) {
        quality = quality.withLateGrace(lateGrace);
      }
      if (futureMargin != null) {
        quality =
            quality.withFutureMargin(
                futureMargin.equals("off")
                    ? Optional.empty()
                    : Optional.of(DurationConverter.parse(futureMargin)));
      }
      if (silentAfter != null) {
        quality = quality.withSilentAfter(silentAfter);
      }
    } catch (IllegalArgumentException | TypeConversionException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
    return base.withAirQuality(quality);
  }

  /**
   * These options as arguments of {@code ecostream run}, for a command that starts it as a child
   * process.
   */
  public List<String> runArguments() {
    List<String> arguments = new ArrayList<>();
    add(arguments, "--late-grace", lateGrace == null ? null : lateGrace.toString());
    add(arguments, "--future-margin", futureMargin);
    add(arguments, "--silent-after", silentAfter == null ? null : silentAfter.toString());
    add(arguments, "--stuck-hours", stuckHours == null ? null : stuckHours.toString());
    return arguments;
  }

  /** The settings in one line, for the start-up log. */
  public static String summary(AirQualitySettings quality) {
    return "late grace "
        + quality.lateGraceHours()
        + " h, future margin "
        + quality.futureMargin().map(m -> m.toHours() + " h").orElse("off")
        + ", silent after "
        + quality.silentHours()
        + " h, stuck runs "
        + (quality.rules().stuckHours() == 0 ? "off" : quality.rules().stuckHours() + " h");
  }

  private static void add(List<String> arguments, String option, String value) {
    if (value != null) {
      arguments.add(option);
      arguments.add(value);
    }
  }
}
