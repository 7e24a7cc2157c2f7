package io.ecostream.producer.cli;

import io.ecostream.options.DurationConverter;
import io.ecostream.producer.faults.FaultKind;
import io.ecostream.producer.faults.FaultSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code simulate} options that inject faults into the air readings: a preset, then one rate
 * per fault that overrides it. Semantics of each fault: the producer README, section Faults.
 */
public final class FaultOptions {

  static final Map<String, FaultSettings> PRESETS =
      Map.of("none", FaultSettings.NONE, "realistic", FaultSettings.REALISTIC);

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--faults",
      paramLabel = "none|realistic",
      defaultValue = "none",
      description =
          "Preset of fault rates that the --fault-* options override (default: ${DEFAULT-VALUE}).")
  private String preset;

  @Option(
      names = "--fault-missing",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: the reading is not sent, or one pollutant is null.")
  private Double missing;

  @Option(
      names = "--fault-outage",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: the station falls silent for 2 h to 5 days.")
  private Double outage;

  @Option(
      names = "--fault-stuck",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: one pollutant repeats its value for 6-48 h.")
  private Double stuck;

  @Option(
      names = "--fault-spike",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: one pollutant multiplied by 5-20.")
  private Double spike;

  @Option(
      names = "--fault-negative",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: one pollutant negative (-1..-20, CO -0.1..-2.0).")
  private Double negative;

  @Option(
      names = "--fault-sentinel",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: one pollutant reads -999 or 9999.")
  private Double sentinel;

  @Option(
      names = "--fault-late",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: the reading is delivered 2 h to 5 days late.")
  private Double late;

  @Option(
      names = "--fault-out-of-order",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: the reading is delivered 1-3 h late, after later hours.")
  private Double outOfOrder;

  @Option(
      names = "--fault-duplicate",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description = "Per station-hour: the reading is sent twice, the copy up to 24 h later.")
  private Double duplicate;

  @Option(
      names = "--fault-fast-clock",
      paramLabel = "SHARE",
      converter = RateConverter.class,
      description = "Share of stations whose clock runs --fault-fast-clock-ahead ahead.")
  private Double fastClock;

  @Option(
      names = "--fault-fast-clock-ahead",
      paramLabel = "DURATION",
      converter = DurationConverter.BareHours.class,
      description =
          "How far a fast clock is ahead, in whole hours (default: 1h with --faults realistic, else 3h).")
  private Duration fastClockAhead;

  /** The form before --fault-fast-clock-ahead, kept for scripts: whole hours. */
  @Option(names = "--fault-fast-clock-hours", paramLabel = "N", hidden = true)
  private Integer fastClockHours;

  /** The preset with the single rates applied. */
  FaultSettings settings() {
    FaultSettings base = PRESETS.get(preset.trim().toLowerCase(Locale.ROOT));
    if (base == null) {
      throw invalid("--faults must be none or realistic, got '" + preset + "'");
    }
    FaultSettings faults = base;
    faults = override(faults, FaultKind.MISSING, missing);
    faults = override(faults, FaultKind.OUTAGE, outage);
    faults = override(faults, FaultKind.STUCK, stuck);
    faults = override(faults, FaultKind.SPIKE, spike);
    faults = override(faults, FaultKind.NEGATIVE, negative);
    faults = override(faults, FaultKind.SENTINEL, sentinel);
    faults = override(faults, FaultKind.LATE, late);
    faults = override(faults, FaultKind.OUT_OF_ORDER, outOfOrder);
    faults = override(faults, FaultKind.DUPLICATE, duplicate);
    faults = override(faults, FaultKind.FAST_CLOCK, fastClock);
    if (fastClockAhead != null) {
      if (fastClockAhead.toSeconds() % 3600 != 0) {
        throw invalid("--fault-fast-clock-ahead must be whole hours, got " + fastClockAhead);
      }
      faults =
          withFastClock(
              faults,
              "--fault-fast-clock-ahead",
              fastClockAhead.toHours(),
              fastClockAhead.toHours() + "h");
    } else if (fastClockHours != null) {
      faults =
          withFastClock(
              faults, "--fault-fast-clock-hours", fastClockHours, fastClockHours.toString());
    }
    return faults;
  }

  private FaultSettings withFastClock(
      FaultSettings faults, String option, long hours, String given) {
    if (faults.fastClock() == 0) {
      throw invalid(option + " needs a share of fast clocks: give --fault-fast-clock");
    }
    if (hours < 1 || hours > FaultSettings.MAX_FAST_CLOCK_HOURS) {
      throw invalid(
          option
              + " must be 1-"
              + FaultSettings.MAX_FAST_CLOCK_HOURS
              + (option.endsWith("hours") ? "" : "h")
              + ", got "
              + given);
    }
    return faults.withFastClockHours((int) hours);
  }

  private static FaultSettings override(FaultSettings faults, FaultKind kind, Double rate) {
    return rate == null ? faults : faults.withRate(kind, rate);
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
