package io.ecostream.streams.air;

import io.ecostream.avro.CityDaily;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Indicator;
import io.ecostream.domain.stats.CityDay;
import io.ecostream.domain.stats.DustDays;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.domain.stats.StationDayTally;
import io.ecostream.domain.stats.ValidityRules;
import io.ecostream.streams.alerts.rules.CityDayUpdate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * A city's natural day from its stations' usable hourly values, computed by the domain's {@link
 * CityDay}: each station's day in the {@link io.ecostream.domain.stats.StationDay} layout.
 */
public final class CityDayFigure {

  private final ValidityRules rules;
  private final DustRule dust;
  private final DustDays dustDays;
  private final long revisionBase;

  /**
   * @param dust the rule that flags dust-affected days from their data
   * @param dustDays days dust-affected because they are listed, whatever the rule says
   * @param revisionBase added to every revision: the reset generation's base (see {@code
   *     PipelineSettings#revisionBase})
   */
  public CityDayFigure(ValidityRules rules, DustRule dust, DustDays dustDays, long revisionBase) {
    this.rules = rules;
    this.dust = dust;
    this.dustDays = dustDays;
    this.revisionBase = revisionBase;
  }

  /** The city's day from its stations' days, before it is made a record. */
  public CityDay day(LocalDate date, Collection<StationDayTally> stationDays) {
    return CityDay.ofTallies(date, stationDays, rules, dust);
  }

  /**
   * The record of a day computed by {@link #day}.
   *
   * @param revision how often a station-hour of the day changed its usable values: it depends on
   *     which readings arrived, not on how often the figure was emitted
   */
  public CityDaily figure(String cityId, CityDay city, long revision) {
    LocalDate date = city.date();
    AqiResult aqi = city.aqi();
    return CityDaily.newBuilder()
        .setCityId(cityId)
        .setDate(date)
        .setEdition(AqiLabels.edition(city.edition()))
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
        .setCategory(AqiLabels.category(aqi))
        .setPrimaryPollutants(AqiLabels.primaryPollutants(aqi))
        .setRunningAqi(city.runningAqi() == Iaqi.NONE ? null : city.runningAqi())
        .setValid(aqi.available())
        .setDustAffected(dustDays.contains(cityId, date) || city.dustAffected())
        .setStationsReporting(city.stationsReporting())
        .setStationsComplete(city.stationsComplete())
        .setStationHours(city.stationHours())
        .setRevision(revisionBase + revision)
        .build();
  }

  /**
   * What the heavy-pollution alerts read of the day: the fields of {@link #figure}'s record they
   * use, without building the record (the open day is judged about once per hour of data).
   */
  public CityDayUpdate alertUpdate(String cityId, CityDay city, long revision, Instant eventTime) {
    AqiResult aqi = city.aqi();
    return new CityDayUpdate(
        cityId,
        city.date(),
        revisionBase + revision,
        city.runningAqi() == Iaqi.NONE ? null : city.runningAqi(),
        aqi.available() ? aqi.aqi() : null,
        aqi.available(),
        city.stationHours(),
        city.stationsReporting(),
        eventTime);
  }

  private static Integer iaqi(AqiResult result, Indicator indicator) {
    int value = result.iaqi(indicator);
    return value == Iaqi.NONE ? null : value;
  }

  private static Double present(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
