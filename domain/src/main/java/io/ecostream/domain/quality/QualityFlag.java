package io.ecostream.domain.quality;

/**
 * Why quality control excluded one hourly value from the statistics. The value is kept (on the
 * input topic and in the flag) but no mean, percentile or AQI uses it.
 */
public enum QualityFlag {
  /** A logger's placeholder for "no data" or "overflow" (-999, 9999, …), not a concentration. */
  SENTINEL("sentinel"),
  /** Below zero: an analyser's zero drift or a transmission error. */
  NEGATIVE("negative"),
  /** Above anything ever measured in China for the pollutant. */
  RANGE("range"),
  /** The same value for too many hours in a row: a frozen analyser or logger. */
  STUCK("stuck"),
  /** One hour far above both neighbours: an implausible rate of change up and back down. */
  SPIKE("spike");

  private final String code;

  QualityFlag(String code) {
    this.code = code;
  }

  /** The lower-case name written to records and metric tags. */
  public String code() {
    return code;
  }
}
