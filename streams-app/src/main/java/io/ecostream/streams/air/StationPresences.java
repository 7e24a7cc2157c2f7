package io.ecostream.streams.air;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.StationSilence;
import io.ecostream.streams.state.WriteAtCommitStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * When each station of the task, and each of its pollutants, last reported, and which silences are
 * open ({@link StationSilence}): all of them in memory, since every new event time checks every
 * station, written through to the store in a fixed 120-odd-byte layout on every change. Loaded
 * whole when the processor is initialised; it also tells which stations each city has and how far
 * each got.
 */
final class StationPresences {

  private static final int POLLUTANTS = Pollutant.values().length;

  /** The stored layout: two hours, two per pollutant, then the city id in UTF-8. */
  private static final int CITY_OFFSET = Long.BYTES * (2 + 2 * POLLUTANTS);

  /** A station's city and silence state, written to the store at the commit after it changed. */
  static final class Presence extends WriteAtCommitStore.LiveValue<byte[]> {
    private final String station;
    private final String cityId;
    private final StationSilence silence;

    Presence(String station, String cityId, StationSilence silence) {
      this.station = station;
      this.cityId = cityId;
      this.silence = silence;
    }

    String cityId() {
      return cityId;
    }

    StationSilence silence() {
      return silence;
    }

    @Override
    protected void write(WriteAtCommitStore.Writes<byte[]> writes) {
      writes.put(station, encode(this));
    }
  }

  /** The alerts of one station's silence changes. */
  interface Alerts {
    StationSilence.Events of(String station, String cityId);
  }

  private final WriteAtCommitStore<byte[]> store;

  /** By id, for the lookup of every reading. */
  private final Map<String, Presence> byId = new HashMap<>();

  /**
   * In id order, for the checks that walk every station, so that their alerts come in one order.
   */
  private final SortedMap<String, Presence> stations = new TreeMap<>();

  StationPresences(WriteAtCommitStore<byte[]> store) {
    this.store = store;
  }

  void load() {
    stations.clear();
    byId.clear();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> entry = all.next();
        add(decode(entry.key, entry.value));
      }
    }
  }

  /** Every station of the task, by id. */
  Map<String, Presence> all() {
    return Collections.unmodifiableSortedMap(stations);
  }

  /** The newest hour the station reported, or {@link StationSilence#NONE}. */
  long lastHour(String station) {
    Presence presence = byId.get(station);
    return presence == null ? StationSilence.NONE : presence.silence().lastHour();
  }

  /**
   * A reading of the station for {@code hour}; {@code present} per pollutant.
   *
   * @param known the station's presence as this method last returned it, or null: spares a lookup
   *     by id per reading
   * @return the station's presence
   */
  Presence report(
      Presence known,
      String station,
      String cityId,
      long hour,
      boolean[] present,
      int silentHours,
      Alerts alerts) {
    Presence presence = known != null ? known : byId.get(station);
    if (presence == null || !presence.cityId().equals(cityId)) {
      presence =
          new Presence(
              station, cityId, presence == null ? StationSilence.never() : presence.silence());
      add(presence);
    }
    presence.silence().report(hour, present, silentHours, alerts.of(station, cityId));
    store.changed(presence);
    return presence;
  }

  /** Event time reached {@code watermark}: raises the silences it reveals. */
  void check(long watermark, int silentHours, Alerts alerts) {
    for (Map.Entry<String, Presence> entry : stations.entrySet()) {
      Presence presence = entry.getValue();
      long before = presence.silence().silentSince();
      presence
          .silence()
          .check(watermark, silentHours, alerts.of(entry.getKey(), presence.cityId()));
      if (presence.silence().silentSince() != before) {
        store.changed(presence);
      }
    }
  }

  private void add(Presence presence) {
    byId.put(presence.station, presence);
    stations.put(presence.station, presence);
  }

  private static byte[] encode(Presence presence) {
    byte[] city = presence.cityId().getBytes(StandardCharsets.UTF_8);
    StationSilence silence = presence.silence();
    ByteBuffer out = ByteBuffer.allocate(CITY_OFFSET + city.length);
    out.putLong(silence.lastHour()).putLong(silence.silentSince());
    for (long hour : silence.pollutantLastHours()) {
      out.putLong(hour);
    }
    for (long hour : silence.pollutantSilentSince()) {
      out.putLong(hour);
    }
    return out.put(city).array();
  }

  /** The city of a stored presence, without decoding the rest. */
  static String cityId(byte[] stored) {
    return new String(stored, CITY_OFFSET, stored.length - CITY_OFFSET, StandardCharsets.UTF_8);
  }

  /** The newest hour of a stored presence, {@link StationSilence#NONE} when none. */
  static long lastHour(byte[] stored) {
    return ByteBuffer.wrap(stored).getLong(0);
  }

  private static Presence decode(String station, byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long lastHour = in.getLong();
    long silentSince = in.getLong();
    long[] pollutantLast = new long[POLLUTANTS];
    long[] pollutantSilentSince = new long[POLLUTANTS];
    for (int p = 0; p < POLLUTANTS; p++) {
      pollutantLast[p] = in.getLong();
    }
    for (int p = 0; p < POLLUTANTS; p++) {
      pollutantSilentSince[p] = in.getLong();
    }
    String city = new String(bytes, in.position(), in.remaining(), StandardCharsets.UTF_8);
    return new Presence(
        station,
        city,
        StationSilence.of(lastHour, pollutantLast, silentSince, pollutantSilentSince));
  }
}
