package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.ReadingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the replay needs to know of one kind of record: its event time, its station, how it is
 * handed to the sink, and when it is known.
 *
 * @param noun what the summary calls the records: readings, samples
 * @param knownAfter how long after its event time a record is known, so that paced replay hands it
 *     over then: an hourly air mean once its hour has ended (1 h after {@code hourStart}); a water
 *     sample is an instant, known at {@code sampledAt}
 */
public record RecordKind<T>(
    String noun,
    Function<T, Instant> eventTime,
    Function<T, String> stationId,
    BiConsumer<ReadingSink, T> send,
    Duration knownAfter) {

  public static final RecordKind<AirReading> AIR_READING =
      new RecordKind<>(
          "readings",
          AirReading::getHourStart,
          AirReading::getStationId,
          ReadingSink::air,
          Duration.ofHours(1));

  public static final RecordKind<WaterSample> WATER_SAMPLE =
      new RecordKind<>(
          "samples",
          WaterSample::getSampledAt,
          WaterSample::getStationId,
          ReadingSink::water,
          Duration.ZERO);

  @Override
  public String toString() {
    return noun;
  }
}
