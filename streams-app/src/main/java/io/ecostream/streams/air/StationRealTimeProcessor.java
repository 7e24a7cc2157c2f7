package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.internal.StationRecentHoursState;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.streams.metrics.PipelineMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each station's recent hours and publishes the real-time figure of every hour a reading
 * changes: the reading's own hour and, when it is late or corrected, the held hours of the next 23
 * whose moving means include it (each with a higher revision). Input keyed by station id.
 *
 * <p>A duplicate changes nothing and publishes nothing; an hour older than the ring reaches
 * ({@link RecentHours#CAPACITY} hours behind the station's newest) gets no real-time figure. Both are
 * counted ({@code ecostream.realtime.skipped}) and still enter the daily figures downstream.
 */
public final class StationRealTimeProcessor
    implements Processor<String, AirReading, String, StationRealTimeProcessor.StationHour> {

  /** One published station-hour: its real-time figure and its PM2.5 rolling mean. */
  public record StationHour(StationHourlyAqi aqi, Pm25Rolling rolling) {}

  private static final int LATEST_WINDOW_HOURS = 24;

  private final String storeName;
  private final StationHourlyAqiMapper mapper;
  private final PipelineMetrics metrics;
  private final double[] readingValues = new double[RecentHours.POLLUTANTS];
  private ProcessorContext<String, StationHour> context;
  private KeyValueStore<String, StationRecentHoursState> store;

  public StationRealTimeProcessor(
      String storeName, StationHourlyAqiMapper mapper, PipelineMetrics metrics) {
    this.storeName = storeName;
    this.mapper = mapper;
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
    RecentHours ring = RecentHoursCodec.decode(store.get(station));
    long hour = StationHourlyAqiMapper.epochHour(reading.getHourStart());
    switch (ring.put(hour, values(reading))) {
      case UNCHANGED -> metrics.realTimeSkipped("duplicate");
      case TOO_OLD -> metrics.realTimeSkipped("outside-window");
      case NEW, CHANGED -> {
        long last = Math.min(hour + LATEST_WINDOW_HOURS - 1, ring.newest());
        for (long h = hour; h <= last; h++) {
          if (ring.holds(h)) {
            publish(record, reading, ring, h);
          }
        }
        store.put(station, RecentHoursCodec.encode(ring));
      }
    }
  }

  private void publish(Record<String, AirReading> record, AirReading reading, RecentHours ring, long hour) {
    StationHourlyAqi aqi =
        mapper.figure(
            reading.getStationId(), reading.getCityId(), hour, ring, ring.nextRevision(hour));
    context.forward(
        record
            .withKey(mapper.key(reading.getStationId(), hour))
            .withValue(new StationHour(aqi, mapper.rolling(aqi, ring, hour)))
            .withTimestamp(aqi.getHourStart().toEpochMilli()));
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
}
