package io.ecostream.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.producer.faults.FaultKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

  private static final String WEIHAI =
      """
      {"id": "weihai-2022", "title": "Weihai, 2022", "cities": ["weihai"],
       "from": "2022-01-01", "to": "2022-12-31",
       "targets": {"pm25": {"value": 21, "tolerance": "5%"},
                   "goodRatio": {"value": 91.2, "tolerance": 3}},
       "faults": {"missing": 0.02}}
      """;

  @Test
  void shouldReadTheCitiesPeriodTargetsAndFaults() {
    Scenario scenario = ScenarioCatalog.parse(WEIHAI);

    assertThat(scenario.id()).isEqualTo("weihai-2022");
    assertThat(scenario.cities()).containsExactly("weihai");
    assertThat(scenario.from()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(scenario.to()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(scenario.targets())
        .containsExactly(
            new Target(Figure.PM25, 21, new Tolerance(5, true)),
            new Target(Figure.GOOD_RATIO, 91.2, new Tolerance(3, false)));
    assertThat(scenario.faults()).containsEntry("missing", 0.02);
    assertThat(scenario.faultSettings().rate(FaultKind.MISSING)).isEqualTo(0.02);
    assertThat(scenario.faultSettings().enabled()).containsExactly(FaultKind.MISSING);
    assertThat(scenario.seed()).isEqualTo(Scenario.DEFAULT_SEED);
    assertThat(scenario.periodLabel()).isEqualTo("2022");
    assertThat(scenario.province()).isFalse();
  }

  @Test
  void shouldAllowFivePerCentOfThePm25TargetAndThreePointsOfTheRatio() {
    Tolerance fivePerCent = Tolerance.parse("5%");
    Tolerance threePoints = Tolerance.parse("3");

    assertThat(fivePerCent.allows(30, 31.5)).isTrue();
    assertThat(fivePerCent.allows(30, 28.5)).isTrue();
    assertThat(fivePerCent.allows(30, 32)).isFalse();
    assertThat(threePoints.allows(73.6, 76.6)).isTrue();
    assertThat(threePoints.allows(73.6, 76.7)).isFalse();
    assertThat(threePoints.allows(73.6, Double.NaN)).isFalse();
    assertThat(fivePerCent).hasToString("±5 %");
    assertThat(Tolerance.parse("0.15")).hasToString("±0.15");
  }

  @Test
  void shouldRejectAnUnknownFaultKindAndARateAboveOne() {
    assertThatThrownBy(() -> ScenarioCatalog.parse(WEIHAI.replace("\"missing\"", "\"gaps\"")))
        .hasMessageContaining("unknown fault kind 'gaps'");
    assertThatThrownBy(() -> ScenarioCatalog.parse(WEIHAI.replace("0.02", "1.5")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNameTheMonthOfAOneMonthScenario() {
    Scenario month = ScenarioCatalog.parse(WEIHAI.replace("\"2022-12-31\"", "\"2022-01-31\""));

    assertThat(month.periodLabel()).isEqualTo("2022-01");
  }

  @Test
  void shouldRejectAPeriodThePipelineDoesNotPublish() {
    assertThatThrownBy(
            () -> ScenarioCatalog.parse(WEIHAI.replace("\"2022-01-01\"", "\"2022-03-05\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weihai-2022: the period must run from 1 January");
  }

  @Test
  void shouldNameTheScenarioAndFieldOfABadTarget() {
    assertThatThrownBy(() -> ScenarioCatalog.parse(WEIHAI.replace("\"goodRatio\"", "\"goodDays\"")))
        .hasMessage(
            "weihai-2022: unknown target 'goodDays'; known: pm25, goodRatio, compositeIndex, heavyDays");
    assertThatThrownBy(() -> ScenarioCatalog.parse(WEIHAI.replace("\"5%\"", "\"five\"")))
        .hasMessageStartingWith("weihai-2022: targets.pm25.tolerance:");
    assertThatThrownBy(() -> ScenarioCatalog.parse(WEIHAI.replace("\"from\": \"2022-01-01\",", "")))
        .hasMessage("weihai-2022: 'from' is missing");
  }

  @Test
  void shouldBundleThePublishedScenarios() {
    ScenarioCatalog catalog = ScenarioCatalog.bundled();

    assertThat(catalog.all())
        .extracting(Scenario::id)
        .startsWith(
            "binzhou-2025-q1-q3",
            "binzhou-2023-jan-aug",
            "liaocheng-2022",
            "weihai-2022",
            "shandong-2022");
    Scenario binzhou = catalog.get("binzhou-2025-q1-q3").orElseThrow();
    assertThat(binzhou.to()).isEqualTo(LocalDate.of(2025, 9, 30));
    assertThat(binzhou.targets())
        .containsExactly(
            new Target(Figure.PM25, 30, new Tolerance(5, true)),
            new Target(Figure.GOOD_RATIO, 73.6, new Tolerance(3, false)),
            new Target(Figure.COMPOSITE_INDEX, 3.67, new Tolerance(0.15, false)),
            new Target(Figure.HEAVY_DAYS, 0, new Tolerance(0, false)));
    Scenario shandong = catalog.get("shandong-2022").orElseThrow();
    assertThat(shandong.cities()).hasSize(16).doesNotHaveDuplicates();
    assertThat(shandong.province()).isTrue();
  }
}
