package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.producer.cli.OlderDataCheck;
import io.ecostream.streams.config.AirQualitySettings;
import org.junit.jupiter.api.Test;

/** The replay warns about the grace {@code run} applies: the two modules must agree on it. */
class OlderDataCheckTest {

  @Test
  void shouldUseTheLateGraceThatRunAppliesByDefault() {
    assertThat(OlderDataCheck.RUN_LATE_GRACE).isEqualTo(AirQualitySettings.defaults().lateGrace());
  }
}
