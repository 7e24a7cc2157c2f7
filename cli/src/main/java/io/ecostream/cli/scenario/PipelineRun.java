package io.ecostream.cli.scenario;

import io.ecostream.avro.CityPeriod;
import io.ecostream.cli.InProcessPipeline;
import io.ecostream.cli.report.PipelineDrain;
import io.ecostream.cli.report.TopicSnapshot;
import io.ecostream.producer.Pacing;
import io.ecostream.producer.Simulator;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.producer.faults.FaultInjector;
import io.ecostream.producer.kafka.KafkaReadingSink;
import io.ecostream.producer.model.AirTuning;
import io.ecostream.topics.EcostreamTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A fitted scenario through the real pipeline: the simulator sends its readings to a broker, the
 * production topology (in this JVM, production settings) computes the figures, and the scenario's
 * figures are read back from {@code air.city-period} once the application has processed everything.
 * Each run has its own topics and application id, so scenarios never share state.
 */
public final class PipelineRun {

  private final Properties client;
  private final Path stateDir;
  private final Duration timeout;

  /**
   * @param client the cluster's client settings: bootstrap servers and, for a secured one, its
   *     security settings
   * @param timeout how long the pipeline may take to process a scenario's readings
   */
  public PipelineRun(Properties client, Path stateDir, Duration timeout) {
    this.client = new Properties();
    this.client.putAll(client);
    this.stateDir = stateDir;
    this.timeout = timeout;
  }

  /** The figures of every city of the scenario, as {@code air.city-period} published them. */
  public List<CityFigures> run(
      Scenario scenario, AirTuning tuning, String runId, Consumer<String> progress)
      throws TimeoutException, InterruptedException {
    EcostreamTopics topics = EcostreamTopics.withPrefix(runId);
    InProcessPipeline pipeline = InProcessPipeline.start(client, topics, runId, stateDir);
    try {
      long readings = simulate(scenario, tuning, topics, runId);
      progress.accept(readings + " readings sent; waiting for the pipeline");
      PipelineDrain.await(
          client,
          runId,
          List.of(
              topics.stations().name(), topics.airReadings().name(), topics.waterReadings().name()),
          timeout);
      Optional<Throwable> failure = pipeline.failure();
      if (failure.isPresent()) {
        throw new IllegalStateException(
            "the streams application failed: " + failure.get().getMessage(), failure.get());
      }
    } finally {
      pipeline.close();
      pipeline.wipeLocalState();
    }
    return figures(scenario, TopicSnapshot.latestByKey(client, topics.cityPeriod()));
  }

  private long simulate(Scenario scenario, AirTuning tuning, EcostreamTopics topics, String runId) {
    Map<String, Object> producer = new HashMap<>(KafkaReadingSink.DEFAULTS);
    client.forEach((key, value) -> producer.put((String) key, value));
    producer.put(ProducerConfig.CLIENT_ID_CONFIG, runId + "-simulator");
    Map<String, AirTuning> byCity = new HashMap<>();
    scenario.cities().forEach(city -> byCity.put(city, tuning));
    // Station metadata older than every reading, as the simulate command sends it.
    Instant stationTime = scenario.from().atStartOfDay(StationCatalog.TIME_ZONE).toInstant();
    try (KafkaReadingSink sink =
        KafkaReadingSink.create(topics, producer, Optional.of(stationTime))) {
      Simulator simulator =
          Simulator.builder(scenario.seed(), scenario.from())
              .endExclusive(scenario.to().plusDays(1))
              .pacing(Pacing.asFastAsPossible())
              .water(false)
              .cities(scenario.cities())
              .airTuning(byCity)
              .build(
                  scenario.faultSettings().any()
                      ? new FaultInjector(scenario.faultSettings(), scenario.seed(), sink)
                      : sink);
      long hours = simulator.run().hours();
      return hours * simulator.catalog().airStations().size();
    }
  }

  /** The period figure of each city that ends on the scenario's last day. */
  static List<CityFigures> figures(Scenario scenario, Map<String, CityPeriod> latest) {
    List<CityFigures> cities = new ArrayList<>();
    for (String city : scenario.cities()) {
      CityPeriod period = latest.get(city + "@" + scenario.periodLabel());
      if (period == null || !period.getTo().equals(scenario.to())) {
        throw new IllegalStateException(
            "the pipeline published no "
                + scenario.periodLabel()
                + " figure of "
                + city
                + " to "
                + scenario.to()
                + (period == null ? "" : " (its last one runs to " + period.getTo() + ")"));
      }
      cities.add(CityFigures.of(period));
    }
    return cities;
  }
}
