package io.ecostream.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class SizeCheckedProducerTest {

  private static final int MAX_REQUEST_SIZE = 1_048_576;

  private final MockProducer<byte[], byte[]> kafka =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final SizeCheckedProducer producer = new SizeCheckedProducer(kafka, MAX_REQUEST_SIZE);
  private final List<Exception> callbacks = new ArrayList<>();

  @Test
  void shouldRefuseARecordOverMaxRequestSizeBeforeTheProducerSeesIt() {
    // The tester's dead letter: a 1,048,450-byte value with its coordinates and reason.
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>("ecostream.dead-letters", new byte[30], new byte[1_048_712]);

    producer.send(record, (metadata, exception) -> callbacks.add(exception));

    assertThat(callbacks).singleElement().isInstanceOf(RecordTooLargeException.class);
    assertThat(kafka.history()).isEmpty();
  }

  @Test
  void shouldPassARecordWithinTheLimitToTheProducer() {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            "ecostream.dead-letters", new byte[30], new byte[MAX_REQUEST_SIZE - 200]);

    producer.send(record, (metadata, exception) -> callbacks.add(exception));

    assertThat(kafka.history()).containsExactly(record);
    assertThat(callbacks).containsExactly((Exception) null);
  }

  @Test
  void shouldCountHeadersInTheSize() {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>("t", new byte[0], new byte[MAX_REQUEST_SIZE / 2]);
    record.headers().add("probe", new byte[MAX_REQUEST_SIZE / 2]);

    producer.send(record, (metadata, exception) -> callbacks.add(exception));

    assertThat(callbacks).singleElement().isInstanceOf(RecordTooLargeException.class);
  }

  @Test
  void shouldReadMaxRequestSizeAsTheProducerDoes() {
    assertThat(SizeCheckedClientSupplier.maxRequestSize(Map.of())).isEqualTo(1_048_576);
    assertThat(
            SizeCheckedClientSupplier.maxRequestSize(
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "65536")))
        .isEqualTo(65_536);
  }
}
