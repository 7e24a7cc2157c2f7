package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.streams.metrics.PipelineMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PendingSendsTest {

  private static final long HOUR_10 = 473_000L;
  private static final long HOUR_11 = HOUR_10 + 1;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PipelineMetrics metrics = new PipelineMetrics(registry);
  private final PendingSends pending = new PendingSends();

  @Test
  void shouldMeasureOnlyTheReadingsOfThePublishedHourAndKeepTheOthers() {
    pending.add(HOUR_10, 1_000);
    pending.add(HOUR_11, 1_100);
    pending.add(HOUR_10, 1_200);

    pending.published(HOUR_10, 1_500, metrics);

    // 500 + 300 ms; hour 11 still waits
    assertThat(cityHourly().count()).isEqualTo(2);
    assertThat(cityHourly().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(800.0);
    assertThat(pending.size()).isOne();

    pending.published(HOUR_11, 1_600, metrics);
    pending.published(HOUR_11, 1_700, metrics);

    assertThat(cityHourly().count()).as("each reading once").isEqualTo(3);
    assertThat(pending.size()).isZero();
  }

  @Test
  void shouldLeaveReadingsBeyondTheLimitUnmeasured() {
    for (int i = 0; i < PendingSends.LIMIT + 10; i++) {
      pending.add(HOUR_10, i);
    }

    assertThat(pending.size()).isEqualTo(PendingSends.LIMIT);
  }

  @Test
  void shouldNotRecordANegativeLatencyOfAProducerClockAhead() {
    pending.add(HOUR_10, 2_000);

    pending.published(HOUR_10, 1_500, metrics);

    assertThat(cityHourly().count()).isZero();
    assertThat(pending.size()).isZero();
  }

  private Timer cityHourly() {
    return registry.get("ecostream.latency").tag("figure", "city-hourly").timer();
  }
}
