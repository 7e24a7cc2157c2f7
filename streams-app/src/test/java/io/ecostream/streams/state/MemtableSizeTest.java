package io.ecostream.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

class MemtableSizeTest {

  @Test
  void shouldLeaveKafkaStreamsOwnMemtablesWhenNotConfigured() {
    try (Options options = new Options()) {
      // What Kafka Streams' RocksDBStore sets before it calls the setter.
      options.setWriteBufferSize(16_777_216L);

      new MemtableSize().setConfig("air-station-hours-store", options, Map.of());

      assertThat(options.writeBufferSize()).isEqualTo(16_777_216L);
    }
  }

  @Test
  void shouldTakeTheWriteBufferOfTheStreamsConfiguration() {
    try (Options options = new Options()) {
      new MemtableSize()
          .setConfig(
              "air-station-hours-store",
              options,
              Map.of(MemtableSize.WRITE_BUFFER_BYTES_CONFIG, " 65536 "));

      assertThat(options.writeBufferSize()).isEqualTo(65_536L);
    }
  }

  @Test
  void shouldRefuseAWriteBufferRocksDbWouldNotTakeAsItIs() {
    assertThatThrownBy(() -> MemtableSize.check("65535"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(MemtableSize.WRITE_BUFFER_BYTES_CONFIG)
        .hasMessageContaining("at least 65536");
    assertThatThrownBy(() -> MemtableSize.check("1MB"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("1MB");
  }
}
