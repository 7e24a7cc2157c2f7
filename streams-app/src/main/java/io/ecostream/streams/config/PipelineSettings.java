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
 * <p>A day is dust-affected (扣沙) when it is in {@code dustDays} or when the dust rule of {@code
 * periodRules} flags it from its data: with the defaults the rule alone, with a list the list or
 * the rule, with the rule disabled ({@link DustRule#flagsOnly()}) the list alone.
 *
 * @param zone the zone whose natural days the daily figures use (China Standard Time: no DST)
 * @param validity data-validity rules (GB 3095 Table 4, HJ 663 defaults)
 * @param periodRules how month and year figures are computed (rounding, composite index, which days
 *     count as dust-affected from their data: 扣沙)
 * @param dustDays days listed as dust-affected whatever their data; default none
 * @param rankingSufficiency which cities a province ranking ranks (own rule: 90 % of the days
 *     elapsed valid)
 * @param water rules of the water figures (CWQI, sea points)
 * @param airQuality late and future readings, silent stations, hourly quality control
 * @param generation how many times the application was reset ({@code run --reset}); city-daily
 *     revisions start at {@code generation × }{@link #GENERATION_STEP}, so a reprocessed figure
 *     supersedes every one published before the reset with a higher revision
 */
public record PipelineSettings(
    ZoneId zone,
    ValidityRules validity,
    PeriodRules periodRules,
    DustDays dustDays,
    RankingSufficiency rankingSufficiency,
    WaterSettings water,
    AirQualitySettings airQuality,
    long generation) {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** Revisions of one generation stay below this: a day takes in some thousand station-hours. */
  public static final long GENERATION_STEP = 1_000_000_000L;

  public PipelineSettings {
    Objects.requireNonNull(dustDays, "dustDays");
    Objects.requireNonNull(rankingSufficiency, "rankingSufficiency");
    Objects.requireNonNull(water, "water");
    Objects.requireNonNull(airQuality, "airQuality");
    if (generation < 0 || generation > Long.MAX_VALUE / GENERATION_STEP / 1_000) {
      throw new IllegalArgumentException("generation out of range: " + generation);
    }
  }

  public static PipelineSettings defaults() {
    return new PipelineSettings(
        CHINA,
        ValidityRules.defaults(),
        PeriodRules.defaults(),
        DustDays.none(),
        RankingSufficiency.defaults(),
        WaterSettings.defaults(),
        AirQualitySettings.defaults(),
        0);
  }

  /** These settings with these listed dust days. */
  public PipelineSettings withDustDays(DustDays days) {
    return new PipelineSettings(
        zone, validity, periodRules, days, rankingSufficiency, water, airQuality, generation);
  }

  /**
   * These settings with another rule on the data, for the daily flag and the period figures alike.
   */
  public PipelineSettings withDustRule(DustRule rule) {
    return new PipelineSettings(
        zone,
        validity,
        periodRules.withDustRule(rule),
        dustDays,
        rankingSufficiency,
        water,
        airQuality,
        generation);
  }

  /** These settings with other rules for late, future, silent and suspicious air readings. */
  public PipelineSettings withAirQuality(AirQualitySettings quality) {
    return new PipelineSettings(
        zone, validity, periodRules, dustDays, rankingSufficiency, water, quality, generation);
  }

  /** These settings for the application's {@code generation}-th reset. */
  public PipelineSettings withGeneration(long resets) {
    return new PipelineSettings(
        zone, validity, periodRules, dustDays, rankingSufficiency, water, airQuality, resets);
  }

  /** The first revision of this generation's figures, less one. */
  public long revisionBase() {
    return generation * GENERATION_STEP;
  }
}
