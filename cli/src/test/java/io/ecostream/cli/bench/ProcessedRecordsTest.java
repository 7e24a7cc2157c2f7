package io.ecostream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.streams.metrics.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ProcessedRecordsTest {

  @Test
  void shouldCountOnlyTheRecordsTheIntakeReadFromTheGivenTopic() {
    PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
    ProcessedRecords readings = ProcessedRecords.readIn(metrics.registry(), "run.air.readings");

    assertThat(readings.count()).as("before the intake has read anything").isZero();

    metrics.recordIn("run.air.readings");
    metrics.recordIn("run.stations");
    metrics.recordIn("run.air.readings");
    metrics.recordIn("run.air.readings");

    assertThat(readings.count()).isEqualTo(3);
  }
}
