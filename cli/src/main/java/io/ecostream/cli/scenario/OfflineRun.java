package io.ecostream.cli.scenario;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.CityDay;
import io.ecostream.domain.stats.DustHandling;
import io.ecostream.domain.stats.PeriodAccumulator;
import io.ecostream.domain.stats.StationDay;
import io.ecostream.producer.Pacing;
import io.ecostream.producer.ReadingSink;
import io.ecostream.producer.Simulator;
import io.ecostream.producer.model.AirTuning;
import io.ecostream.streams.config.PipelineSettings;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's simulation in memory, with the figures computed as the pipeline computes them, by
 * the same domain code and settings: station days → {@link CityDay} (as {@code CityDayFigure}) →
 * daily records → {@link PeriodAccumulator} statistics (as {@code CityPeriods}). No Kafka, so the
 * fitting can afford a few dozen runs.
 *
 * <p>Each city is simulated on its own, in parallel: a city's readings depend only on the seed, the
 * regional weather and its own random streams, not on which other cities are simulated, so they are
 * those of the one simulation the pipeline later receives.
 */
public final class OfflineRun {

  private final PipelineSettings settings;

  public OfflineRun(PipelineSettings settings) {
    this.settings = settings;
  }

  /** The scenario's figures with the same knobs for all its cities. */
  public ScenarioFigures figures(Scenario scenario, AirTuning tuning) {
    List<CityFigures> cities =
        scenario.cities().parallelStream().map(city -> city(scenario, city, tuning)).toList();
    return ScenarioFigures.of(cities);
  }

  /** One city's figures over the scenario's period. */
  public CityFigures city(Scenario scenario, String cityId, AirTuning tuning) {
    DaySink sink = new DaySink(settings, cityId, scenario.from(), scenario.to());
    Simulator.builder(scenario.seed(), scenario.from())
        .endExclusive(scenario.to().plusDays(1))
        .pacing(Pacing.asFastAsPossible())
        .water(false)
        .cities(List.of(cityId))
        .airTuning(Map.of(cityId, tuning))
        .build(sink)
        .run();
    sink.closeDay();
    return CityFigures.of(
        cityId, sink.days.statistics(settings.periodRules(), DustHandling.INCLUDED));
  }

  /**
   * Collects one city's station days in event-time order and closes each day as the next begins.
   */
  private static final class DaySink implements ReadingSink {
    private static final Pollutant[] POLLUTANTS = Pollutant.values();

    private final PipelineSettings settings;
    private final String cityId;
    private final ZoneId zone;
    private final PeriodAccumulator days;
    private final Map<String, double[]> stations = new HashMap<>();
    private LocalDate date;

    DaySink(PipelineSettings settings, String cityId, LocalDate from, LocalDate to) {
      this.settings = settings;
      this.cityId = cityId;
      this.zone = settings.zone();
      this.days = new PeriodAccumulator(from, to);
    }

    @Override
    public void station(Station station) {}

    @Override
    public void air(AirReading reading) {
      LocalDateTime local = LocalDateTime.ofInstant(reading.getHourStart(), zone);
      if (!local.toLocalDate().equals(date)) {
        closeDay();
        date = local.toLocalDate();
      }
      double[] day = stations.computeIfAbsent(reading.getStationId(), id -> StationDay.empty());
      int hour = local.getHour();
      // In Pollutant order.
      double[] values = {
        reading.getSo2(),
        reading.getNo2(),
        reading.getPm10(),
        reading.getPm25(),
        reading.getCo(),
        reading.getO3()
      };
      for (Pollutant pollutant : POLLUTANTS) {
        day[StationDay.index(pollutant, hour)] = values[pollutant.ordinal()];
      }
    }

    @Override
    public void water(WaterSample sample) {}

    @Override
    public void flush() {}

    void closeDay() {
      if (date == null || stations.isEmpty()) {
        return;
      }
      CityDay city =
          CityDay.of(
              date, stations.values(), settings.validity(), settings.periodRules().dustRule());
      days.put(city.toDailyRecord(settings.dustDays().contains(cityId, date)));
      stations.clear();
    }
  }
}
