package io.ecostream.streams.errors;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Skips the input record on which a processor threw an exception of the record's own (any but a
 * Kafka error), and fails on the others. Records the intake can tell are bad become dead letters
 * before any processor sees them; this is the net under what it cannot tell.
 */
public final class SkipRecordProcessingHandler implements ProcessingExceptionHandler {

  private RecordSkips skips = RecordSkips.configured(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    skips = RecordSkips.configured(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (!RecordSkips.isRecordLevelProcessingError(exception)) {
      return Response.fail();
    }
    skips.skipped(RecordSkips.PROCESSING_ERROR, context, "a record", exception);
    return Response.resume();
  }
}
