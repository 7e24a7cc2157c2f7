package io.ecostream.streams.intake;

import io.ecostream.avro.AirReading;
import io.ecostream.streams.config.AirQualitySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which air readings arrive too late or are stamped in the future, by event time.
 *
 * <p>Event time is the newest hour accepted in the task's input partition (the watermark, kept in a
 * store, so that it moves with the committed offsets: a reading processed again after a crash meets
 * the watermark it met the first time). A reading more than the grace behind it is {@code late}:
 * its city's days have closed. A reading stamped further ahead of the wall clock than the margin is
 * {@code future} and never moves the watermark, so a station whose clock runs fast cannot make
 * every other station's readings late. Because the watermark depends only on the order of the
 * partition, a replay at any speed sets aside the same readings as the live run did.
 */
public final class ArrivalCheck {

  private static final long HOUR_MILLIS = 3_600_000L;
  private static final long NONE = Long.MIN_VALUE;

  private final KeyValueStore<String, Long> watermarks;
  private final String key;
  private final AirQualitySettings settings;
  private long watermark;

  /**
   * @param partition the task's input partition, whose watermark this is
   */
  public ArrivalCheck(
      KeyValueStore<String, Long> watermarks, int partition, AirQualitySettings settings) {
    this.watermarks = watermarks;
    this.key = "partition-" + partition;
    this.settings = settings;
    Long stored = watermarks.get(key);
    this.watermark = stored == null ? NONE : stored;
  }

  /** Why the reading cannot be taken in, if it cannot. */
  public Optional<Rejection> check(AirReading reading, long hour, long nowMillis) {
    Optional<Duration> margin = settings.futureMargin();
    if (margin.isPresent()
        && reading.getHourStart().toEpochMilli() > nowMillis + margin.get().toMillis()) {
      return Optional.of(
          Rejection.future(
              "hourStart "
                  + reading.getHourStart()
                  + " is ahead of the wall clock "
                  + Instant.ofEpochMilli(nowMillis)
                  + " by more than "
                  + margin.get().toMinutes()
                  + " min"));
    }
    if (watermark != NONE && hour < watermark - settings.lateGraceHours()) {
      return Optional.of(
          Rejection.late(
              "hourStart "
                  + reading.getHourStart()
                  + " is "
                  + (watermark - hour)
                  + " h behind the newest accepted hour "
                  + Instant.ofEpochMilli(watermark * HOUR_MILLIS)
                  + " of its partition; the grace is "
                  + settings.lateGraceHours()
                  + " h"));
    }
    return Optional.empty();
  }

  /** Takes in an accepted reading's hour; true when it moved the watermark on. */
  public boolean accept(long hour) {
    if (watermark != NONE && hour <= watermark) {
      return false;
    }
    watermark = hour;
    watermarks.put(key, hour);
    return true;
  }

  /** The newest accepted hour of the partition. */
  public long watermark() {
    return watermark;
  }
}
