package io.ecostream.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.ecostream.producer.model.AirTuning;
import io.ecostream.streams.config.PipelineSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fitting on a short period of the real simulator, in memory. */
class ScenarioFitTest {

  private static final OfflineRun OFFLINE = new OfflineRun(PipelineSettings.defaults());

  private static Scenario weihaiJanuary(Target... targets) {
    return new Scenario(
        "weihai-test",
        "Weihai, January 2022",
        "",
        List.of("weihai"),
        LocalDate.of(2022, 1, 1),
        LocalDate.of(2022, 1, 31),
        List.of(targets),
        Map.of(),
        42);
  }

  @Test
  void shouldScalePmUntilThePm25MeanIsOnTarget() {
    Scenario scenario = weihaiJanuary(new Target(Figure.PM25, 30, Tolerance.parse("5%")));
    double calibrated = OFFLINE.figures(scenario, AirTuning.NONE).published(Figure.PM25);
    List<String> progress = new ArrayList<>();

    ScenarioFit.Result result = new ScenarioFit(OFFLINE).fit(scenario, progress::add);

    assertThat(calibrated).isLessThan(28.5);
    assertThat(result.met()).isTrue();
    assertThat(result.figures().unrounded(Figure.PM25)).isCloseTo(30, offset(0.5));
    assertThat(result.tuning().pm()).isGreaterThan(1);
    assertThat(result.tuning().withPm(1)).as("knobs without a target").isEqualTo(AirTuning.NONE);
    assertThat(progress).first().asString().startsWith("as calibrated: pm25 ");
  }

  @Test
  void shouldReachTheRatioAndTheIndexTogether() {
    Scenario scenario =
        weihaiJanuary(
            new Target(Figure.PM25, 26, Tolerance.parse("5%")),
            new Target(Figure.GOOD_RATIO, 90, Tolerance.parse("3")),
            new Target(Figure.COMPOSITE_INDEX, 3.0, Tolerance.parse("0.15")));

    ScenarioFit.Result result = new ScenarioFit(OFFLINE).fit(scenario, line -> {});

    assertThat(result.met()).as(result.toString()).isTrue();
    assertThat(result.figures()).isEqualTo(OFFLINE.figures(scenario, result.tuning()));
  }

  @Test
  void shouldGiveTheSameFiguresForTheSameKnobs() {
    Scenario scenario = weihaiJanuary(new Target(Figure.PM25, 30, Tolerance.parse("5%")));
    AirTuning tuning = AirTuning.NONE.withPm(1.2).withO3(0.9);

    assertThat(OFFLINE.figures(scenario, tuning)).isEqualTo(OFFLINE.figures(scenario, tuning));
  }
}
