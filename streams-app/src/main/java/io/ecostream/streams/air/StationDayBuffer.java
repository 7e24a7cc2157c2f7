package io.ecostream.streams.air;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.domain.stats.StationDay;
import io.ecostream.domain.stats.StationDayTally;

/**
 * One station's hours of a day of 24 whole hours in the {@link StationDay} layout, kept from one of
 * the day's figures to the next. A city's open day is judged about once per hour of data, and
 * between two judgements a station's ring changes one hour or a few: so a refill reads again only
 * the hours whose usable values changed, which the ring's count of changes per hour tells ({@link
 * RecentHours#heldChanges}: it moves whenever the hour's usable values do, by a reading or by a
 * neighbour's quality flags, and when the hour enters or leaves the ring), instead of the day's 144
 * values; and the day's tallies take a new hour as an addition ({@link StationDayTally}).
 */
final class StationDayBuffer {

  private static final Pollutant[] POLLUTANTS = Pollutant.values();

  private final StationDayTally day = new StationDayTally();

  /** Per slot, the ring's {@link RecentHours#heldChanges} when it was filled. */
  private final int[] filled = new int[StationDay.HOURS];

  private RecentHours ring;
  private long first = RecentHours.NO_HOUR;
  private long revision;
  private int heldHours;

  /**
   * The day whose first hour (counted from the epoch) is {@code first}, from the ring.
   *
   * @param current scratch of {@link StationDay#HOURS} slots for the ring's changes now, the
   *     caller's for all its buffers: one station's own would be out of the caches by its next hour
   */
  void fill(RecentHours ring, long first, int[] current) {
    boolean everySlot = ring != this.ring || first != this.first;
    // A buffer never filled is empty already: the processor takes a new one for each new day.
    if (everySlot && this.ring != null) {
      day.clear();
    }
    this.ring = ring;
    this.first = first;
    ring.heldChanges(first, current);
    long changes = 0;
    int held = 0;
    for (int slot = 0; slot < StationDay.HOURS; slot++) {
      int now = current[slot];
      if (everySlot || filled[slot] != now) {
        filled[slot] = now;
        long hour = first + slot;
        for (Pollutant pollutant : POLLUTANTS) {
          day.set(slot, pollutant, now > 0 ? ring.value(hour, pollutant) : Double.NaN);
        }
      }
      if (now > 0) {
        changes += now - 1;
        held++;
      }
    }
    this.revision = changes;
    this.heldHours = held;
  }

  /** The first hour of the day last filled, {@link RecentHours#NO_HOUR} before the first fill. */
  long first() {
    return first;
  }

  /** The day's values with their tallies; the buffer's own, not a copy. */
  StationDayTally day() {
    return day;
  }

  /** Whether the ring held any hour of the day. */
  boolean holdsAny() {
    return heldHours > 0;
  }

  /** The day's share of its figure's revision: the changes of its hours, summed. */
  long revision() {
    return revision;
  }
}
