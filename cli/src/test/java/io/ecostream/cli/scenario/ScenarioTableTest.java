package io.ecostream.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.cli.scenario.ScenarioTable.Outcome;
import io.ecostream.producer.model.AirTuning;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTableTest {

  private static final Scenario BINZHOU =
      new Scenario(
          "binzhou-2023-jan-aug",
          "Binzhou",
          "",
          List.of("binzhou"),
          LocalDate.of(2023, 1, 1),
          LocalDate.of(2023, 8, 31),
          List.of(
              new Target(Figure.PM25, 39, Tolerance.parse("5%")),
              new Target(Figure.COMPOSITE_INDEX, 4.60, Tolerance.parse("0.15"))),
          Map.of(),
          42);

  private static Outcome outcome(double pm25, double index) {
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    figures.put(Figure.PM25, pm25);
    figures.put(Figure.GOOD_RATIO, 53.5);
    figures.put(Figure.COMPOSITE_INDEX, index);
    figures.put(Figure.HEAVY_DAYS, 15.0);
    return new Outcome(
        BINZHOU, AirTuning.NONE.withPm(1.112), 10, new ScenarioFigures(figures, figures));
  }

  @Test
  void shouldMarkAFigureOutsideItsToleranceAsAMiss() {
    Outcome outcome = outcome(39, 4.80);

    assertThat(ScenarioTable.text(List.of(outcome)).lines())
        .containsExactly(
            "scenario              figure           target  result  tolerance",
            "binzhou-2023-jan-aug  PM2.5 µg/m³          39      39       ±5 %  ok",
            "binzhou-2023-jan-aug  composite index    4.60    4.80      ±0.15  MISS");
    assertThat(outcome.met()).isFalse();
    assertThat(outcome(40, 4.59).met()).isTrue();
  }

  @Test
  void shouldWriteTheFiguresAndTheKnobsAsMarkdown() {
    assertThat(ScenarioTable.markdown(List.of(outcome(39, 4.59))).lines())
        .containsExactly(
            "| scenario | figure | target | result | tolerance | ok |",
            "|---|---|---:|---:|---:|---|",
            "| binzhou-2023-jan-aug | PM2.5 µg/m³ | 39 | 39 | ±5 % | ok |",
            "| binzhou-2023-jan-aug | composite index | 4.60 | 4.59 | ±0.15 | ok |",
            "",
            "| scenario | period | cities | pm | o3 | gases | haze | spread | simulations |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|",
            "| binzhou-2023-jan-aug | 2023-01-01..2023-08-31 | 1 | 1.112 | 1.000 | 1.000 | 1.000 | 1.000 | 10 |");
  }

  @Test
  void shouldAverageTheCitiesPublishedFiguresForAProvince() {
    Map<Figure, Double> a =
        new EnumMap<>(
            Map.of(
                Figure.PM25,
                36.0,
                Figure.GOOD_RATIO,
                73.3,
                Figure.COMPOSITE_INDEX,
                4.2,
                Figure.HEAVY_DAYS,
                3.0));
    Map<Figure, Double> b =
        new EnumMap<>(
            Map.of(
                Figure.PM25,
                37.0,
                Figure.GOOD_RATIO,
                73.7,
                Figure.COMPOSITE_INDEX,
                4.3,
                Figure.HEAVY_DAYS,
                4.0));

    ScenarioFigures province =
        ScenarioFigures.of(List.of(new CityFigures("x", a, a), new CityFigures("y", b, b)));

    // GB/T 8170 rounds the tie 36.5 to the even 36, as the replay report's province line does.
    assertThat(province.published())
        .containsEntry(Figure.PM25, 36.0)
        .containsEntry(Figure.GOOD_RATIO, 73.5)
        .containsEntry(Figure.COMPOSITE_INDEX, 4.25)
        .containsEntry(Figure.HEAVY_DAYS, 3.5);
  }
}
