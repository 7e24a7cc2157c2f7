package io.ecostream.streams.air;

import io.ecostream.avro.internal.StationRecentHoursState;
import io.ecostream.domain.stats.RecentHours;
import java.nio.ByteBuffer;

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

  static RecentHours decode(StationRecentHoursState state) {
    if (state == null) {
      return RecentHours.empty();
    }
    ByteBuffer slots = state.getSlots().duplicate();
    long[] hours = new long[RecentHours.CAPACITY];
    long[] revisions = new long[RecentHours.CAPACITY];
    double[] values = new double[RecentHours.CAPACITY * RecentHours.POLLUTANTS];
    for (int slot = 0; slot < RecentHours.CAPACITY; slot++) {
      hours[slot] = slots.getLong();
      revisions[slot] = slots.getLong();
      for (int p = 0; p < RecentHours.POLLUTANTS; p++) {
        values[slot * RecentHours.POLLUTANTS + p] = slots.getDouble();
      }
    }
    return RecentHours.of(hours, revisions, values);
  }
}
