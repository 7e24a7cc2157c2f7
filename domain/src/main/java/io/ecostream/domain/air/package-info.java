/**
 * The air quality index of HJ 633-2012 and HJ 633-2026 (环境空气质量指数（AQI）技术规定), as pure code.
 *
 * <p>{@link io.ecostream.domain.air.Iaqi} gives one indicator's IAQI from a concentration, after
 * the GB/T 8170 rounding of {@link io.ecostream.domain.air.Gbt8170}; {@link
 * io.ecostream.domain.air.HourlyAqi} (real-time report) and {@link
 * io.ecostream.domain.air.DailyAqi} (daily report) choose the indicators each edition uses and
 * combine their IAQIs into an {@link io.ecostream.domain.air.AqiResult}. The edition follows the
 * date of the data ({@link io.ecostream.domain.air.AqiEdition#forDate}).
 *
 * <p>Choices the standards leave open, documented where they are made: PM 1-hour values on the
 * 24-hour breakpoints under 2012 ({@link io.ecostream.domain.air.Indicator#PM10_1H}); the cap at
 * 500 above a column's last breakpoint ({@link io.ecostream.domain.air.Iaqi}); GB/T 8170 rounding
 * applied to 2012 data too ({@link io.ecostream.domain.air.Iaqi}); the missing-data rule of HJ
 * 633-2026 §5.3.1 applied to 2012 data too ({@link io.ecostream.domain.air.AqiResult}).
 */
package io.ecostream.domain.air;
