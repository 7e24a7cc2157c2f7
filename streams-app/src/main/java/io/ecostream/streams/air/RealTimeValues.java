package io.ecostream.streams.air;

import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.RollingScope;
import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.HourlyAqi;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Indicator;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.RecentHours;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecordBase;

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
    Arrays.fill(values, Double.NaN);
    return values;
  }

  /** The real-time AQI of the edition; the moving means enter it only under HJ 633-2012. */
  private static AqiResult aqi(AqiEdition edition, double[] values) {
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

  /**
   * Computes the real-time AQI of the hour from the values and writes it, with the values and the
   * hour, into the fields that {@code StationHourlyAqi} and {@code CityHourlyAqi} share by name.
   */
  static <R extends SpecificRecordBase> R fill(
      R record, Instant hourStart, ZoneId zone, double[] values) {
    LocalDateTime local = LocalDateTime.ofInstant(hourStart, zone);
    AqiEdition edition = AqiEdition.forDate(local.toLocalDate());
    AqiResult result = aqi(edition, values);
    record.put("hourStart", hourStart);
    record.put("localDate", local.toLocalDate());
    record.put("localHour", local.getHour());
    record.put("edition", io.ecostream.avro.AqiEdition.valueOf(edition.name()));
    record.put("pm25", orNull(values[Pollutant.PM2_5.ordinal()]));
    record.put("pm10", orNull(values[Pollutant.PM10.ordinal()]));
    record.put("so2", orNull(values[Pollutant.SO2.ordinal()]));
    record.put("no2", orNull(values[Pollutant.NO2.ordinal()]));
    record.put("co", orNull(values[Pollutant.CO.ordinal()]));
    record.put("o3", orNull(values[Pollutant.O3.ordinal()]));
    record.put("pm25Moving24h", orNull(values[PM25_24H]));
    record.put("pm10Moving24h", orNull(values[PM10_24H]));
    record.put("so2Moving24h", orNull(values[SO2_24H]));
    record.put("o3Moving8h", orNull(values[O3_8H]));
    record.put("iaqiPm25", iaqi(result, Indicator.PM2_5_1H));
    record.put("iaqiPm10", iaqi(result, Indicator.PM10_1H));
    record.put("iaqiSo2", iaqi(result, Indicator.SO2_1H));
    record.put("iaqiNo2", iaqi(result, Indicator.NO2_1H));
    record.put("iaqiCo", iaqi(result, Indicator.CO_1H));
    record.put("iaqiO3", iaqi(result, Indicator.O3_1H));
    record.put("iaqiPm25Moving24h", iaqi(result, Indicator.PM2_5_24H));
    record.put("iaqiPm10Moving24h", iaqi(result, Indicator.PM10_24H));
    record.put("iaqiSo2Moving24h", iaqi(result, Indicator.SO2_24H));
    record.put("iaqiO3Moving8h", iaqi(result, Indicator.O3_8H));
    record.put("aqi", result.available() ? result.aqi() : null);
    record.put(
        "category",
        result.available() ? io.ecostream.avro.AqiCategory.valueOf(result.category().name()) : null);
    record.put("primaryPollutants", AqiLabels.primaryPollutants(result));
    AqiResult hourly = edition == AqiEdition.HJ_633_2012 ? aqi(edition, oneHourValues(values)) : result;
    record.put("aqi1h", hourly.available() ? hourly.aqi() : null);
    return record;
  }

  /** The six 1-hour values alone: the moving means left out. */
  private static double[] oneHourValues(double[] values) {
    double[] oneHour = empty();
    System.arraycopy(values, 0, oneHour, 0, RecentHours.POLLUTANTS);
    return oneHour;
  }

  /** A PM2.5 24-hour moving mean of a station or a city at the hour; NaN when it has none. */
  static Pm25Rolling rolling(
      RollingScope scope, String id, String cityId, Instant hourStart, ZoneId zone, double mean, int basis, long revision) {
    LocalDateTime local = LocalDateTime.ofInstant(hourStart, zone);
    return Pm25Rolling.newBuilder()
        .setScope(scope)
        .setId(id)
        .setCityId(cityId)
        .setHourStart(hourStart)
        .setLocalDate(local.toLocalDate())
        .setLocalHour(local.getHour())
        .setPm25Mean24h(orNull(mean))
        .setBasis(basis)
        .setRevision(revision)
        .build();
  }

  static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private static Integer iaqi(AqiResult result, Indicator indicator) {
    int value = result.iaqi(indicator);
    return value == Iaqi.NONE ? null : value;
  }
}
