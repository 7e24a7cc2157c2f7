package io.ecostream.producer.replay;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.ReadingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the replay needs to know of one kind of record: its event time, its station, how it is
 * handed to the sink, and when it is known.
 *
 * @param noun what the summary calls the records: readings, samples
 * @param knownAfter how long after its event time a record is known, so that paced replay hands it
 *     over then: an hourly air mean once its hour has ended (1 h after {@code hourStart}); a water
 *     sample is an instant, known at {@code sampledAt}. For a kind that mixes records, the
 *     shortest.
 * @param knownAfterOf the same for one record: the kind of a mixed format asks the record
 */
public record RecordKind<T>(
    String noun,
    Function<T, Instant> eventTime,
    Function<T, String> stationId,
    BiConsumer<ReadingSink, T> send,
    Duration knownAfter,
    Function<T, Duration> knownAfterOf) {

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

  /**
   * Air readings and water samples in one stream (ndjson recordings of both input topics): each
   * record is timed and sent as its own kind is.
   */
  public static final RecordKind<SpecificRecord> INPUT_RECORD =
      new RecordKind<>(
          "records",
          r -> dispatch(r, AIR_READING.eventTime(), WATER_SAMPLE.eventTime()),
          r -> dispatch(r, AIR_READING.stationId(), WATER_SAMPLE.stationId()),
          RecordKind::sendInput,
          WATER_SAMPLE.knownAfter(),
          r -> dispatch(r, a -> AIR_READING.knownAfter(), w -> WATER_SAMPLE.knownAfter()));

  /** A kind whose records are all known the same time after their event time. */
  public RecordKind(
      String noun,
      Function<T, Instant> eventTime,
      Function<T, String> stationId,
      BiConsumer<ReadingSink, T> send,
      Duration knownAfter) {
    this(noun, eventTime, stationId, send, knownAfter, record -> knownAfter);
  }

  /** When the record is known: the end of its hour, or the sample's instant. */
  public Instant knownAt(T record) {
    return eventTime.apply(record).plus(knownAfterOf.apply(record));
  }

  @Override
  public String toString() {
    return noun;
  }

  private static <R> R dispatch(
      SpecificRecord record, Function<AirReading, R> air, Function<WaterSample, R> water) {
    if (record instanceof AirReading reading) {
      return air.apply(reading);
    }
    if (record instanceof WaterSample sample) {
      return water.apply(sample);
    }
    throw new IllegalArgumentException("not an input record: " + record.getSchema().getName());
  }

  private static void sendInput(ReadingSink sink, SpecificRecord record) {
    if (record instanceof AirReading reading) {
      sink.air(reading);
    } else if (record instanceof WaterSample sample) {
      sink.water(sample);
    } else {
      throw new IllegalArgumentException("not an input record: " + record.getSchema().getName());
    }
  }
}
