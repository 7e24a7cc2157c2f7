package io.ecostream.streams.air;

import io.ecostream.avro.internal.StationRecentHoursState;
import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** {@link RecentHours} in the store as packed slots (see {@code StationRecentHoursState.avsc}). */
final class RecentHoursCodec {

  /** A slot of the 48-hour ring, before the flags were stored: no flags. */
  private static final int SLOT_BYTES = 2 * Long.BYTES + RecentHours.POLLUTANTS * Double.BYTES;

  /** A slot with its quality flags (one byte per value). */
  private static final int FLAGGED_SLOT_BYTES = SLOT_BYTES + RecentHours.POLLUTANTS;

  private RecentHoursCodec() {}

  static StationRecentHoursState encode(RecentHours ring) {
    ByteBuffer slots = ByteBuffer.allocate(RecentHours.CAPACITY * FLAGGED_SLOT_BYTES);
    long[] hours = ring.hours();
    long[] revisions = ring.revisions();
    double[] values = ring.values();
    byte[] flags = ring.flags();
    for (int slot = 0; slot < RecentHours.CAPACITY; slot++) {
      slots.putLong(hours[slot]).putLong(revisions[slot]);
      for (int p = 0; p < RecentHours.POLLUTANTS; p++) {
        slots.putDouble(values[slot * RecentHours.POLLUTANTS + p]);
      }
      slots.put(flags, slot * RecentHours.POLLUTANTS, RecentHours.POLLUTANTS);
    }
    return new StationRecentHoursState(slots.flip());
  }

  /**
   * The ring of a stored state. A state of the 48-hour ring without flags is read slot by slot, each
   * hour into its slot of the current ring, and flagged again, so that an upgrade needs no reset.
   */
  static RecentHours decode(StationRecentHoursState state, QualityRules rules) {
    if (state == null) {
      return RecentHours.empty(rules);
    }
    ByteBuffer slots = state.getSlots().duplicate();
    if (slots.remaining() == RecentHours.CAPACITY * FLAGGED_SLOT_BYTES) {
      return decodeFlagged(slots, rules);
    }
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

  private static RecentHours decodeFlagged(ByteBuffer slots, QualityRules rules) {
    long[] hours = new long[RecentHours.CAPACITY];
    long[] revisions = new long[RecentHours.CAPACITY];
    double[] values = new double[RecentHours.CAPACITY * RecentHours.POLLUTANTS];
    byte[] flags = new byte[RecentHours.CAPACITY * RecentHours.POLLUTANTS];
    for (int slot = 0; slot < RecentHours.CAPACITY; slot++) {
      hours[slot] = slots.getLong();
      revisions[slot] = slots.getLong();
      for (int p = 0; p < RecentHours.POLLUTANTS; p++) {
        values[slot * RecentHours.POLLUTANTS + p] = slots.getDouble();
      }
      slots.get(flags, slot * RecentHours.POLLUTANTS, RecentHours.POLLUTANTS);
    }
    return RecentHours.of(hours, revisions, values, flags, rules);
  }
}
