package io.ecostream.streams.air;

import static io.ecostream.streams.air.RealTimeValues.O3_8H;
import static io.ecostream.streams.air.RealTimeValues.PM10_24H;
import static io.ecostream.streams.air.RealTimeValues.PM25_24H;
import static io.ecostream.streams.air.RealTimeValues.SO2_24H;
import static io.ecostream.streams.air.RealTimeValues.orNaN;

import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.RollingScope;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.internal.CityHourState;
import io.ecostream.domain.air.Pollutant;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A city's real-time hour: the state keeps each station's latest figure of the hour, so a
 * re-published station-hour replaces its earlier one; the city's concentrations and moving means are
 * the means over its stations (the HJ 663 city value), and the AQI is computed from those means, not
 * from the stations' AQIs.
 */
public final class CityHourAggregation {

  private final ZoneId zone;

  public CityHourAggregation(ZoneId zone) {
    this.zone = zone;
  }

  /** {@code cityId@yyyy-MM-ddTHH}, the local start hour. */
  public String key(StationHourlyAqi station) {
    return station.getCityId() + "@" + HourKeys.localHour(station.getHourStart(), zone);
  }

  public static CityHourState initial() {
    return CityHourState.newBuilder()
        .setCityId("")
        .setHourStart(Instant.EPOCH)
        .setStations(new HashMap<>())
        .setRevision(0)
        .build();
  }

  /** Replaces the station's figure of the hour; a changed figure is a new revision. */
  public CityHourState add(String key, StationHourlyAqi station, CityHourState state) {
    if (state.getRevision() == 0) {
      state.setCityId(station.getCityId());
      state.setHourStart(station.getHourStart());
    }
    List<Double> values = values(station);
    List<Double> previous = state.getStations().put(station.getStationId(), values);
    if (!values.equals(previous)) {
      state.setRevision(state.getRevision() + 1);
    }
    return state;
  }

  public CityHourlyAqi figure(CityHourState state) {
    CityHourlyAqi figure = new CityHourlyAqi();
    figure.setCityId(state.getCityId());
    figure.setStationsReporting(state.getStations().size());
    figure.setRevision(state.getRevision());
    return RealTimeValues.fill(figure, state.getHourStart(), zone, means(state));
  }

  /** The city's PM2.5 24-hour moving mean: the mean of its stations' valid ones. */
  public Pm25Rolling rolling(CityHourState state) {
    double sum = 0;
    int stations = 0;
    for (List<Double> values : state.getStations().values()) {
      double mean = values.get(PM25_24H);
      if (!Double.isNaN(mean)) {
        sum += mean;
        stations++;
      }
    }
    LocalDateTime local = LocalDateTime.ofInstant(state.getHourStart(), zone);
    return Pm25Rolling.newBuilder()
        .setScope(RollingScope.CITY)
        .setId(state.getCityId())
        .setCityId(state.getCityId())
        .setHourStart(state.getHourStart())
        .setLocalDate(local.toLocalDate())
        .setLocalHour(local.getHour())
        .setPm25Mean24h(stations == 0 ? null : sum / stations)
        .setBasis(stations)
        .setRevision(state.getRevision())
        .build();
  }

  private static double[] means(CityHourState state) {
    double[] sums = new double[RealTimeValues.SIZE];
    int[] counts = new int[RealTimeValues.SIZE];
    for (List<Double> values : state.getStations().values()) {
      for (int i = 0; i < RealTimeValues.SIZE; i++) {
        double value = values.get(i);
        if (!Double.isNaN(value)) {
          sums[i] += value;
          counts[i]++;
        }
      }
    }
    double[] means = RealTimeValues.empty();
    for (int i = 0; i < RealTimeValues.SIZE; i++) {
      if (counts[i] > 0) {
        means[i] = sums[i] / counts[i];
      }
    }
    return means;
  }

  private static List<Double> values(StationHourlyAqi station) {
    double[] values = RealTimeValues.empty();
    values[Pollutant.SO2.ordinal()] = orNaN(station.getSo2());
    values[Pollutant.NO2.ordinal()] = orNaN(station.getNo2());
    values[Pollutant.PM10.ordinal()] = orNaN(station.getPm10());
    values[Pollutant.PM2_5.ordinal()] = orNaN(station.getPm25());
    values[Pollutant.CO.ordinal()] = orNaN(station.getCo());
    values[Pollutant.O3.ordinal()] = orNaN(station.getO3());
    values[PM25_24H] = orNaN(station.getPm25Moving24h());
    values[PM10_24H] = orNaN(station.getPm10Moving24h());
    values[SO2_24H] = orNaN(station.getSo2Moving24h());
    values[O3_8H] = orNaN(station.getO3Moving8h());
    List<Double> list = new ArrayList<>(RealTimeValues.SIZE);
    for (double value : values) {
      list.add(value);
    }
    return list;
  }
}
