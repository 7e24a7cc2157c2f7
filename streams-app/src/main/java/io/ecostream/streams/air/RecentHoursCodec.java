package io.ecostream.streams.air;

import io.ecostream.avro.internal.StationRecentHoursState;
import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** {@link RecentHours} in the store as packed slots (see {@code StationRecentHoursState.avsc}). */
final class RecentHoursCodec {

  private static final int SLOT_BYTES = 2 * Long.BYTES + RecentHours.POLLUTANTS * Double.BYTES;

  private RecentHoursCodec() {}

  static StationRecentHoursState encode(RecentHours ring) {
    ByteBuffer slots = ByteBuffer.allocate(RecentHours.CAPACITY * SLOT_BYTES);
    long[] hours = ring.hours();
    long[] revisions = ring.revisions();
    double[] values = ring.values();
    for (int slot = 0; slot < RecentHours.CAPACITY; slot++) {
      slots.putLong(hours[slot]).putLong(revisions[slot]);
      for (int p = 0; p < RecentHours.POLLUTANTS; p++) {
        slots.putDouble(values[slot * RecentHours.POLLUTANTS + p]);
      }
    }
    return new StationRecentHoursState(slots.flip());
  }

  /**
   * The ring of a stored state. A state written with another ring size (the ring grew from 48 to 96
   * hours) is read slot by slot, each hour into its slot of the current ring, so that an upgrade
   * needs no reset.
   */
  static RecentHours decode(StationRecentHoursState state, QualityRules rules) {
    if (state == null) {
      return RecentHours.empty(rules);
    }
    ByteBuffer slots = state.getSlots().duplicate();
    int stored = slots.remaining() / SLOT_BYTES;
    long[] hours = new long[RecentHours.CAPACITY];
    Arrays.fill(hours, RecentHours.NO_HOUR);
    long[] revisions = new long[RecentHours.CAPACITY];
    double[] values = new double[RecentHours.CAPACITY * RecentHours.POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    long newest = RecentHours.NO_HOUR;
    for (int i = 0; i < stored; i++) {
      newest = Math.max(newest, slots.getLong(i * SLOT_BYTES));
    }
    for (int i = 0; i < stored; i++) {
      long hour = slots.getLong();
      long revision = slots.getLong();
      boolean kept = hour != RecentHours.NO_HOUR && hour > newest - RecentHours.CAPACITY;
      int slot = kept ? (int) Math.floorMod(hour, (long) RecentHours.CAPACITY) : 0;
      if (kept) {
        hours[slot] = hour;
        revisions[slot] = revision;
      }
      for (int p = 0; p < RecentHours.POLLUTANTS; p++) {
        double value = slots.getDouble();
        if (kept) {
          values[slot * RecentHours.POLLUTANTS + p] = value;
        }
      }
    }
    return RecentHours.of(hours, revisions, values, rules);
  }
}
