package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.internal.StationRecentHoursState;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityFlag;
import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.streams.metrics.PipelineMetrics;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each station's recent hours, runs the hourly quality control on them, and publishes the
 * real-time figure of every hour a reading changes: the reading's own hour, the neighbours whose
 * quality flags it changed, and the held hours of the next 23 whose moving means include those
 * (each with a higher revision). Input keyed by station id.
 *
 * <p>Each published hour whose usable values changed also carries them as a {@link
 * StationHour#checked() checked reading} for the daily figures: flagged values are null there, so
 * the day statistics exclude exactly what the real-time figures exclude, whatever the arrival order.
 *
 * <p>A duplicate changes nothing and publishes nothing ({@code ecostream.realtime.skipped}).
 */
public final class StationRealTimeProcessor
    implements Processor<String, AirReading, String, StationRealTimeProcessor.StationHour> {

  /**
   * One published station-hour: its real-time figure, its PM2.5 rolling mean, and its checked
   * values when they changed (else null), for the daily figures.
   */
  public record StationHour(StationHourlyAqi aqi, Pm25Rolling rolling, AirReading checked) {}

  private static final int LATEST_WINDOW_HOURS = 24;
  private static final Pollutant[] POLLUTANTS = Pollutant.values();
  private static final QualityFlag[] FLAGS = QualityFlag.values();

  private final String storeName;
  private final StationHourlyAqiMapper mapper;
  private final QualityRules rules;
  private final PipelineMetrics metrics;
  private final double[] readingValues = new double[RecentHours.POLLUTANTS];
  private final double[] usable = new double[RecentHours.POLLUTANTS];
  private ProcessorContext<String, StationHour> context;
  private KeyValueStore<String, StationRecentHoursState> store;

  public StationRealTimeProcessor(
      String storeName, StationHourlyAqiMapper mapper, QualityRules rules, PipelineMetrics metrics) {
    this.storeName = storeName;
    this.mapper = mapper;
    this.rules = rules;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, StationHour> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, AirReading> record) {
    AirReading reading = record.value();
    if (reading == null) {
      return;
    }
    String station = reading.getStationId();
    RecentHours ring = RecentHoursCodec.decode(store.get(station), rules);
    long hour = StationHourlyAqiMapper.epochHour(reading.getHourStart());
    switch (ring.put(hour, values(reading))) {
      case UNCHANGED -> metrics.realTimeSkipped("duplicate");
      // Cannot happen with an accepted reading: the late grace keeps it well inside the ring
      // (RecentHours#maxGraceHours). Counted, should a future change break that.
      case TOO_OLD -> metrics.realTimeSkipped("outside-window");
      case NEW, CHANGED -> {
        countFlags(ring);
        long last = Math.min(ring.lastChanged() + LATEST_WINDOW_HOURS - 1, ring.newest());
        for (long h = ring.firstChanged(); h <= last; h++) {
          if (ring.holds(h)) {
            publish(record, reading, ring, h, h <= ring.lastChanged());
          }
        }
        store.put(station, RecentHoursCodec.encode(ring));
      }
    }
  }

  private void publish(
      Record<String, AirReading> record,
      AirReading reading,
      RecentHours ring,
      long hour,
      boolean valuesChanged) {
    StationHourlyAqi aqi =
        mapper.figure(
            reading.getStationId(), reading.getCityId(), hour, ring, ring.nextRevision(hour));
    AirReading checked =
        valuesChanged ? withValues(reading, aqi.getHourStart(), ring.values(hour, usable)) : null;
    context.forward(
        record
            .withKey(mapper.key(reading.getStationId(), hour))
            .withValue(new StationHour(aqi, mapper.rolling(aqi, ring, hour), checked))
            .withTimestamp(aqi.getHourStart().toEpochMilli()));
  }

  private static AirReading withValues(AirReading reading, Instant hourStart, double[] values) {
    return new AirReading(
        reading.getStationId(),
        reading.getCityId(),
        hourStart,
        orNull(values[Pollutant.PM2_5.ordinal()]),
        orNull(values[Pollutant.PM10.ordinal()]),
        orNull(values[Pollutant.SO2.ordinal()]),
        orNull(values[Pollutant.NO2.ordinal()]),
        orNull(values[Pollutant.CO.ordinal()]),
        orNull(values[Pollutant.O3.ordinal()]));
  }

  private void countFlags(RecentHours ring) {
    for (QualityFlag flag : FLAGS) {
      for (Pollutant pollutant : POLLUTANTS) {
        int count = ring.newFlags(flag, pollutant);
        if (count > 0) {
          metrics.qualityFlagged(flag.code(), pollutant.label(), count);
        }
      }
    }
  }

  private double[] values(AirReading reading) {
    readingValues[Pollutant.SO2.ordinal()] = RealTimeValues.orNaN(reading.getSo2());
    readingValues[Pollutant.NO2.ordinal()] = RealTimeValues.orNaN(reading.getNo2());
    readingValues[Pollutant.PM10.ordinal()] = RealTimeValues.orNaN(reading.getPm10());
    readingValues[Pollutant.PM2_5.ordinal()] = RealTimeValues.orNaN(reading.getPm25());
    readingValues[Pollutant.CO.ordinal()] = RealTimeValues.orNaN(reading.getCo());
    readingValues[Pollutant.O3.ordinal()] = RealTimeValues.orNaN(reading.getO3());
    return readingValues;
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
