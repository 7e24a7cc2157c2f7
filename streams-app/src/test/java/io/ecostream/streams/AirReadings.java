package io.ecostream.streams;

import io.ecostream.avro.AirReading;
import io.ecostream.domain.quality.QualityRules;
import io.ecostream.streams.config.AirQualitySettings;
import io.ecostream.streams.config.PipelineSettings;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test fixtures: air readings stamped in Beijing local time. */
public final class AirReadings {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /**
   * The default settings with the stuck-run rule off: fixtures of hours with one constant value
   * keep their hand-worked statistics (by default a run of 12 equal hours is a frozen analyser).
   */
  public static final PipelineSettings CONSTANT_HOURS_SETTINGS =
      PipelineSettings.defaults()
          .withAirQuality(
              AirQualitySettings.defaults()
                  .withRules(QualityRules.defaults().withStuckHours(QualityRules.OFF)));

  private AirReadings() {}

  /** A reading of the hour that starts at {@code localHourStart} (Beijing time). */
  public static AirReading.Builder reading(
      String stationId, String cityId, LocalDateTime localHourStart) {
    return AirReading.newBuilder()
        .setStationId(stationId)
        .setCityId(cityId)
        .setHourStart(localHourStart.atZone(BEIJING).toInstant());
  }

  public static AirReading pm25(
      String stationId, String cityId, LocalDateTime localHourStart, double pm25) {
    return reading(stationId, cityId, localHourStart).setPm25(pm25).build();
  }
}
