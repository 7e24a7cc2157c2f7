package io.ecostream.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PipelineMetrics metrics = new PipelineMetrics(registry);

  @Test
  void shouldCountAlertsByTypeAndStatus() {
    metrics.alert("HEAVY_POLLUTION_DAY", "PROVISIONAL");
    metrics.alert("HEAVY_POLLUTION_DAY", "CONFIRMED");
    metrics.alert("HEAVY_POLLUTION_DAY", "PROVISIONAL");

    assertThat(
            registry
                .get("ecostream.alerts")
                .tag("type", "HEAVY_POLLUTION_DAY")
                .tag("status", "PROVISIONAL")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(metrics.alertCount("HEAVY_POLLUTION_DAY", "CONFIRMED")).isEqualTo(1.0);
    assertThat(metrics.alertCount("STATION_SILENT", "RAISED")).isZero();
  }

  @Test
  void shouldGiveEachCitysDataAgeFromItsNewestHour() {
    long now = System.currentTimeMillis();
    metrics.cityNewestHour("jinan", now - 3 * 3_600_000L);
    metrics.cityNewestHour("jinan", now - 3_600_000L);
    metrics.cityNewestHour("qingdao", now - 10 * 3_600_000L);

    // read a moment later: the age is at least the hour's, and grows with the wall clock
    assertThat(registry.get("ecostream.city.data.age").tag("city", "jinan").gauge().value())
        .isCloseTo(3600, within(5.0));
    assertThat(registry.get("ecostream.city.data.age").tag("city", "qingdao").gauge().value())
        .isCloseTo(36_000, within(5.0));
  }

  @Test
  void shouldBindTheJvmAndProcessMeters() {
    try (ProcessMetrics bound = ProcessMetrics.bindTo(registry)) {
      assertThat(registry.get("jvm.memory.used").gauges()).isNotEmpty();
      assertThat(registry.get("jvm.threads.live").gauge().value()).isPositive();
      assertThat(registry.get("process.uptime").timeGauge()).isNotNull();
      assertThat(registry.get("system.cpu.count").gauge().value()).isPositive();
    }
  }
}
