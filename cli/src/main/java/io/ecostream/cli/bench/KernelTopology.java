package io.ecostream.cli.bench;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Indicator;
import io.ecostream.topics.EcostreamTopics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The floor ({@link FloorTopology}) plus the hourly work no engine publishing these figures can
 * skip, done the leanest way: what a rewritten engine could reach at best. Each station keeps its
 * last 24 hours in one array, hour by hour; a reading is written into it, and one walk over it
 * gives the 24-hour means of PM2.5, PM10 and SO2 and the 8-hour mean of O3. The six hourly values
 * and four means get their IAQI (the production {@link Iaqi}), the station-hour its AQI and a
 * record of the production shape with them. The hour is added to the station's day tallies and to
 * its city's hour; when every station of the city has reported the hour, the city-hour's means and
 * AQI go out as a record of the production shape, and the city's day so far is judged (the mean of
 * its stations' daily means, their daily IAQI, heavy or not). Nothing else: no quality control, no
 * late or corrected readings, no revisions, no state stores or changelogs, no periods, alerts or
 * rankings, the figures are not held to the standards' validity rules, and its days are UTC days. A
 * bench phase only.
 */
final class KernelTopology {

  private KernelTopology() {}

  static Topology build(EcostreamTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, SpecificRecord> figures =
        FloorTopology.readings(builder, topics).process(HourlyKernel::new);
    FloorTopology.publishStationHours(
        figures
            .filter((key, figure) -> figure instanceof StationHourlyAqi)
            .mapValues(figure -> (StationHourlyAqi) figure),
        topics);
    FloorTopology.publishCityHours(
        figures
            .filter((key, figure) -> figure instanceof CityHourlyAqi)
            .mapValues(figure -> (CityHourlyAqi) figure),
        topics);
    return builder.build();
  }

  /** The work of {@link KernelTopology}, one reading at a time; its state in memory only. */
  static final class HourlyKernel implements Processor<String, AirReading, String, SpecificRecord> {

    private static final int POLLUTANTS = 6;
    private static final int PM25 = 0;
    private static final int PM10 = 1;
    private static final int SO2 = 2;
    private static final int O3 = 5;
    private static final int HOURS = 24;
    private static final int MIN_HOURS_PER_DAY = 20;
    private static final int MIN_HOURS_PER_8H = 6;
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final AqiEdition EDITION = AqiEdition.HJ_633_2012;

    /** Per pollutant, in the order of {@link #values}: PM2.5, PM10, SO2, NO2, CO, O3. */
    private static final Indicator[] HOURLY = {
      Indicator.PM2_5_1H,
      Indicator.PM10_1H,
      Indicator.SO2_1H,
      Indicator.NO2_1H,
      Indicator.CO_1H,
      Indicator.O3_1H
    };

    private static final Indicator[] DAILY = {
      Indicator.PM2_5_24H,
      Indicator.PM10_24H,
      Indicator.SO2_24H,
      Indicator.NO2_24H,
      Indicator.CO_24H,
      Indicator.O3_8H
    };

    private static final class Station {
      final long[] hours = new long[HOURS];
      final double[] values = new double[HOURS * POLLUTANTS];
      final double[] daySums = new double[POLLUTANTS];
      final int[] dayCounts = new int[POLLUTANTS];
      long day = Long.MIN_VALUE;
      final City city;

      Station(City city) {
        this.city = city;
        Arrays.fill(hours, Long.MIN_VALUE);
      }
    }

    private static final class City {
      final List<Station> stations = new ArrayList<>();
      final double[] sums = new double[POLLUTANTS];
      final int[] counts = new int[POLLUTANTS];
      long hour = Long.MIN_VALUE;
      int reported;
    }

    private final Map<String, Station> stations = new HashMap<>();
    private final Map<String, City> cities = new HashMap<>();
    private final double[] values = new double[POLLUTANTS];
    private final int[] iaqis = new int[POLLUTANTS];
    private long heavyDays;
    private ProcessorContext<String, SpecificRecord> context;

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, AirReading> record) {
      AirReading reading = record.value();
      Station station = station(reading);
      long hour = Math.floorDiv(reading.getHourStart().toEpochMilli(), HOUR_MILLIS);
      readValues(reading);
      int slot = (int) Math.floorMod(hour, HOURS);
      station.hours[slot] = hour;
      System.arraycopy(values, 0, station.values, slot * POLLUTANTS, POLLUTANTS);
      StationHourlyAqi figure = stationHour(reading, station, hour);
      context.forward(record.withValue(figure));
      addToDay(station, hour);
      addToCityHour(record, station, hour, figure);
    }

    /** Days the judgement found heavy (daily AQI over 200), so that it cannot be optimised away. */
    long heavyDays() {
      return heavyDays;
    }

    private Station station(AirReading reading) {
      Station station = stations.get(reading.getStationId());
      if (station == null) {
        City city = cities.computeIfAbsent(reading.getCityId(), id -> new City());
        station = new Station(city);
        city.stations.add(station);
        stations.put(reading.getStationId(), station);
      }
      return station;
    }

    private void readValues(AirReading reading) {
      values[0] = orNaN(reading.getPm25());
      values[1] = orNaN(reading.getPm10());
      values[2] = orNaN(reading.getSo2());
      values[3] = orNaN(reading.getNo2());
      values[4] = orNaN(reading.getCo());
      values[5] = orNaN(reading.getO3());
    }

    private StationHourlyAqi stationHour(AirReading reading, Station station, long hour) {
      double pm25Sum = 0;
      double pm10Sum = 0;
      double so2Sum = 0;
      double o3Sum = 0;
      int pm25Count = 0;
      int pm10Count = 0;
      int so2Count = 0;
      int o3Count = 0;
      for (long h = hour - HOURS + 1; h <= hour; h++) {
        int slot = (int) Math.floorMod(h, HOURS);
        if (station.hours[slot] != h) {
          continue;
        }
        int at = slot * POLLUTANTS;
        double value = station.values[at + PM25];
        if (!Double.isNaN(value)) {
          pm25Sum += value;
          pm25Count++;
        }
        value = station.values[at + PM10];
        if (!Double.isNaN(value)) {
          pm10Sum += value;
          pm10Count++;
        }
        value = station.values[at + SO2];
        if (!Double.isNaN(value)) {
          so2Sum += value;
          so2Count++;
        }
        value = station.values[at + O3];
        if (h > hour - 8 && !Double.isNaN(value)) {
          o3Sum += value;
          o3Count++;
        }
      }
      double pm25Mean = mean(pm25Sum, pm25Count, MIN_HOURS_PER_DAY);
      double pm10Mean = mean(pm10Sum, pm10Count, MIN_HOURS_PER_DAY);
      double so2Mean = mean(so2Sum, so2Count, MIN_HOURS_PER_DAY);
      double o3Mean = mean(o3Sum, o3Count, MIN_HOURS_PER_8H);
      int aqi = 0;
      for (int p = 0; p < POLLUTANTS; p++) {
        iaqis[p] = iaqi(HOURLY[p], values[p]);
        aqi = Math.max(aqi, iaqis[p]);
      }
      StationHourlyAqi figure = FloorTopology.stationHourOf(reading);
      figure.setIaqiPm25(iaqis[0]);
      figure.setIaqiPm10(iaqis[1]);
      figure.setIaqiSo2(iaqis[2]);
      figure.setIaqiNo2(iaqis[3]);
      figure.setIaqiCo(iaqis[4]);
      figure.setIaqiO3(iaqis[5]);
      figure.setPm25Moving24h(orNull(pm25Mean));
      figure.setPm10Moving24h(orNull(pm10Mean));
      figure.setSo2Moving24h(orNull(so2Mean));
      figure.setO3Moving8h(orNull(o3Mean));
      figure.setIaqiPm25Moving24h(iaqi(Indicator.PM2_5_24H, pm25Mean));
      figure.setIaqiPm10Moving24h(iaqi(Indicator.PM10_24H, pm10Mean));
      figure.setIaqiSo2Moving24h(iaqi(Indicator.SO2_24H, so2Mean));
      figure.setIaqiO3Moving8h(iaqi(Indicator.O3_8H, o3Mean));
      figure.setAqi(aqi);
      figure.setAqi1h(aqi);
      return figure;
    }

    private void addToDay(Station station, long hour) {
      long day = Math.floorDiv(hour, HOURS);
      if (day != station.day) {
        station.day = day;
        Arrays.fill(station.daySums, 0);
        Arrays.fill(station.dayCounts, 0);
      }
      for (int p = 0; p < POLLUTANTS; p++) {
        if (!Double.isNaN(values[p])) {
          station.daySums[p] += values[p];
          station.dayCounts[p]++;
        }
      }
    }

    private void addToCityHour(
        Record<String, AirReading> record, Station station, long hour, StationHourlyAqi figure) {
      City city = station.city;
      if (hour != city.hour) {
        city.hour = hour;
        city.reported = 0;
        Arrays.fill(city.sums, 0);
        Arrays.fill(city.counts, 0);
      }
      city.reported++;
      for (int p = 0; p < POLLUTANTS; p++) {
        if (!Double.isNaN(values[p])) {
          city.sums[p] += values[p];
          city.counts[p]++;
        }
      }
      if (city.reported < city.stations.size()) {
        return;
      }
      int aqi = 0;
      for (int p = 0; p < POLLUTANTS; p++) {
        if (city.counts[p] > 0) {
          aqi = Math.max(aqi, iaqi(HOURLY[p], city.sums[p] / city.counts[p]));
        }
      }
      CityHourlyAqi cityHour = FloorTopology.cityHourOf(figure);
      cityHour.setAqi(aqi);
      cityHour.setStationsReporting(city.reported);
      cityHour.setRevision(city.reported);
      context.forward(new Record<>(record.key(), cityHour, record.timestamp()));
      judgeDay(city, Math.floorDiv(hour, HOURS));
    }

    private void judgeDay(City city, long day) {
      int aqi = 0;
      for (int p = 0; p < POLLUTANTS; p++) {
        double sum = 0;
        int stationsWithValues = 0;
        for (Station station : city.stations) {
          if (station.day == day && station.dayCounts[p] > 0) {
            sum += station.daySums[p] / station.dayCounts[p];
            stationsWithValues++;
          }
        }
        if (stationsWithValues > 0) {
          aqi = Math.max(aqi, iaqi(DAILY[p], sum / stationsWithValues));
        }
      }
      if (aqi > 200) {
        heavyDays++;
      }
    }

    private static int iaqi(Indicator indicator, double concentration) {
      return Double.isNaN(concentration) || concentration < 0
          ? 0
          : Math.max(0, Iaqi.of(EDITION, indicator, concentration));
    }

    private static double mean(double sum, int count, int minCount) {
      return count >= minCount ? sum / count : Double.NaN;
    }

    private static double orNaN(Double value) {
      return value == null ? Double.NaN : value;
    }

    private static Double orNull(double value) {
      return Double.isNaN(value) ? null : value;
    }
  }
}
