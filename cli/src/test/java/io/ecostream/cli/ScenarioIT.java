package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.cli.scenario.Figure;
import io.ecostream.cli.scenario.OfflineRun;
import io.ecostream.cli.scenario.PipelineRun;
import io.ecostream.cli.scenario.Scenario;
import io.ecostream.cli.scenario.ScenarioCatalog;
import io.ecostream.cli.scenario.ScenarioFigures;
import io.ecostream.cli.scenario.ScenarioFit;
import io.ecostream.cli.scenario.Target;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.streams.config.PipelineSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A short scenario end to end: fitted offline, then through the real topology on a real broker. */
class ScenarioIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final Scenario WEIHAI_JANUARY =
      ScenarioCatalog.bundled().get("weihai-2022-jan").orElseThrow();

  @TempDir Path workDir;

  @Test
  void shouldPublishThroughThePipelineTheFiguresTheFitComputedOffline() throws Exception {
    OfflineRun offline = new OfflineRun(PipelineSettings.defaults());
    ScenarioFit.Result fit = new ScenarioFit(offline).fit(WEIHAI_JANUARY, line -> {});

    ScenarioFigures pipeline =
        ScenarioFigures.of(
            new PipelineRun(
                    kafka.clientProperties(), workDir.resolve("state"), Duration.ofMinutes(3))
                .run(
                    WEIHAI_JANUARY,
                    fit.tuning(),
                    KafkaBrokerFixture.uniqueName("scenario"),
                    line -> {}));

    for (Target target : WEIHAI_JANUARY.targets()) {
      assertThat(target.met(pipeline.published(target.figure())))
          .as(
              "%s: target %s, result %s",
              target.figure(), target.value(), pipeline.published(target.figure()))
          .isTrue();
    }
    // The offline figures are the pipeline's own calculation, not an approximation of it.
    for (Figure figure : Figure.values()) {
      assertThat(pipeline.published(figure))
          .as(figure.key())
          .isEqualTo(fit.figures().published(figure));
    }
  }

  @Test
  void shouldPrintEveryFigureOkAndExitZero() {
    CliRun run =
        CliRun.of(
            "scenario",
            "weihai-2022-jan",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--work-dir",
            workDir.toString(),
            "--timeout",
            "3m");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "scenario         figure            target  result  tolerance",
            "weihai-2022-jan  PM2.5 µg/m³           25      25       ±5 %  ok",
            "weihai-2022-jan  good-day ratio %    90.0    90.3         ±3  ok");
  }
}
