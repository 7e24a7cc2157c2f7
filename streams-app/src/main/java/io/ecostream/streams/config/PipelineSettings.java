package io.ecostream.streams.config;

import io.ecostream.domain.stats.PeriodRules;
import io.ecostream.domain.stats.RankingSufficiency;
import io.ecostream.domain.stats.ValidityRules;
import java.time.ZoneId;

/**
 * Rules of the statistics that a deployment may set.
 *
 * @param zone the zone whose natural days the daily figures use (China Standard Time: no DST)
 * @param validity data-validity rules (GB 3095 Table 4, HJ 663 defaults)
 * @param periodRules how month and year figures are computed (rounding, composite index, which
 *     days count as dust-affected from their data: 扣沙)
 * @param rankingSufficiency which cities a province ranking ranks (own rule: 90 % of the days
 *     elapsed valid)
 */
public record PipelineSettings(
    ZoneId zone,
    ValidityRules validity,
    PeriodRules periodRules,
    RankingSufficiency rankingSufficiency) {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public static PipelineSettings defaults() {
    return new PipelineSettings(
        CHINA, ValidityRules.defaults(), PeriodRules.defaults(), RankingSufficiency.defaults());
  }
}
