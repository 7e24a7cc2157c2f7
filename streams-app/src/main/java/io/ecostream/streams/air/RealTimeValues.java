package io.ecostream.streams.air;

import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.HourlyAqi;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Indicator;
import io.ecostream.domain.air.Pollutant;

/**
 * The ten values a real-time AQI is computed from, in one flat array: the six 1-hour values in
 * {@link Pollutant} order, then the moving means HJ 633-2012 §5.1.3 adds (PM2.5, PM10 and SO2 over
 * 24 hours, O3 over 8 hours). NaN marks a missing or invalid value. Stations and cities share it,
 * since a city's real-time AQI is computed the same way from the means of its stations.
 */
final class RealTimeValues {

  static final int SIZE = 10;
  static final int PM25_24H = 6;
  static final int PM10_24H = 7;
  static final int SO2_24H = 8;
  static final int O3_8H = 9;

  private RealTimeValues() {}

  static double[] empty() {
    double[] values = new double[SIZE];
    java.util.Arrays.fill(values, Double.NaN);
    return values;
  }

  /** The real-time AQI of the edition; the moving means enter it only under HJ 633-2012. */
  static AqiResult aqi(AqiEdition edition, double[] values) {
    return HourlyAqi.builder(edition)
        .so2(orNull(values[Pollutant.SO2.ordinal()]))
        .no2(orNull(values[Pollutant.NO2.ordinal()]))
        .pm10(orNull(values[Pollutant.PM10.ordinal()]))
        .pm25(orNull(values[Pollutant.PM2_5.ordinal()]))
        .co(orNull(values[Pollutant.CO.ordinal()]))
        .o3(orNull(values[Pollutant.O3.ordinal()]))
        .pm25Moving24h(orNull(values[PM25_24H]))
        .pm10Moving24h(orNull(values[PM10_24H]))
        .so2Moving24h(orNull(values[SO2_24H]))
        .o3Moving8h(orNull(values[O3_8H]))
        .compute();
  }

  static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  static Integer iaqi(AqiResult result, Indicator indicator) {
    int value = result.iaqi(indicator);
    return value == Iaqi.NONE ? null : value;
  }

  static Integer aqi(AqiResult result) {
    return result.available() ? result.aqi() : null;
  }

  static io.ecostream.avro.AqiCategory category(AqiResult result) {
    return result.available()
        ? io.ecostream.avro.AqiCategory.valueOf(result.category().name())
        : null;
  }
}
