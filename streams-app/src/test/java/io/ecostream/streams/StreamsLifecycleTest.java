package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsLifecycleTest {

  @TempDir Path stateDir;

  /** A topology with a persistent store, so that the application has local state to wipe. */
  private static Topology withAStore() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(
        "input", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("latest"));
    return builder.build();
  }

  private Properties unreachableCluster() {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifecycle-test");
    // Nothing listens on port 1: the stream thread keeps trying, so the client stays up.
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return properties;
  }

  @Test
  void shouldNotFailToCloseWhenTheCloseRunsOutOfTimeBeforeTheStateCanBeWiped() {
    StreamsLifecycle app =
        StreamsLifecycle.of(withAStore(), unreachableCluster()).wipingLocalStateOnClose().start();
    try {
      boolean[] inTime = {true};

      assertThatCode(() -> inTime[0] = app.close(Duration.ZERO)).doesNotThrowAnyException();
      assertThat(inTime[0]).isFalse();
      assertThatCode(app::wipeLocalState).doesNotThrowAnyException();
    } finally {
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
    }
  }
}
