package io.ecostream.streams.errors;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * Skips an output record that cannot be sent for a reason of its own (too large, not serializable)
 * and fails on anything else. Kafka Streams calls it only for errors it does not handle itself:
 * fenced producers and security errors never reach it.
 */
public final class SkipRecordProductionHandler implements ProductionExceptionHandler {

  private RecordSkips skips = RecordSkips.configured(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    skips = RecordSkips.configured(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (!RecordSkips.isRecordLevelSendError(exception)) {
      return Response.fail();
    }
    skips.skipped(
        exception instanceof RecordTooLargeException
            ? RecordSkips.TOO_LARGE
            : RecordSkips.UNSERIALIZABLE,
        context,
        "an output to " + record.topic(),
        exception);
    return Response.resume();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    skips.skipped(
        RecordSkips.UNSERIALIZABLE,
        context,
        "an output to " + record.topic() + " (its " + origin.name().toLowerCase(Locale.ROOT) + ")",
        exception);
    return Response.resume();
  }
}
