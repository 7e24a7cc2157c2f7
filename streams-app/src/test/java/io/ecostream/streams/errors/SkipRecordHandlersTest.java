package io.ecostream.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.streams.metrics.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class SkipRecordHandlersTest {

  private final PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
  private final Map<String, Object> configs = Map.of(RecordSkips.METRICS_CONFIG, metrics);
  private final ProducerRecord<byte[], byte[]> output =
      new ProducerRecord<>("ecostream.dead-letters", new byte[] {1}, new byte[] {2});

  @Test
  void shouldSkipAndCountAnOutputTooLargeToSend() {
    SkipRecordProductionHandler handler = new SkipRecordProductionHandler();
    handler.configure(configs);

    ProductionExceptionHandler.Response response =
        handler.handleError(context(), output, new RecordTooLargeException("1048712 bytes"));

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(metrics.recordsSkippedCount(RecordSkips.TOO_LARGE)).isEqualTo(1.0);
  }

  @Test
  void shouldSkipAndCountAnOutputThatCannotBeSerialized() {
    SkipRecordProductionHandler handler = new SkipRecordProductionHandler();
    handler.configure(configs);

    ProductionExceptionHandler.Response response =
        handler.handleSerializationError(
            context(),
            output,
            new SerializationException("cannot encode"),
            ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(metrics.recordsSkippedCount(RecordSkips.UNSERIALIZABLE)).isEqualTo(1.0);
  }

  @Test
  void shouldFailOnASendErrorThatIsNotTheRecordsOwn() {
    SkipRecordProductionHandler handler = new SkipRecordProductionHandler();
    handler.configure(configs);

    assertThat(
            handler.handleError(context(), output, new AuthorizationException("denied")).result())
        .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    assertThat(handler.handleError(context(), output, new TimeoutException("no broker")).result())
        .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    assertThat(metrics.recordsSkippedCount(RecordSkips.TOO_LARGE)).isZero();
  }

  @Test
  void shouldSkipARecordOnWhichOurCodeThrew() {
    SkipRecordProcessingHandler handler = new SkipRecordProcessingHandler();
    handler.configure(configs);
    Record<String, String> record = new Record<>("binzhou", "reading", 0L);

    assertThat(
            handler.handleError(context(), record, new NullPointerException("stationId")).result())
        .isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    assertThat(
            handler
                .handleError(context(), record, new SerializationException("cannot encode"))
                .result())
        .isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    assertThat(metrics.recordsSkippedCount(RecordSkips.PROCESSING_ERROR)).isEqualTo(2.0);
  }

  @Test
  void shouldFailOnAProcessingErrorOfKafkaOrItsStores() {
    SkipRecordProcessingHandler handler = new SkipRecordProcessingHandler();
    handler.configure(configs);
    Record<String, String> record = new Record<>("binzhou", "reading", 0L);

    assertThat(
            handler
                .handleError(context(), record, new ProcessorStateException("disk full"))
                .result())
        .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    assertThat(handler.handleError(context(), record, new StreamsException("send failed")).result())
        .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    assertThat(metrics.recordsSkippedCount(RecordSkips.PROCESSING_ERROR)).isZero();
  }

  @Test
  void shouldSkipARecordThatCannotBeDeserialized() {
    SkipRecordDeserializationHandler handler = new SkipRecordDeserializationHandler();
    handler.configure(configs);
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("t", 0, 5L, new byte[0], new byte[0]);

    assertThat(handler.handleError(context(), record, new SerializationException("bad")).result())
        .isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(metrics.recordsSkippedCount(RecordSkips.UNDESERIALIZABLE)).isEqualTo(1.0);
  }

  @Test
  void shouldCountEverySkipEvenWhenTheLogLinesOfTheMinuteAreUsedUp() {
    SkipRecordProductionHandler handler = new SkipRecordProductionHandler();
    handler.configure(configs);

    for (int i = 0; i < RecordSkips.LINES_PER_MINUTE * 3; i++) {
      handler.handleError(context(), output, new RecordTooLargeException("too large"));
    }

    assertThat(metrics.recordsSkippedCount(RecordSkips.TOO_LARGE))
        .isEqualTo(RecordSkips.LINES_PER_MINUTE * 3);
  }

  @Test
  void shouldCountInARegistryOfItsOwnWithoutTheApplicationsMetrics() {
    SkipRecordProductionHandler handler = new SkipRecordProductionHandler();
    handler.configure(Map.of());

    assertThat(
            handler
                .handleError(context(), output, new RecordTooLargeException("too large"))
                .result())
        .isEqualTo(ProductionExceptionHandler.Result.RESUME);
  }

  private static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "ecostream.air.readings";
      }

      @Override
      public int partition() {
        return 3;
      }

      @Override
      public long offset() {
        return 1234L;
      }

      @Override
      public org.apache.kafka.common.header.Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "air-readings-dead-letters";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 3);
      }

      @Override
      public long timestamp() {
        return 0L;
      }

      @Override
      public byte[] sourceRawKey() {
        return null;
      }

      @Override
      public byte[] sourceRawValue() {
        return null;
      }
    };
  }
}
