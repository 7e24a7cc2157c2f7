package io.ecostream.streams;

import io.ecostream.domain.stats.DustDays;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.streams.config.PipelineSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which days count as dust-affected (扣沙): {@code --dust-days FILE} and {@code --dust-rule on|off}.
 * A day is when it is listed or, with the rule on, when its data match the rule. A picocli mixin:
 * {@code @Mixin DustOptions dust;}.
 */
public final class DustOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--dust-days",
      paramLabel = "FILE",
      description =
          "CSV of days to count as dust-affected whatever their data: header city_id,date[,note], date yyyy-MM-dd,"
              + " city id * for every city that day, # comments (default: none).")
  Path dustDays;

  @Option(
      names = "--dust-rule",
      paramLabel = "on|off",
      defaultValue = "on",
      description =
          "Also flag days from their data: PM10 >= 150 and PM2.5/PM10 < 0.35; off = the --dust-days list alone"
              + " (default: ${DEFAULT-VALUE}).")
  String dustRule = "on";

  /**
   * The base settings with these options; reads the file, so that a bad one stops the command
   * before it starts.
   *
   * @throws ParameterException if the file cannot be read or has a bad line, or the rule is neither
   *     on nor off
   */
  public PipelineSettings applyTo(PipelineSettings base) {
    PipelineSettings settings = ruleOn() ? base : base.withDustRule(DustRule.flagsOnly());
    if (dustDays == null) {
      return settings;
    }
    try {
      return settings.withDustDays(DustDays.read(dustDays));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), "--dust-days: " + e.getMessage());
    }
  }

  /**
   * These options as arguments of {@code ecostream run}, for a command that starts it as a child
   * process.
   */
  public List<String> runArguments() {
    List<String> arguments = new ArrayList<>();
    if (dustDays != null) {
      arguments.add("--dust-days");
      arguments.add(dustDays.toAbsolutePath().toString());
    }
    arguments.add("--dust-rule");
    arguments.add(dustRule);
    return arguments;
  }

  /** What counts as dust-affected with these settings, for the start-up log. */
  public String summary(PipelineSettings settings) {
    String rule =
        settings.periodRules().dustRule().enabled() ? "the rule" : "no rule (--dust-rule off)";
    return dustDays == null
        ? rule
        : settings.dustDays().designations().size()
            + " designations listed in "
            + dustDays
            + ", or "
            + rule;
  }

  private boolean ruleOn() {
    return switch (dustRule) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new ParameterException(
              mixee.commandLine(), "--dust-rule must be on or off, got '" + dustRule + "'");
    };
  }
}
