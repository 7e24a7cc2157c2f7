package io.ecostream.cli.scenario;

import io.ecostream.producer.model.AirTuning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The scenario command's output: each target beside the pipeline's figure, as text or Markdown. */
public final class ScenarioTable {

  /** One scenario's outcome: the fitted knobs and the pipeline's figures. */
  public record Outcome(
      Scenario scenario, AirTuning tuning, int simulations, ScenarioFigures pipeline) {

    public boolean met() {
      return scenario.targets().stream().allMatch(t -> t.met(pipeline.published(t.figure())));
    }
  }

  private static final List<String> HEADER =
      List.of("scenario", "figure", "target", "result", "tolerance", "");
  private static final List<String> KNOB_HEADER =
      List.of("scenario", "period", "cities", "pm", "o3", "gases", "haze", "spread", "simulations");

  private ScenarioTable() {}

  public static String text(List<Outcome> outcomes) {
    List<List<String>> rows = rows(outcomes);
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        // Names left, numbers right, as a reader scans them.
        String cell =
            i < 2 || i == row.size() - 1
                ? pad(row.get(i), widths[i], false)
                : pad(row.get(i), widths[i], true);
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The figures table, then the fitted knobs of each scenario. */
  public static String markdown(List<Outcome> outcomes) {
    StringBuilder out = new StringBuilder();
    List<List<String>> rows = rows(outcomes);
    markdownRow(out, List.of("scenario", "figure", "target", "result", "tolerance", "ok"));
    out.append("|---|---|---:|---:|---:|---|\n");
    rows.subList(1, rows.size()).forEach(row -> markdownRow(out, row));
    out.append('\n');
    markdownRow(out, KNOB_HEADER);
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Outcome outcome : outcomes) {
      Scenario s = outcome.scenario();
      AirTuning t = outcome.tuning();
      markdownRow(
          out,
          List.of(
              s.id(),
              s.from() + ".." + s.to(),
              Integer.toString(s.cities().size()),
              knob(t.pm()),
              knob(t.o3()),
              knob(t.gases()),
              knob(t.haze()),
              knob(t.spread()),
              Integer.toString(outcome.simulations())));
    }
    return out.toString();
  }

  private static List<List<String>> rows(List<Outcome> outcomes) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Outcome outcome : outcomes) {
      for (Target target : outcome.scenario().targets()) {
        double result = outcome.pipeline().published(target.figure());
        rows.add(
            List.of(
                outcome.scenario().id(),
                target.figure().label(),
                target.figure().format(target.value()),
                target.figure().format(result),
                target.tolerance().toString(),
                target.met(result) ? "ok" : "MISS"));
      }
    }
    return rows;
  }

  private static String knob(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static void markdownRow(StringBuilder out, List<String> cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static String pad(String text, int width, boolean right) {
    String padding = " ".repeat(width - text.length());
    return right ? padding + text : text + padding;
  }
}
