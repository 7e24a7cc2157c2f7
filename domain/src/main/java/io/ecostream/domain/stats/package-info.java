/**
 * The assessment statistics of GB 3095 and HJ 663 (环境空气质量评价技术规范) as pure code, built for
 * incremental use from Kafka Streams aggregates: small immutable records whose fields the caller
 * serializes, and pure functions over arrays.
 *
 * <ul>
 *   <li>Validity (GB 3095 Table 4 and HJ 663 as recalled): {@link
 *       io.ecostream.domain.stats.ValidityRules}, {@link io.ecostream.domain.stats.DailyMean},
 *       {@link io.ecostream.domain.stats.Ozone} (8-hour averages, MDA8, O3 daily maximum 1 h).
 *   <li>Percentiles by the HJ 663 method: {@link io.ecostream.domain.stats.Percentile}.
 *   <li>Period figures of a city (means, CO p95, O3 p90, day counts, good-day ratio, dust
 *       deduction): {@link io.ecostream.domain.stats.PeriodAccumulator} over {@link
 *       io.ecostream.domain.stats.DailyRecord}s, giving {@link
 *       io.ecostream.domain.stats.PeriodStatistics}.
 *   <li>Composite index: {@link io.ecostream.domain.stats.CompositeIndex} under a {@link
 *       io.ecostream.domain.stats.CompositeIndexDefinition}.
 *   <li>Year-on-year change: {@link io.ecostream.domain.stats.YearOnYear}; bulletin precision:
 *       {@link io.ecostream.domain.stats.BulletinRounding}; city ranking: {@link
 *       io.ecostream.domain.stats.Ranking}, which cities it ranks: {@link
 *       io.ecostream.domain.stats.RankingSufficiency}.
 * </ul>
 *
 * <p>Rules not read in a primary text are named settings with documented defaults
 * (docs/standards.md#how-sure-each-rule-is calls them assumed): the MDA8 "14 of 17 windows" rule
 * and its exceedance exception ({@link io.ecostream.domain.stats.ValidityRules}); the O3 1-hour
 * maximum's 20 hours (own choice); rounding daily values before period statistics and rounding the
 * statistics before the composite index ({@link io.ecostream.domain.stats.PeriodRules}); the dust
 * rule ({@link io.ecostream.domain.stats.DustRule}); year-on-year from published values ({@link
 * io.ecostream.domain.stats.YearOnYear.Basis}); the 90 % of elapsed days a city needs to be ranked
 * ({@link io.ecostream.domain.stats.RankingSufficiency}). The 2026 weighted composite index is an
 * <b>unverified</b> third-party claim ({@link
 * io.ecostream.domain.stats.CompositeIndexDefinition#THIRD_PARTY_2026_CLAIM}).
 *
 * <p>Figures that end up rounded by GB/T 8170 are computed so that exact ties stay ties:
 * percentiles interpolate in decimal, the composite index is summed as an exact fraction, change
 * rates of published values are computed in whole hundredths.
 */
package io.ecostream.domain.stats;
