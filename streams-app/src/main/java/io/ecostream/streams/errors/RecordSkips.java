package io.ecostream.streams.errors;

import io.ecostream.streams.metrics.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the exception handlers share: which errors belong to one record (skip it, count it, log it,
 * go on) and which do not (fail, as before), the counter, and a log that cannot flood.
 *
 * <p>An error of one record is one that the same record would meet again at every retry and
 * restart, so failing on it stops the pipeline for good: a record too large to send, one that
 * cannot be serialized or deserialized, or an exception of the pipeline's own code on one record (a
 * {@link RuntimeException} that is not a Kafka error). Everything else (fenced, authorization,
 * timeouts, state stores, an {@link Error}) fails the thread as Kafka Streams' defaults do.
 */
public final class RecordSkips {

  /**
   * The {@link PipelineMetrics} to count skips in, put in the streams properties as an object (the
   * handlers are created by Kafka Streams from their class name); without it they count in a
   * registry of their own.
   */
  public static final String METRICS_CONFIG = "ecostream.pipeline.metrics";

  /** Skip reasons, the {@code reason} tag of {@code ecostream_records_skipped_total}. */
  public static final String TOO_LARGE = "too-large";

  public static final String UNSERIALIZABLE = "unserializable";
  public static final String UNDESERIALIZABLE = "undeserializable";
  public static final String PROCESSING_ERROR = "processing-error";

  /** At most this many skip lines per minute and handler; the rest are counted in the next line. */
  static final int LINES_PER_MINUTE = 20;

  private static final Logger LOG = LoggerFactory.getLogger(RecordSkips.class);
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final PipelineMetrics metrics;
  private long windowStart = System.nanoTime();
  private int linesInWindow;
  private long unlogged;

  RecordSkips(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  static RecordSkips configured(Map<String, ?> configs) {
    Object metrics = configs.get(METRICS_CONFIG);
    return new RecordSkips(
        metrics instanceof PipelineMetrics given
            ? given
            : new PipelineMetrics(new SimpleMeterRegistry()));
  }

  /** Whether a failure to send is the record's own: too large, or not serializable. */
  static boolean isRecordLevelSendError(Exception exception) {
    return exception instanceof RecordTooLargeException
        || exception instanceof SerializationException;
  }

  /** Whether an exception of a processor is the record's own rather than Kafka's or the JVM's. */
  static boolean isRecordLevelProcessingError(Exception exception) {
    return exception instanceof SerializationException || !(exception instanceof KafkaException);
  }

  /** Counts the skip and logs it, unless this minute's lines are used up. */
  void skipped(String reason, ErrorHandlerContext context, String what, Exception exception) {
    metrics.recordSkipped(reason);
    String line;
    synchronized (this) {
      long now = System.nanoTime();
      if (now - windowStart >= MINUTE_NANOS) {
        windowStart = now;
        linesInWindow = 0;
      }
      if (linesInWindow >= LINES_PER_MINUTE) {
        unlogged++;
        return;
      }
      linesInWindow++;
      line =
          String.format(
              "skipped %s of %s/%d/%d at %s (%s): %s%s",
              what,
              context.topic(),
              context.partition(),
              context.offset(),
              context.processorNodeId(),
              reason,
              exception,
              unlogged == 0
                  ? ""
                  : "; "
                      + unlogged
                      + " more skipped unlogged before it (at most "
                      + LINES_PER_MINUTE
                      + " lines a minute)");
      unlogged = 0;
    }
    LOG.warn(line);
  }
}
