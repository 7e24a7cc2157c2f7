package io.ecostream.streams.intake;

import io.ecostream.avro.AirReading;
import io.ecostream.streams.config.AirQualitySettings;
import io.ecostream.streams.metrics.PipelineMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Dead-letters air readings that arrive too late or are stamped in the future, by event time.
 *
 * <p>Event time is the newest hour accepted on the reading's input partition (the watermark, kept
 * in a store so that a restart resumes it). A reading more than the grace behind it is {@code
 * late}: the city's day has closed. A reading stamped further ahead of the wall clock than the
 * margin is {@code future} and never moves the watermark, so a station whose clock runs fast cannot
 * make every other station's readings late. Because the watermark depends only on the order of the
 * partition, a replay at any speed dead-letters the same readings as the live run did.
 */
public final class AirArrivalCheck
    implements FixedKeyProcessor<String, AirReading, Intake<AirReading>> {

  private static final long HOUR_MILLIS = 3_600_000L;
  private static final long NONE = Long.MIN_VALUE;

  private final String storeName;
  private final AirQualitySettings settings;
  private final Serializer<AirReading> serializer;
  private final PipelineMetrics metrics;
  private FixedKeyProcessorContext<String, Intake<AirReading>> context;
  private KeyValueStore<String, Long> watermarks;
  private String partitionKey;
  private long watermark = NONE;

  public AirArrivalCheck(
      String storeName,
      AirQualitySettings settings,
      Serializer<AirReading> serializer,
      PipelineMetrics metrics) {
    this.storeName = storeName;
    this.settings = settings;
    this.serializer = serializer;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Intake<AirReading>> context) {
    this.context = context;
    this.watermarks = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, AirReading> record) {
    AirReading reading = record.value();
    long hour = Math.floorDiv(reading.getHourStart().toEpochMilli(), HOUR_MILLIS);
    Optional<Rejection> rejection = check(reading, hour);
    if (rejection.isPresent()) {
      metrics.deadLetter(rejection.get().reason().code());
      byte[] bytes = serializer.serialize(context.recordMetadata().map(RecordMetadata::topic).orElse(""), reading);
      context.forward(
          record.withValue(Intake.rejected(DeadLetters.of(context, record, bytes, rejection.get()))));
      return;
    }
    if (hour > watermark) {
      watermark = hour;
      watermarks.put(partitionKey, hour);
    }
    context.forward(record.withValue(Intake.accepted(reading)));
  }

  private Optional<Rejection> check(AirReading reading, long hour) {
    Optional<Duration> margin = settings.futureMargin();
    long now = context.currentSystemTimeMs();
    if (margin.isPresent() && reading.getHourStart().toEpochMilli() > now + margin.get().toMillis()) {
      return Optional.of(
          Rejection.future(
              "hourStart " + reading.getHourStart() + " is ahead of the wall clock "
                  + Instant.ofEpochMilli(now) + " by more than " + margin.get().toMinutes()
                  + " min"));
    }
    loadWatermark();
    if (watermark != NONE && hour < watermark - settings.lateGraceHours()) {
      return Optional.of(
          Rejection.late(
              "hourStart " + reading.getHourStart() + " is " + (watermark - hour)
                  + " h behind the newest accepted hour " + Instant.ofEpochMilli(watermark * HOUR_MILLIS)
                  + " of its partition; the grace is " + settings.lateGraceHours() + " h"));
    }
    return Optional.empty();
  }

  /** The watermark's key in the store: the input partition of the record being processed. */
  public static String watermarkKey(ProcessingContext context) {
    return "partition-" + context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
  }

  private void loadWatermark() {
    if (partitionKey == null) {
      partitionKey = watermarkKey(context);
      Long stored = watermarks.get(partitionKey);
      watermark = stored == null ? NONE : stored;
    }
  }

  @Override
  public void close() {}
}
