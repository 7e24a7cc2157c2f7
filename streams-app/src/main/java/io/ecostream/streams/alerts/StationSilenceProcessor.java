package io.ecostream.streams.alerts;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.internal.StationPresenceState;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.StationSilence;
import io.ecostream.streams.air.HourKeys;
import io.ecostream.streams.intake.AirArrivalCheck;
import io.ecostream.streams.metrics.PipelineMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Station-silent alerts ({@code STATION_SILENT}, RAISED then CLEARED) from the accepted air
 * readings, keyed by station id. The rule is the domain's {@link StationSilence}; event time is the
 * watermark that {@link io.ecostream.streams.intake.AirArrivalCheck} keeps for the same partition,
 * read from its store. Each silence is its own alert, {@code station-silent@<station>[@<pollutant>]@
 * <first silent local hour>}, so the compacted alerts topic keeps every outage with its end.
 */
public final class StationSilenceProcessor implements Processor<String, AirReading, String, Alert> {

  public static final String TYPE = "STATION_SILENT";
  private static final long HOUR_MILLIS = 3_600_000L;
  private static final Pollutant[] POLLUTANTS = Pollutant.values();

  private final String presenceStore;
  private final String watermarkStore;
  private final int silentHours;
  private final ZoneId zone;
  private final PipelineMetrics metrics;
  private final boolean[] present = new boolean[POLLUTANTS.length];
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, StationPresenceState> presence;
  private KeyValueStore<String, Long> watermarks;
  private long checkedWatermark = StationSilence.NONE;
  private String partitionKey;

  public StationSilenceProcessor(
      String presenceStore,
      String watermarkStore,
      long silentHours,
      ZoneId zone,
      PipelineMetrics metrics) {
    this.presenceStore = presenceStore;
    this.watermarkStore = watermarkStore;
    this.silentHours = Math.toIntExact(silentHours);
    this.zone = zone;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.presence = context.getStateStore(presenceStore);
    this.watermarks = context.getStateStore(watermarkStore);
  }

  @Override
  public void process(Record<String, AirReading> record) {
    AirReading reading = record.value();
    String station = reading.getStationId();
    StationPresenceState stored = presence.get(station);
    StationSilence silence = stored == null ? StationSilence.never() : decode(stored);
    long hour = Math.floorDiv(reading.getHourStart().toEpochMilli(), HOUR_MILLIS);
    silence.report(hour, present(reading), silentHours, new Emitter(record, station, reading.getCityId()));
    presence.put(station, encode(reading.getCityId(), silence));
    checkWatermark(record);
  }

  /** Once per new watermark: the stations of this partition that it leaves silent. */
  private void checkWatermark(Record<String, AirReading> record) {
    if (partitionKey == null) {
      partitionKey = AirArrivalCheck.watermarkKey(context);
    }
    Long watermark = watermarks.get(partitionKey);
    if (watermark == null || watermark <= checkedWatermark) {
      return;
    }
    checkedWatermark = watermark;
    List<KeyValue<String, StationPresenceState>> changed = new ArrayList<>();
    try (KeyValueIterator<String, StationPresenceState> all = presence.all()) {
      while (all.hasNext()) {
        KeyValue<String, StationPresenceState> entry = all.next();
        StationSilence silence = decode(entry.value);
        long before = silence.silentSince();
        silence.check(
            watermark, silentHours, new Emitter(record, entry.key, entry.value.getCityId()));
        if (silence.silentSince() != before) {
          changed.add(KeyValue.pair(entry.key, encode(entry.value.getCityId(), silence)));
        }
      }
    }
    presence.putAll(changed);
  }

  private boolean[] present(AirReading reading) {
    present[Pollutant.SO2.ordinal()] = reading.getSo2() != null;
    present[Pollutant.NO2.ordinal()] = reading.getNo2() != null;
    present[Pollutant.PM10.ordinal()] = reading.getPm10() != null;
    present[Pollutant.PM2_5.ordinal()] = reading.getPm25() != null;
    present[Pollutant.CO.ordinal()] = reading.getCo() != null;
    present[Pollutant.O3.ordinal()] = reading.getO3() != null;
    return present;
  }

  private static StationSilence decode(StationPresenceState state) {
    return StationSilence.of(
        state.getLastHour(),
        toArray(state.getPollutantLastHours()),
        state.getSilentSince(),
        toArray(state.getPollutantSilentSince()));
  }

  private static StationPresenceState encode(String cityId, StationSilence silence) {
    return new StationPresenceState(
        cityId,
        silence.lastHour(),
        toList(silence.pollutantLastHours()),
        silence.silentSince(),
        toList(silence.pollutantSilentSince()));
  }

  private static long[] toArray(List<Long> hours) {
    long[] array = new long[hours.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = hours.get(i);
    }
    return array;
  }

  private static List<Long> toList(long[] hours) {
    List<Long> list = new ArrayList<>(hours.length);
    for (long hour : hours) {
      list.add(hour);
    }
    return list;
  }

  /** Turns the domain's events into alert records. */
  private final class Emitter implements StationSilence.Events {
    private final Record<String, AirReading> record;
    private final String station;
    private final String cityId;

    Emitter(Record<String, AirReading> record, String station, String cityId) {
      this.record = record;
      this.station = station;
      this.cityId = cityId;
    }

    @Override
    public void raised(Pollutant pollutant, long since, long hours) {
      metrics.stationSilent(pollutant == null ? "station" : pollutant.label());
      emit(pollutant, since, AlertStatus.RAISED, since + hours - 1, hours,
          what(pollutant) + " silent since " + local(since) + ": no " + (pollutant == null ? "reading" : "value")
              + " for " + hours + " h");
    }

    @Override
    public void cleared(Pollutant pollutant, long since, long hour) {
      emit(pollutant, since, AlertStatus.CLEARED, hour, hour - since,
          what(pollutant) + " reporting again at " + local(hour) + " after " + (hour - since)
              + " silent h (since " + local(since) + ")");
    }

    private void emit(
        Pollutant pollutant, long since, AlertStatus status, long eventHour, long hours, String message) {
      String id =
          "station-silent@" + station + (pollutant == null ? "" : "@" + pollutant.label()) + "@"
              + local(since);
      Alert alert =
          Alert.newBuilder()
              .setAlertId(id)
              .setType(TYPE)
              .setStatus(status)
              .setCityId(cityId)
              .setStationId(station)
              .setDate(LocalDate.ofInstant(instant(since), zone))
              .setValue((double) hours)
              .setMessage(message)
              .setEventTime(instant(eventHour))
              .build();
      context.forward(record.withKey(id).withValue(alert).withTimestamp(instant(eventHour).toEpochMilli()));
    }

    private String what(Pollutant pollutant) {
      return (pollutant == null ? "" : pollutant.label() + " of ") + "station " + station + " (" + cityId + ")";
    }
  }

  private String local(long hour) {
    return HourKeys.localHour(instant(hour), zone);
  }

  private static Instant instant(long hour) {
    return Instant.ofEpochMilli(hour * HOUR_MILLIS);
  }
}
