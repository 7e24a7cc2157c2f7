package io.ecostream.streams.air;

import static io.ecostream.streams.air.RealTimeValues.PM25_24H;

import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.RollingScope;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A city's real-time hour from the figures of its stations that reported it: the city's
 * concentrations and moving means are the means over its stations (the HJ 663 city value), and the
 * AQI is computed from those means, not from the stations' AQIs.
 */
public final class CityHourFigure {

  private final ZoneId zone;

  public CityHourFigure(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * @param stations the {@link RealTimeValues} of each station with a reading for the hour
   * @param revision rises whenever a station's figure of the hour is published again
   */
  public CityHourlyAqi figure(
      String cityId, Instant hourStart, List<double[]> stations, long revision) {
    CityHourlyAqi figure = new CityHourlyAqi();
    figure.setCityId(cityId);
    figure.setStationsReporting(stations.size());
    figure.setRevision(revision);
    return RealTimeValues.fill(figure, hourStart, zone, means(stations));
  }

  /** The city's PM2.5 24-hour moving mean: the mean of its stations' valid ones. */
  public Pm25Rolling rolling(
      String cityId, Instant hourStart, List<double[]> stations, long revision) {
    double sum = 0;
    int valid = 0;
    for (double[] values : stations) {
      if (!Double.isNaN(values[PM25_24H])) {
        sum += values[PM25_24H];
        valid++;
      }
    }
    return RealTimeValues.rolling(
        RollingScope.CITY,
        cityId,
        cityId,
        hourStart,
        zone,
        valid == 0 ? Double.NaN : sum / valid,
        valid,
        revision);
  }

  private static double[] means(List<double[]> stations) {
    double[] sums = new double[RealTimeValues.SIZE];
    int[] counts = new int[RealTimeValues.SIZE];
    for (double[] values : stations) {
      for (int i = 0; i < RealTimeValues.SIZE; i++) {
        if (!Double.isNaN(values[i])) {
          sums[i] += values[i];
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
}
