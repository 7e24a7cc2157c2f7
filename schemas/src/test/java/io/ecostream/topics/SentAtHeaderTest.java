package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class SentAtHeaderTest {

  private static final long SENT = 1_772_090_000_123L; // 2026-02-26T07:13:20.123Z

  @Test
  void shouldWriteBigEndianEpochMillisAsAnyReaderOfALongDoes() {
    assertThat(SentAtHeader.value(SENT)).isEqualTo(ByteBuffer.allocate(8).putLong(SENT).array());
    assertThat(SentAtHeader.millis(ByteBuffer.allocate(8).putLong(SENT).array())).isEqualTo(SENT);
  }

  @Test
  void shouldReadTheLastHeaderOfItsName() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(SentAtHeader.NAME, SentAtHeader.value(1L));
    headers.add("other", new byte[8]);
    headers.add(SentAtHeader.NAME, SentAtHeader.value(SENT));

    assertThat(SentAtHeader.millis(headers)).isEqualTo(SENT);
  }

  @Test
  void shouldTakeAMissingOrMalformedHeaderForAbsent() {
    assertThat(SentAtHeader.millis(new RecordHeaders())).isEqualTo(SentAtHeader.ABSENT);
    assertThat(SentAtHeader.millis(new RecordHeaders().add(SentAtHeader.NAME, new byte[4])))
        .isEqualTo(SentAtHeader.ABSENT);
    assertThat(SentAtHeader.millis(new RecordHeaders().add(SentAtHeader.NAME, null)))
        .isEqualTo(SentAtHeader.ABSENT);
  }
}
