package io.ecostream.streams.config;

import io.ecostream.domain.stats.DailyMean;
import java.time.ZoneId;

/**
 * Rules of the statistics that a deployment may set.
 *
 * @param zone the zone whose natural days the daily figures use (China Standard Time: no DST)
 * @param minHoursPerDay hourly values a station needs for a valid daily mean (GB 3095 Table 4)
 */
public record PipelineSettings(ZoneId zone, int minHoursPerDay) {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public PipelineSettings {
    if (minHoursPerDay < 1 || minHoursPerDay > 24) {
      throw new IllegalArgumentException("minHoursPerDay must be 1-24, got " + minHoursPerDay);
    }
  }

  public static PipelineSettings defaults() {
    return new PipelineSettings(CHINA, DailyMean.DEFAULT_MIN_HOURS);
  }
}
