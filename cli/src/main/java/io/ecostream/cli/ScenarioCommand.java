package io.ecostream.cli;

import io.ecostream.cli.scenario.OfflineRun;
import io.ecostream.cli.scenario.PipelineRun;
import io.ecostream.cli.scenario.Scenario;
import io.ecostream.cli.scenario.ScenarioCatalog;
import io.ecostream.cli.scenario.ScenarioFigures;
import io.ecostream.cli.scenario.ScenarioFit;
import io.ecostream.cli.scenario.ScenarioTable;
import io.ecostream.cli.scenario.ScenarioTable.Outcome;
import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.options.DurationConverter;
import io.ecostream.options.ExitCodes;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.topics.ClusterCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecostream scenario}: fits the simulator to a scenario's published figures offline, then
 * runs the fitted simulation through the real pipeline on its own embedded broker and prints each
 * target beside the pipeline's figure. Exit code 1 when any figure misses its tolerance.
 */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    description = {
      "Fits the simulator to a scenario's published figures and runs it through the real pipeline.",
      "The fit is offline and takes seconds; the fitted simulation then runs through the pipeline on an embedded"
          + " broker, and the command prints target, result and tolerance of each figure."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:every figure within its tolerance",
      "1:a figure missed, or the broker or the pipeline failed",
      ExitCodes.USAGE
    })
public final class ScenarioCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenario ids (see --list).")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "Run every bundled scenario.")
  boolean all;

  @Option(names = "--list", description = "List the bundled scenarios and exit.")
  boolean list;

  @Option(
      names = "--output-format",
      paramLabel = "table|markdown",
      defaultValue = "table",
      description =
          "Print the figures as a table, or as Markdown with the fitted knobs, for docs/scenarios.md"
              + " (default: ${DEFAULT-VALUE}).")
  String outputFormat;

  /** The form before --output-format markdown, kept for scripts. */
  @Option(names = "--markdown", hidden = true)
  boolean markdown;

  @Option(
      names = "--offline",
      description = "Fit only: report the in-memory figures instead of the pipeline's (no broker).")
  boolean offline;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description =
          "An existing cluster instead of the embedded broker, which must answer within 15 s; each scenario creates its own topics there.")
  String bootstrapServers;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description =
          "Client settings of the --bootstrap-servers cluster, e.g. SASL/SSL (a Java properties file).")
  Path commandConfig;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "30m",
      description = "How long the pipeline may take for one scenario (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Broker data, state stores and logs; emptied at start and kept (default: a temporary directory, deleted at the end).")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    if (!outputFormat.equals("table") && !outputFormat.equals("markdown")) {
      throw new ParameterException(
          spec.commandLine(),
          "--output-format must be table or markdown, got '" + outputFormat + "'");
    }
    boolean asMarkdown = markdown || outputFormat.equals("markdown");
    ScenarioCatalog catalog = ScenarioCatalog.bundled();
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      for (Scenario scenario : catalog.all()) {
        out.printf(
            Locale.ROOT,
            "%-22s %s..%s  %s%n",
            scenario.id(),
            scenario.from(),
            scenario.to(),
            scenario.title());
      }
      out.flush();
      return 0;
    }
    List<Scenario> scenarios = selected(catalog);
    Properties external =
        offline ? null : EmbeddedBroker.externalCluster(spec, bootstrapServers, commandConfig);
    if (external != null) {
      // Before the fitting, which takes a while: a cluster that does not answer fails at once.
      ClusterCheck.require(external, ClusterCheck.DEFAULT_TIMEOUT, List.of(), "");
    }
    PrintWriter err = spec.commandLine().getErr();
    ScenarioFit fit = new ScenarioFit(new OfflineRun(PipelineSettings.defaults()));
    List<ScenarioFit.Result> fits = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      say(
          err,
          "%s: fitting (%d cities, %s..%s)",
          scenario.id(),
          scenario.cities().size(),
          scenario.from(),
          scenario.to());
      ScenarioFit.Result result =
          fit.fit(scenario, line -> say(err, "%s: %s", scenario.id(), line));
      say(
          err,
          "%s: fitted in %d simulations%s",
          scenario.id(),
          result.simulations(),
          result.met() ? "" : " (not within tolerance)");
      fits.add(result);
    }
    List<Outcome> outcomes =
        offline
            ? offlineOutcomes(scenarios, fits)
            : pipelineOutcomes(err, scenarios, fits, external);
    out.print(asMarkdown ? ScenarioTable.markdown(outcomes) : ScenarioTable.text(outcomes));
    out.flush();
    return outcomes.stream().allMatch(Outcome::met) ? 0 : EcostreamCli.FAILURE;
  }

  private List<Scenario> selected(ScenarioCatalog catalog) {
    if (all && !ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give scenario ids or --all, not both");
    }
    if (all) {
      return catalog.all();
    }
    if (ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "name a scenario, or use --all or --list");
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (String id : ids) {
      scenarios.add(
          catalog
              .get(id)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "unknown scenario '" + id + "'; --list shows the bundled ones")));
    }
    return scenarios;
  }

  private static List<Outcome> offlineOutcomes(
      List<Scenario> scenarios, List<ScenarioFit.Result> fits) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      ScenarioFit.Result fit = fits.get(i);
      outcomes.add(new Outcome(scenarios.get(i), fit.tuning(), fit.simulations(), fit.figures()));
    }
    return outcomes;
  }

  private List<Outcome> pipelineOutcomes(
      PrintWriter err, List<Scenario> scenarios, List<ScenarioFit.Result> fits, Properties external)
      throws IOException, InterruptedException {
    boolean temporary = workDir == null;
    Path dir = temporary ? Files.createTempDirectory("ecostream-scenario-") : workDir;
    EmbeddedBroker.prepareWorkDir(dir);
    LocalKafkaBroker broker = null;
    try {
      Properties client = external;
      if (client == null) {
        broker = EmbeddedBroker.startOnFreePorts(dir, dir.resolve("logs/scenario.log"));
        client = broker.clientProperties();
        say(err, "broker ready on %s", broker.bootstrapServers());
      } else {
        KafkaLogFile.redirectTo(dir.resolve("logs/scenario.log"));
      }
      PipelineRun pipeline = new PipelineRun(client, dir.resolve("state"), timeout);
      List<Outcome> outcomes = new ArrayList<>();
      for (int i = 0; i < scenarios.size(); i++) {
        Scenario scenario = scenarios.get(i);
        ScenarioFit.Result fit = fits.get(i);
        String runId =
            "ecostream-scenario-"
                + scenario.id()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        try {
          ScenarioFigures figures =
              ScenarioFigures.of(
                  pipeline.run(
                      scenario,
                      fit.tuning(),
                      runId,
                      line -> say(err, "%s: %s", scenario.id(), line)));
          say(
              err,
              "%s: pipeline done in %.0f s",
              scenario.id(),
              (System.nanoTime() - started) / 1e9);
          outcomes.add(new Outcome(scenario, fit.tuning(), fit.simulations(), figures));
        } catch (TimeoutException e) {
          throw new IllegalStateException(scenario.id() + ": " + e.getMessage(), e);
        }
      }
      return outcomes;
    } finally {
      if (broker != null) {
        broker.close();
      }
      if (temporary) {
        EmbeddedBroker.deleteQuietly(dir);
      } else {
        say(err, "logs in %s", dir.resolve("logs"));
      }
    }
  }

  private static void say(PrintWriter err, String format, Object... args) {
    err.println("ecostream scenario: " + String.format(Locale.ROOT, format, args));
    err.flush();
  }
}
