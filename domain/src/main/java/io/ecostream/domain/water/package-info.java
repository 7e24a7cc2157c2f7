/**
 * Water quality by the Chinese standards as pure code (docs/standards.md#surface-water-classes and
 * the sections after it): surface water classes (GB 3838-2002), section classes and shares, river
 * grading and CWQI; near-shore sea classes (GB 3097-1997); drinking-water sources (GB 3838 Tables
 * 1–2, GB/T 14848-2017).
 *
 * <ul>
 *   <li>Input: {@link io.ecostream.domain.water.WaterQuality}, the values of one sample or period
 *       by {@link io.ecostream.domain.water.WaterItem}; an absent item is not measured and not
 *       evaluated. Period values: {@link io.ecostream.domain.water.WaterQuality#mean} (arithmetic,
 *       pH by hydrogen-ion mean).
 *   <li>Surface water: {@link io.ecostream.domain.water.Gb3838} (class per indicator, section class
 *       over the 21 items, with 定类因子 and 超标 in {@link
 *       io.ecostream.domain.water.SingleFactorResult}); {@link
 *       io.ecostream.domain.water.WaterClass}; shares {@link
 *       io.ecostream.domain.water.SectionShares}; river grade {@link
 *       io.ecostream.domain.water.RiverGrading}; {@link io.ecostream.domain.water.Cwqi} with city
 *       ranking.
 *   <li>Sea: {@link io.ecostream.domain.water.Gb3097}, {@link io.ecostream.domain.water.SeaClass},
 *       point shares {@link io.ecostream.domain.water.SeaPointShares} (by points, not area).
 *   <li>Drinking-water sources: {@link io.ecostream.domain.water.DrinkingWaterSource}, {@link
 *       io.ecostream.domain.water.Gbt14848}, rates by count and by volume {@link
 *       io.ecostream.domain.water.ComplianceRates}.
 *   <li>Year on year: {@link io.ecostream.domain.water.WaterYearOnYear}.
 * </ul>
 *
 * <p>Values arrive as {@code double} and are compared as the decimal they print as ({@link
 * java.math.BigDecimal#valueOf(double)}): a value equal to a limit is in the better class, the
 * smallest step above it in the next. Means, sums and quotients are computed in decimal; shares are
 * compared as whole counts and published to one decimal by GB/T 8170.
 *
 * <p>Unconfirmed rules are named settings with documented defaults: {@link
 * io.ecostream.domain.water.RiverGradingRules} (the 60 % / 75 % 重度污染 line, default 75), {@link
 * io.ecostream.domain.water.CwqiRules} (city aggregation, ½ detection limit, 2 decimals), {@link
 * io.ecostream.domain.water.Gb3097Rules} (evaluated items, strict DO), {@link
 * io.ecostream.domain.water.DrinkingWaterSource.Rules} (groundwater microbiological items), {@link
 * io.ecostream.domain.water.WaterQuality.PhAveraging}.
 */
package io.ecostream.domain.water;
