package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.CityDayState;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Indicator;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.CityDay;
import io.ecostream.domain.stats.DustDays;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.domain.stats.StationDay;
import io.ecostream.domain.stats.ValidityRules;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A city's natural day as checked station-hours arrive: the state keeps each station's hourly
 * values, so that a re-sent or corrected station-hour replaces its slot rather than counting twice;
 * the figure is computed from the state by the domain's {@link CityDay}. The revision counts the
 * station-hours that changed the day, so it depends on which readings arrived, not on how often
 * the figure was emitted: a replay gives the same revisions as the live run.
 */
public final class CityDayAggregation {

  private final ZoneId zone;
  private final ValidityRules rules;
  private final DustRule dust;
  private final DustDays dustDays;
  private final long revisionBase;

  /**
   * @param dust the rule that flags dust-affected days from their data
   * @param dustDays days dust-affected because they are listed, whatever the rule says
   */
  public CityDayAggregation(ZoneId zone, ValidityRules rules, DustRule dust, DustDays dustDays) {
    this(zone, rules, dust, dustDays, 0);
  }

  /**
   * @param revisionBase added to every revision: the reset generation's base (see {@code
   *     PipelineSettings#revisionBase})
   */
  public CityDayAggregation(
      ZoneId zone, ValidityRules rules, DustRule dust, DustDays dustDays, long revisionBase) {
    this.zone = zone;
    this.rules = rules;
    this.dust = dust;
    this.dustDays = dustDays;
    this.revisionBase = revisionBase;
  }

  /** {@code cityId@yyyy-MM-dd}, the key of the city's day. */
  public String key(AirReading reading) {
    return reading.getCityId() + "@" + LocalDate.ofInstant(reading.getHourStart(), zone);
  }

  public static CityDayState initial() {
    return CityDayState.newBuilder()
        .setCityId("")
        .setDate(LocalDate.EPOCH)
        .setHourlyByStation(new HashMap<>())
        .setRevision(0)
        .build();
  }

  /**
   * Puts the checked reading's values into its station-hour slots (a null empties a slot); any
   * changed slot is a new revision.
   */
  public CityDayState add(String key, AirReading reading, CityDayState state) {
    LocalDateTime local = LocalDateTime.ofInstant(reading.getHourStart(), zone);
    if (state.getRevision() == 0) {
      state.setCityId(reading.getCityId());
      state.setDate(local.toLocalDate());
    }
    Map<String, ByteBuffer> stations = state.getHourlyByStation();
    ByteBuffer day = stations.computeIfAbsent(reading.getStationId(), id -> emptyDay());
    int hour = local.getHour();
    boolean changed = false;
    changed |= put(day, Pollutant.SO2, hour, reading.getSo2());
    changed |= put(day, Pollutant.NO2, hour, reading.getNo2());
    changed |= put(day, Pollutant.PM10, hour, reading.getPm10());
    changed |= put(day, Pollutant.PM2_5, hour, reading.getPm25());
    changed |= put(day, Pollutant.CO, hour, reading.getCo());
    changed |= put(day, Pollutant.O3, hour, reading.getO3());
    if (changed) {
      state.setRevision(state.getRevision() + 1);
    }
    return state;
  }

  public CityDaily figure(CityDayState state) {
    List<double[]> stationDays = new ArrayList<>(state.getHourlyByStation().size());
    for (ByteBuffer values : state.getHourlyByStation().values()) {
      double[] day = new double[StationDay.SIZE];
      for (int i = 0; i < StationDay.SIZE; i++) {
        day[i] = values.getDouble(i * Double.BYTES);
      }
      stationDays.add(day);
    }
    CityDay city = CityDay.of(state.getDate(), stationDays, rules, dust);
    AqiResult aqi = city.aqi();
    return CityDaily.newBuilder()
        .setCityId(state.getCityId())
        .setDate(state.getDate())
        .setEdition(AqiEdition.valueOf(city.edition().name()))
        .setSo2(present(city.values().so2()))
        .setNo2(present(city.values().no2()))
        .setPm10(present(city.values().pm10()))
        .setPm25(present(city.values().pm25()))
        .setCo(present(city.values().co()))
        .setO3Mda8(present(city.values().o3()))
        .setO3Max1h(present(city.o3Max1h()))
        .setIaqiSo2(iaqi(aqi, Indicator.SO2_24H))
        .setIaqiNo2(iaqi(aqi, Indicator.NO2_24H))
        .setIaqiPm10(iaqi(aqi, Indicator.PM10_24H))
        .setIaqiPm25(iaqi(aqi, Indicator.PM2_5_24H))
        .setIaqiCo(iaqi(aqi, Indicator.CO_24H))
        .setIaqiO38h(iaqi(aqi, Indicator.O3_8H))
        .setIaqiO31h(iaqi(aqi, Indicator.O3_1H))
        .setAqi(aqi.available() ? aqi.aqi() : null)
        .setCategory(aqi.available() ? AqiCategory.valueOf(aqi.category().name()) : null)
        .setPrimaryPollutants(AqiLabels.primaryPollutants(aqi))
        .setRunningAqi(city.runningAqi() == Iaqi.NONE ? null : city.runningAqi())
        .setValid(aqi.available())
        .setDustAffected(
            dustDays.contains(state.getCityId(), state.getDate()) || city.dustAffected())
        .setStationsReporting(city.stationsReporting())
        .setStationsComplete(city.stationsComplete())
        .setStationHours(city.stationHours())
        .setRevision(revisionBase + state.getRevision())
        .build();
  }

  /**
   * Absolute indexing: the store's decoder gives each day its own buffer, starting at 0. A null
   * clears the slot: a checked reading carries all the hour's usable values, and a value that
   * quality control flagged after the fact must leave the day.
   */
  private static boolean put(ByteBuffer day, Pollutant pollutant, int hour, Double value) {
    double usable = value == null ? Double.NaN : value;
    int offset = StationDay.index(pollutant, hour) * Double.BYTES;
    if (Double.compare(day.getDouble(offset), usable) == 0) {
      return false;
    }
    day.putDouble(offset, usable);
    return true;
  }

  private static ByteBuffer emptyDay() {
    ByteBuffer day = ByteBuffer.allocate(StationDay.SIZE * Double.BYTES);
    for (int i = 0; i < StationDay.SIZE; i++) {
      day.putDouble(i * Double.BYTES, Double.NaN);
    }
    return day;
  }

  private static Integer iaqi(AqiResult result, Indicator indicator) {
    int value = result.iaqi(indicator);
    return value == Iaqi.NONE ? null : value;
  }

  private static Double present(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
