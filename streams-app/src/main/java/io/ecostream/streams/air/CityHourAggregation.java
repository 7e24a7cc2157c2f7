package io.ecostream.streams.air;

import static io.ecostream.streams.air.RealTimeValues.O3_8H;
import static io.ecostream.streams.air.RealTimeValues.PM10_24H;
import static io.ecostream.streams.air.RealTimeValues.PM25_24H;
import static io.ecostream.streams.air.RealTimeValues.SO2_24H;
import static io.ecostream.streams.air.RealTimeValues.iaqi;
import static io.ecostream.streams.air.RealTimeValues.orNaN;
import static io.ecostream.streams.air.RealTimeValues.orNull;

import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.RollingScope;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.internal.CityHourState;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.Indicator;
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
    double[] means = means(state);
    LocalDateTime local = LocalDateTime.ofInstant(state.getHourStart(), zone);
    io.ecostream.domain.air.AqiEdition edition =
        io.ecostream.domain.air.AqiEdition.forDate(local.toLocalDate());
    AqiResult result = RealTimeValues.aqi(edition, means);
    return CityHourlyAqi.newBuilder()
        .setCityId(state.getCityId())
        .setHourStart(state.getHourStart())
        .setLocalDate(local.toLocalDate())
        .setLocalHour(local.getHour())
        .setEdition(AqiEdition.valueOf(edition.name()))
        .setPm25(orNull(means[Pollutant.PM2_5.ordinal()]))
        .setPm10(orNull(means[Pollutant.PM10.ordinal()]))
        .setSo2(orNull(means[Pollutant.SO2.ordinal()]))
        .setNo2(orNull(means[Pollutant.NO2.ordinal()]))
        .setCo(orNull(means[Pollutant.CO.ordinal()]))
        .setO3(orNull(means[Pollutant.O3.ordinal()]))
        .setPm25Moving24h(orNull(means[PM25_24H]))
        .setPm10Moving24h(orNull(means[PM10_24H]))
        .setSo2Moving24h(orNull(means[SO2_24H]))
        .setO3Moving8h(orNull(means[O3_8H]))
        .setIaqiPm25(iaqi(result, Indicator.PM2_5_1H))
        .setIaqiPm10(iaqi(result, Indicator.PM10_1H))
        .setIaqiSo2(iaqi(result, Indicator.SO2_1H))
        .setIaqiNo2(iaqi(result, Indicator.NO2_1H))
        .setIaqiCo(iaqi(result, Indicator.CO_1H))
        .setIaqiO3(iaqi(result, Indicator.O3_1H))
        .setIaqiPm25Moving24h(iaqi(result, Indicator.PM2_5_24H))
        .setIaqiPm10Moving24h(iaqi(result, Indicator.PM10_24H))
        .setIaqiSo2Moving24h(iaqi(result, Indicator.SO2_24H))
        .setIaqiO3Moving8h(iaqi(result, Indicator.O3_8H))
        .setAqi(RealTimeValues.aqi(result))
        .setCategory(RealTimeValues.category(result))
        .setPrimaryPollutants(AqiLabels.primaryPollutants(result))
        .setStationsReporting(state.getStations().size())
        .setRevision(state.getRevision())
        .build();
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
