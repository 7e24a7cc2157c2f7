package io.ecostream.streams.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Skips a record whose key or value cannot be deserialized. The input topics are read as bytes and
 * decoded by the intake (which dead-letters what it cannot decode), so this serves the internal
 * topics, whose records the pipeline wrote itself.
 */
public final class SkipRecordDeserializationHandler implements DeserializationExceptionHandler {

  private RecordSkips skips = RecordSkips.configured(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    skips = RecordSkips.configured(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    skips.skipped(RecordSkips.UNDESERIALIZABLE, context, "a record", exception);
    return Response.resume();
  }
}
