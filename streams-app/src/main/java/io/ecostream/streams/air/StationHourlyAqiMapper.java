package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.HourlyAqi;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Indicator;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A station-hour's real-time AQI from its six 1-hour concentrations, by the HJ 633 edition in force
 * on the hour's local date. PM 1-hour values are rated on the 24-hour breakpoints, as HJ 633-2026
 * §4.2.4 prescribes and the national platform does for 2012-era hourly data; the 2012 real-time
 * indicators that need moving means (O3 8 h, PM 24 h) are not part of this figure.
 */
public final class StationHourlyAqiMapper {

  private final ZoneId zone;

  public StationHourlyAqiMapper(ZoneId zone) {
    this.zone = zone;
  }

  /** {@code stationId@yyyy-MM-ddTHH}, the local start hour. */
  public String key(AirReading reading) {
    LocalDateTime local = LocalDateTime.ofInstant(reading.getHourStart(), zone);
    return reading.getStationId() + "@" + local.toLocalDate() + "T" + twoDigits(local.getHour());
  }

  public StationHourlyAqi toHourlyAqi(AirReading reading) {
    LocalDateTime local = LocalDateTime.ofInstant(reading.getHourStart(), zone);
    io.ecostream.domain.air.AqiEdition edition =
        io.ecostream.domain.air.AqiEdition.forDate(local.toLocalDate());
    AqiResult result =
        HourlyAqi.builder(edition)
            .so2(reading.getSo2())
            .no2(reading.getNo2())
            .co(reading.getCo())
            .o3(reading.getO3())
            .pm10(reading.getPm10())
            .pm25(reading.getPm25())
            .compute();
    return StationHourlyAqi.newBuilder()
        .setStationId(reading.getStationId())
        .setCityId(reading.getCityId())
        .setHourStart(reading.getHourStart())
        .setLocalDate(local.toLocalDate())
        .setLocalHour(local.getHour())
        .setEdition(AqiEdition.valueOf(edition.name()))
        .setPm25(reading.getPm25())
        .setPm10(reading.getPm10())
        .setSo2(reading.getSo2())
        .setNo2(reading.getNo2())
        .setCo(reading.getCo())
        .setO3(reading.getO3())
        .setIaqiPm25(iaqi(result, Indicator.PM2_5_1H))
        .setIaqiPm10(iaqi(result, Indicator.PM10_1H))
        .setIaqiSo2(iaqi(result, Indicator.SO2_1H))
        .setIaqiNo2(iaqi(result, Indicator.NO2_1H))
        .setIaqiCo(iaqi(result, Indicator.CO_1H))
        .setIaqiO3(iaqi(result, Indicator.O3_1H))
        .setAqi(result.available() ? result.aqi() : null)
        .setCategory(
            result.available() ? AqiCategory.valueOf(result.category().name()) : null)
        .setPrimaryPollutants(AqiLabels.primaryPollutants(result))
        .build();
  }

  private static Integer iaqi(AqiResult result, Indicator indicator) {
    int value = result.iaqi(indicator);
    return value == Iaqi.NONE ? null : value;
  }

  private static String twoDigits(int hour) {
    return hour < 10 ? "0" + hour : Integer.toString(hour);
  }
}
