package io.ecostream.streams.air;

import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.streams.state.WriteAtCommitStore;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The stations' recent hours ({@link RecentHours}) of one task: live objects in memory, written
 * through to the store in chunks of six hours, so that a reading re-encodes the one chunk it
 * changed (about 400 bytes) rather than the whole 96-hour ring, and never decodes anything while
 * its station's ring is in memory. Six hours: a commit writes each chunk a live station changed, so
 * smaller chunks mean shorter commits (lower latency); much smaller ones cost throughput in records
 * (measured with 2, 6 and 24 hours, docs/performance.md).
 *
 * <p>Keys are {@code stationId@<slot>}, the chunk's number ({@code hour / 6} of the ring's epoch
 * hours) modulo the {@value #SLOTS} chunks a ring can span, and each value begins with the chunk's
 * number: a new chunk overwrites the one the ring left in its slot, and a read skips a slot whose
 * chunk is not the one it asks for. So a station holds at most {@value #SLOTS} keys and a moving
 * ring never deletes: a delete cost Kafka Streams' store a read, a tombstone and a changelog record
 * (twice a put's time in the stream thread's profile, docs/performance.md).
 *
 * <p>The memory is a cache of the store, never ahead of it: every change is written before the
 * record that made it is done, so whatever Kafka Streams commits, crashes or restores, the store
 * holds the ring. Cleared when the processor is (re)initialised.
 */
final class StationRings {

  static final int CHUNK_HOURS = 6;
  private static final int POLLUTANTS = RecentHours.POLLUTANTS;
  private static final int SLOT_BYTES =
      Long.BYTES + Integer.BYTES + POLLUTANTS * (Double.BYTES + 1);

  /** The most chunks a ring's hours fall in: its 96 hours when the newest does not end a chunk. */
  private static final int SLOTS = RecentHours.CAPACITY / CHUNK_HOURS + 1;

  private final WriteAtCommitStore<byte[]> chunks;
  private final QualityRules rules;
  private final Map<String, Live> rings = new HashMap<>();

  /**
   * A station's ring with the chunks to write at the next commit: what {@link #get} hands out, for
   * {@link #write} to take back without a lookup.
   */
  static final class Live extends WriteAtCommitStore.LiveValue<byte[]> {
    private static final long NONE = Long.MIN_VALUE;

    final String station;
    final RecentHours ring;
    long firstWritten = NONE;
    long lastWritten = NONE;

    Live(String station, RecentHours ring) {
      this.station = station;
      this.ring = ring;
    }

    RecentHours ring() {
      return ring;
    }

    void written(long firstChunk, long lastChunk) {
      firstWritten = firstWritten == NONE ? firstChunk : Math.min(firstWritten, firstChunk);
      lastWritten = lastWritten == NONE ? lastChunk : Math.max(lastWritten, lastChunk);
    }

    /**
     * The chunks changed since the last commit that the ring still reaches, as the ring is now; a
     * chunk it moved past stays in its slot until a newer one takes it.
     */
    @Override
    protected void write(WriteAtCommitStore.Writes<byte[]> writes) {
      if (firstWritten != NONE) {
        long outside = lastOutside(ring.newest());
        for (long chunk = Math.max(firstWritten, outside + 1); chunk <= lastWritten; chunk++) {
          writes.put(key(station, chunk), encode(ring, chunk));
        }
      }
      firstWritten = lastWritten = NONE;
    }
  }

  StationRings(WriteAtCommitStore<byte[]> chunks, QualityRules rules) {
    this.chunks = chunks;
    this.rules = rules;
  }

  /**
   * The station's ring, read from the store the first time.
   *
   * @param newestHour the newest hour the station reported (its presence), {@link
   *     RecentHours#NO_HOUR} when none
   */
  Live get(String station, LongSupplier newestHour) {
    Live ring = rings.get(station);
    if (ring == null) {
      ring = new Live(station, read(chunks, station, newestHour.getAsLong(), rules));
      rings.put(station, ring);
    }
    return ring;
  }

  /** Writes the chunks holding the hours {@code from … to} at the next commit. */
  void write(Live live, long from, long to) {
    live.written(chunk(from), chunk(to));
    chunks.changed(live);
  }

  void clear() {
    rings.clear();
  }

  /** The last chunk whose hours are all older than the ring of this newest hour reaches. */
  private static long lastOutside(long newest) {
    return Math.floorDiv(newest - RecentHours.CAPACITY - (CHUNK_HOURS - 1), CHUNK_HOURS);
  }

  /**
   * A station's ring as the store holds it: the live ring of a task, or its last commit read by a
   * query.
   */
  static RecentHours read(
      ReadOnlyKeyValueStore<String, byte[]> chunks,
      String station,
      long newestHour,
      QualityRules rules) {
    long[] hours = new long[RecentHours.CAPACITY];
    Arrays.fill(hours, RecentHours.NO_HOUR);
    long[] revisions = new long[RecentHours.CAPACITY];
    int[] changes = new int[RecentHours.CAPACITY];
    double[] values = new double[RecentHours.CAPACITY * POLLUTANTS];
    Arrays.fill(values, Double.NaN);
    byte[] flags = new byte[RecentHours.CAPACITY * POLLUTANTS];
    if (newestHour != RecentHours.NO_HOUR) {
      long oldest = newestHour - RecentHours.CAPACITY + 1;
      for (long chunk = chunk(oldest); chunk <= chunk(newestHour); chunk++) {
        byte[] bytes = chunks.get(key(station, chunk));
        if (bytes == null) {
          continue;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getLong() == chunk) {
          decode(in, chunk, oldest, hours, revisions, changes, values, flags);
        }
      }
    }
    return RecentHours.of(hours, revisions, changes, values, flags, rules);
  }

  /**
   * The chunk's number, a presence mask of its hours, then per held hour: revision, changes,
   * values, flags.
   */
  private static byte[] encode(RecentHours ring, long chunk) {
    int mask = 0;
    int held = 0;
    for (int i = 0; i < CHUNK_HOURS; i++) {
      if (ring.holds(chunk * CHUNK_HOURS + i)) {
        mask |= 1 << i;
        held++;
      }
    }
    ByteBuffer out = ByteBuffer.allocate(Long.BYTES + Integer.BYTES + held * SLOT_BYTES);
    out.putLong(chunk).putInt(mask);
    double[] values = ring.values();
    byte[] flags = ring.flags();
    for (int i = 0; i < CHUNK_HOURS; i++) {
      if ((mask & (1 << i)) == 0) {
        continue;
      }
      long hour = chunk * CHUNK_HOURS + i;
      int slot = slot(hour);
      out.putLong(ring.revision(hour)).putInt(ring.changes(hour));
      for (int p = 0; p < POLLUTANTS; p++) {
        out.putDouble(values[slot * POLLUTANTS + p]);
      }
      out.put(flags, slot * POLLUTANTS, POLLUTANTS);
    }
    return out.array();
  }

  private static void decode(
      ByteBuffer in,
      long chunk,
      long oldest,
      long[] hours,
      long[] revisions,
      int[] changes,
      double[] values,
      byte[] flags) {
    int mask = in.getInt();
    for (int i = 0; i < CHUNK_HOURS; i++) {
      if ((mask & (1 << i)) == 0) {
        continue;
      }
      long hour = chunk * CHUNK_HOURS + i;
      long revision = in.getLong();
      int changed = in.getInt();
      if (hour < oldest) {
        in.position(in.position() + POLLUTANTS * (Double.BYTES + 1));
        continue;
      }
      int slot = slot(hour);
      hours[slot] = hour;
      revisions[slot] = revision;
      changes[slot] = changed;
      for (int p = 0; p < POLLUTANTS; p++) {
        values[slot * POLLUTANTS + p] = in.getDouble();
      }
      in.get(flags, slot * POLLUTANTS, POLLUTANTS);
    }
  }

  static long chunk(long hour) {
    return Math.floorDiv(hour, CHUNK_HOURS);
  }

  private static int slot(long hour) {
    return (int) Math.floorMod(hour, (long) RecentHours.CAPACITY);
  }

  /** The key of the chunk's slot. */
  private static String key(String station, long chunk) {
    return station + "@" + Math.floorMod(chunk, (long) SLOTS);
  }
}
