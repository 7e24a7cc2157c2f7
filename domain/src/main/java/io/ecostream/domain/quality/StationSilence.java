package io.ecostream.domain.quality;

import io.ecostream.domain.air.Pollutant;
import java.util.Arrays;

/**
 * Whether a station, or one pollutant of it, has gone silent, by event time only, so that a replay
 * raises and clears the same alerts as the live run.
 *
 * <p>A station is silent when its newest reading is {@code silentHours} or more behind the event
 * time of its partition (the newest hour any station there reported, {@link #check}); a whole feed
 * that stops moves no event time, so such a silence is raised, and at once cleared, when the
 * station reports again. A pollutant is silent when the station's readings have lacked it for
 * {@code silentHours} hours. A silence clears when a value for an hour at or after its start
 * arrives, late or not.
 *
 * <p>Mutable, one instance per stored station; hours are hours since the epoch.
 */
public final class StationSilence {

  public static final long NONE = Long.MIN_VALUE;

  private static final Pollutant[] POLLUTANTS = Pollutant.values();

  /** What a change of silence tells the caller; {@code pollutant} is null for the whole station. */
  public interface Events {
    /** A silence that started at {@code since}, with no data for {@code hours} hours so far. */
    void raised(Pollutant pollutant, long since, long hours);

    /** The silence that started at {@code since} ended: a value for {@code hour} arrived. */
    void cleared(Pollutant pollutant, long since, long hour);
  }

  private final long[] pollutantLast;
  private final long[] pollutantSilentSince;
  private long lastHour;
  private long silentSince;

  private StationSilence(
      long lastHour, long[] pollutantLast, long silentSince, long[] pollutantSilentSince) {
    this.lastHour = lastHour;
    this.pollutantLast = pollutantLast;
    this.silentSince = silentSince;
    this.pollutantSilentSince = pollutantSilentSince;
  }

  public static StationSilence never() {
    long[] last = new long[POLLUTANTS.length];
    long[] since = new long[POLLUTANTS.length];
    Arrays.fill(last, NONE);
    Arrays.fill(since, NONE);
    return new StationSilence(NONE, last, NONE, since);
  }

  /** The state from its stored fields, which it takes ownership of. */
  public static StationSilence of(
      long lastHour, long[] pollutantLast, long silentSince, long[] pollutantSilentSince) {
    if (pollutantLast.length != POLLUTANTS.length
        || pollutantSilentSince.length != POLLUTANTS.length) {
      throw new IllegalArgumentException("one hour per pollutant expected");
    }
    return new StationSilence(lastHour, pollutantLast, silentSince, pollutantSilentSince);
  }

  /**
   * A reading of the station for {@code hour}.
   *
   * @param present per pollutant in {@link Pollutant} order: whether the reading has a value
   */
  public void report(long hour, boolean[] present, int silentHours, Events events) {
    if (silentSince != NONE && hour >= silentSince) {
      events.cleared(null, silentSince, hour);
      silentSince = NONE;
    } else if (lastHour != NONE && hour - lastHour - 1 >= silentHours) {
      // Silent for long enough, but event time did not move on while it was: tell it now.
      events.raised(null, lastHour + 1, hour - lastHour - 1);
      events.cleared(null, lastHour + 1, hour);
    }
    lastHour = lastHour == NONE ? hour : Math.max(lastHour, hour);
    for (Pollutant pollutant : POLLUTANTS) {
      int p = pollutant.ordinal();
      if (present[p]) {
        if (pollutantSilentSince[p] != NONE && hour >= pollutantSilentSince[p]) {
          events.cleared(pollutant, pollutantSilentSince[p], hour);
          pollutantSilentSince[p] = NONE;
        }
        pollutantLast[p] = pollutantLast[p] == NONE ? hour : Math.max(pollutantLast[p], hour);
      } else if (pollutantLast[p] != NONE
          && pollutantSilentSince[p] == NONE
          && lastHour - pollutantLast[p] >= silentHours) {
        pollutantSilentSince[p] = pollutantLast[p] + 1;
        events.raised(pollutant, pollutantSilentSince[p], lastHour - pollutantLast[p]);
      }
    }
  }

  /** Event time of the station's partition reached {@code watermark}. */
  public void check(long watermark, int silentHours, Events events) {
    if (lastHour != NONE && silentSince == NONE && watermark - lastHour >= silentHours) {
      silentSince = lastHour + 1;
      events.raised(null, silentSince, watermark - lastHour);
    }
  }

  public long lastHour() {
    return lastHour;
  }

  public long silentSince() {
    return silentSince;
  }

  public long[] pollutantLastHours() {
    return pollutantLast;
  }

  public long[] pollutantSilentSince() {
    return pollutantSilentSince;
  }
}
