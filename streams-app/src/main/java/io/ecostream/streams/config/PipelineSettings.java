package io.ecostream.streams.config;

import io.ecostream.domain.stats.DustDays;
import io.ecostream.domain.stats.DustRule;
import io.ecostream.domain.stats.PeriodRules;
import io.ecostream.domain.stats.RankingSufficiency;
import io.ecostream.domain.stats.ValidityRules;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Rules of the statistics that a deployment may set.
 *
 * <p>A day is dust-affected (扣沙) when it is in {@code dustDays} or when the dust rule of {@code periodRules} flags it
 * from its data: with the defaults the rule alone, with a list the list or the rule, with the rule disabled ({@link
 * DustRule#flagsOnly()}) the list alone.
 *
 * @param zone the zone whose natural days the daily figures use (China Standard Time: no DST)
 * @param validity data-validity rules (GB 3095 Table 4, HJ 663 defaults)
 * @param periodRules how month and year figures are computed (rounding, composite index, which
 *     days count as dust-affected from their data: 扣沙)
 * @param dustDays days listed as dust-affected whatever their data; default none
 * @param rankingSufficiency which cities a province ranking ranks (own rule: 90 % of the days
 *     elapsed valid)
 * @param water rules of the water figures (CWQI, sea points)
 * @param airQuality late and future readings, silent stations, hourly quality control
 */
public record PipelineSettings(
    ZoneId zone,
    ValidityRules validity,
    PeriodRules periodRules,
    DustDays dustDays,
    RankingSufficiency rankingSufficiency,
    WaterSettings water,
    AirQualitySettings airQuality) {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public PipelineSettings {
    Objects.requireNonNull(dustDays, "dustDays");
    Objects.requireNonNull(rankingSufficiency, "rankingSufficiency");
    Objects.requireNonNull(water, "water");
    Objects.requireNonNull(airQuality, "airQuality");
  }

  public static PipelineSettings defaults() {
    return new PipelineSettings(
        CHINA,
        ValidityRules.defaults(),
        PeriodRules.defaults(),
        DustDays.none(),
        RankingSufficiency.defaults(),
        WaterSettings.defaults(),
        AirQualitySettings.defaults());
  }

  /** These settings with these listed dust days. */
  public PipelineSettings withDustDays(DustDays days) {
    return new PipelineSettings(
        zone, validity, periodRules, days, rankingSufficiency, water, airQuality);
  }

  /** These settings with another rule on the data, for the daily flag and the period figures alike. */
  public PipelineSettings withDustRule(DustRule rule) {
    return new PipelineSettings(
        zone,
        validity,
        periodRules.withDustRule(rule),
        dustDays,
        rankingSufficiency,
        water,
        airQuality);
  }

  /** These settings with other rules for late, future, silent and suspicious air readings. */
  public PipelineSettings withAirQuality(AirQualitySettings quality) {
    return new PipelineSettings(
        zone, validity, periodRules, dustDays, rankingSufficiency, water, quality);
  }
}
