package io.ecostream.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

class SmallMemtablesTest {

  @Test
  void shouldGiveEveryStoreMemtablesOfOneMebibyteByDefault() {
    try (Options options = new Options()) {
      new SmallMemtables().setConfig("air-station-hours-store", options, Map.of());

      assertThat(options.writeBufferSize()).isEqualTo(1_048_576L);
    }
  }

  @Test
  void shouldTakeTheWriteBufferOfTheStreamsConfiguration() {
    try (Options options = new Options()) {
      new SmallMemtables()
          .setConfig(
              "air-station-hours-store",
              options,
              Map.of(SmallMemtables.WRITE_BUFFER_BYTES_CONFIG, " 65536 "));

      assertThat(options.writeBufferSize()).isEqualTo(65_536L);
    }
  }

  @Test
  void shouldRefuseAWriteBufferRocksDbWouldNotTakeAsItIs() {
    assertThatThrownBy(() -> SmallMemtables.writeBufferBytes("65535"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SmallMemtables.WRITE_BUFFER_BYTES_CONFIG)
        .hasMessageContaining("at least 65536");
    assertThatThrownBy(() -> SmallMemtables.writeBufferBytes("1MB"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("1MB");
  }
}
