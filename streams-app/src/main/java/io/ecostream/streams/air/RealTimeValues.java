package io.ecostream.streams.air;

import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.RollingScope;
import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.HourlyAqi;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Indicator;
import io.ecostream.domain.air.Pollutant;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The ten values a real-time AQI is computed from, in one flat array: the six 1-hour values in
 * {@link Pollutant} order, then the moving means HJ 633-2012 §5.1.3 adds (PM2.5, PM10 and SO2 over
 * 24 hours, O3 over 8 hours). NaN marks a missing or invalid value. Stations and cities share it,
 * since a city's real-time AQI is computed the same way from the means of its stations.
 */
final class RealTimeValues {

  static final int SIZE = 10;

  // The moving means side by side in this order: RecentHours#realTimeMeans writes them so.
  static final int PM25_24H = 6;
  static final int PM10_24H = 7;
  static final int SO2_24H = 8;
  static final int O3_8H = 9;

  private RealTimeValues() {}

  /** The fields {@link #fill} writes, named as in both schemas. */
  private enum Field {
    hourStart,
    localDate,
    localHour,
    edition,
    pm25,
    pm10,
    so2,
    no2,
    co,
    o3,
    pm25Moving24h,
    pm10Moving24h,
    so2Moving24h,
    o3Moving8h,
    iaqiPm25,
    iaqiPm10,
    iaqiSo2,
    iaqiNo2,
    iaqiCo,
    iaqiO3,
    iaqiPm25Moving24h,
    iaqiPm10Moving24h,
    iaqiSo2Moving24h,
    iaqiO3Moving8h,
    aqi,
    category,
    primaryPollutants,
    aqi1h
  }

  /** Each record class's positions of the {@link Field}s: a put by position skips a name lookup. */
  private static final ClassValue<int[]> POSITIONS =
      new ClassValue<>() {
        @Override
        protected int[] computeValue(Class<?> type) {
          Schema schema = SpecificData.get().getSchema(type);
          int[] positions = new int[Field.values().length];
          for (Field field : Field.values()) {
            positions[field.ordinal()] = schema.getField(field.name()).pos();
          }
          return positions;
        }
      };

  private static void put(SpecificRecordBase record, int[] positions, Field field, Object value) {
    record.put(positions[field.ordinal()], value);
  }

  static double[] empty() {
    double[] values = new double[SIZE];
    Arrays.fill(values, Double.NaN);
    return values;
  }

  /** The real-time AQI of the edition; the moving means enter it only under HJ 633-2012. */
  private static AqiResult aqi(AqiEdition edition, double[] values) {
    return HourlyAqi.builder(edition)
        .concentration(Indicator.SO2_1H, values[Pollutant.SO2.ordinal()])
        .concentration(Indicator.NO2_1H, values[Pollutant.NO2.ordinal()])
        .concentration(Indicator.PM10_1H, values[Pollutant.PM10.ordinal()])
        .concentration(Indicator.PM2_5_1H, values[Pollutant.PM2_5.ordinal()])
        .concentration(Indicator.CO_1H, values[Pollutant.CO.ordinal()])
        .concentration(Indicator.O3_1H, values[Pollutant.O3.ordinal()])
        .concentration(Indicator.PM2_5_24H, values[PM25_24H])
        .concentration(Indicator.PM10_24H, values[PM10_24H])
        .concentration(Indicator.SO2_24H, values[SO2_24H])
        .concentration(Indicator.O3_8H, values[O3_8H])
        .compute();
  }

  /**
   * Computes the real-time AQI of the hour from the values and writes it, with the values and the
   * hour, into the fields that {@code StationHourlyAqi} and {@code CityHourlyAqi} share by name.
   */
  static <R extends SpecificRecordBase> R fill(
      R record, Instant hourStart, ZoneId zone, double[] values) {
    int[] positions = POSITIONS.get(record.getClass());
    LocalDateTime local = LocalDateTime.ofInstant(hourStart, zone);
    AqiEdition edition = AqiEdition.forDate(local.toLocalDate());
    AqiResult result = aqi(edition, values);
    put(record, positions, Field.hourStart, hourStart);
    put(record, positions, Field.localDate, local.toLocalDate());
    put(record, positions, Field.localHour, local.getHour());
    put(record, positions, Field.edition, AqiLabels.edition(edition));
    put(record, positions, Field.pm25, orNull(values[Pollutant.PM2_5.ordinal()]));
    put(record, positions, Field.pm10, orNull(values[Pollutant.PM10.ordinal()]));
    put(record, positions, Field.so2, orNull(values[Pollutant.SO2.ordinal()]));
    put(record, positions, Field.no2, orNull(values[Pollutant.NO2.ordinal()]));
    put(record, positions, Field.co, orNull(values[Pollutant.CO.ordinal()]));
    put(record, positions, Field.o3, orNull(values[Pollutant.O3.ordinal()]));
    put(record, positions, Field.pm25Moving24h, orNull(values[PM25_24H]));
    put(record, positions, Field.pm10Moving24h, orNull(values[PM10_24H]));
    put(record, positions, Field.so2Moving24h, orNull(values[SO2_24H]));
    put(record, positions, Field.o3Moving8h, orNull(values[O3_8H]));
    put(record, positions, Field.iaqiPm25, iaqi(result, Indicator.PM2_5_1H));
    put(record, positions, Field.iaqiPm10, iaqi(result, Indicator.PM10_1H));
    put(record, positions, Field.iaqiSo2, iaqi(result, Indicator.SO2_1H));
    put(record, positions, Field.iaqiNo2, iaqi(result, Indicator.NO2_1H));
    put(record, positions, Field.iaqiCo, iaqi(result, Indicator.CO_1H));
    put(record, positions, Field.iaqiO3, iaqi(result, Indicator.O3_1H));
    put(record, positions, Field.iaqiPm25Moving24h, iaqi(result, Indicator.PM2_5_24H));
    put(record, positions, Field.iaqiPm10Moving24h, iaqi(result, Indicator.PM10_24H));
    put(record, positions, Field.iaqiSo2Moving24h, iaqi(result, Indicator.SO2_24H));
    put(record, positions, Field.iaqiO3Moving8h, iaqi(result, Indicator.O3_8H));
    put(record, positions, Field.aqi, result.available() ? result.aqi() : null);
    put(record, positions, Field.category, AqiLabels.category(result));
    put(record, positions, Field.primaryPollutants, AqiLabels.primaryPollutants(result));
    AqiResult hourly = edition == AqiEdition.HJ_633_2012 ? HourlyAqi.oneHourOnly(result) : result;
    put(record, positions, Field.aqi1h, hourly.available() ? hourly.aqi() : null);
    return record;
  }

  /** A PM2.5 24-hour moving mean of a station or a city at the hour; NaN when it has none. */
  static Pm25Rolling rolling(
      RollingScope scope,
      String id,
      String cityId,
      Instant hourStart,
      ZoneId zone,
      double mean,
      int basis,
      long revision) {
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
