package io.ecostream.domain.stats;

/**
 * Whether period figures include the particulate values of dust-affected days or deduct them
 * ("扣沙").
 */
public enum DustHandling {
  /** All valid daily values count. */
  INCLUDED,
  /** The PM10 and PM2.5 values of dust-affected days are left out; see {@link PeriodStatistics}. */
  DEDUCTED
}
