package io.ecostream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.streams.EcostreamTopology;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's task phase runs the production city task: what it forwards for the bench's readings
 * is what the production topology publishes for them, kind by kind where the data alone decides
 * (each station-hour's figure, the alerts); the newest hours and days go out at wall-clock
 * punctuations, whose count depends on timing, and are left out.
 */
class CityTaskAloneTest {

  private static final EcostreamTopics TOPICS = EcostreamTopics.withDefaultPrefix();

  /** Twelve days of Shandong's 71 stations: January, so heavy-pollution alerts come up. */
  private static final int READINGS = 20_000;

  @TempDir Path stateDir;

  @Test
  void shouldForwardTheStationHoursAndAlertsTheTopologyPublishesForTheSameReadings() {
    BenchData data = BenchData.simulate(TOPICS, StationNetwork.of(71, 42), 42, READINGS);

    PhaseResult task =
        new CityTaskAlone(TOPICS, stateDir.resolve("task"), "task-test")
            .run(data.stations(), data.readings());

    long stationHours;
    long alerts;
    try (TopologyTestDriver driver = topology(stateDir.resolve("topology"))) {
      pipe(driver, TOPICS.stations().name(), data.stations());
      pipe(driver, TOPICS.airReadings().name(), data.readings());
      stationHours = published(driver, TOPICS.stationHourly().name());
      alerts = published(driver, TOPICS.alerts().name());
    }
    assertThat(stationHours).isGreaterThanOrEqualTo(READINGS);
    assertThat(alerts).as("alerts to compare").isPositive();
    assertThat(task.phase()).isEqualTo("task");
    assertThat(task.records()).isEqualTo(READINGS);
    assertThat(task.appCpuSeconds()).isPositive();
    assertThat(task.recordsPerSecond()).isPositive();
    assertThat(task.outputs())
        .containsEntry("station-hourly", stationHours)
        .containsEntry("alert", alerts)
        .doesNotContainKey("dead-letter");
  }

  private static TopologyTestDriver topology(Path stateDir) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "task-test-topology");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return new TopologyTestDriver(
        EcostreamTopology.build(
            TOPICS, PipelineSettings.defaults(), new PipelineMetrics(new SimpleMeterRegistry())),
        properties);
  }

  private static void pipe(
      TopologyTestDriver driver, String topic, List<BenchData.Reading> records) {
    TestInputTopic<byte[], byte[]> input =
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    for (BenchData.Reading record : records) {
      input.pipeInput(record.key(), record.value(), record.timestamp());
    }
  }

  private static long published(TopologyTestDriver driver, String topic) {
    return driver
        .createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
        .getQueueSize();
  }
}
