package io.ecostream.producer.faults;

/**
 * The faults the injector can put into air readings, in the order they are applied to a
 * station-hour: the analyser's values first, then whether the record is sent at all, then its time
 * stamp, then its delivery.
 */
public enum FaultKind {
  /** The analyser's value holds still for 6-48 hours. */
  STUCK("stuck"),
  /** One value multiplied by 5-20. */
  SPIKE("spike"),
  /** One value below zero: -1..-20 µg/m³, CO -0.1..-2.0 mg/m³. */
  NEGATIVE("negative"),
  /** One value replaced by a logger's no-data or overflow code, -999 or 9999. */
  SENTINEL("sentinel"),
  /** The station-hour is not sent (half of the hits) or one pollutant is null (the other half). */
  MISSING("missing"),
  /** The station sends nothing for 2 h to 5 days. */
  OUTAGE("outage"),
  /** The station's clock is ahead: its readings are stamped hours after the true hour. */
  FAST_CLOCK("fast-clock"),
  /** The record is delivered 2 h to 5 days after its hour. */
  LATE("late"),
  /** The record is delivered 1-3 hours late, after later hours of its station. */
  OUT_OF_ORDER("out-of-order"),
  /** The record is sent a second time, at once or up to a day later. */
  DUPLICATE("duplicate");

  private final String label;

  FaultKind(String label) {
    this.label = label;
  }

  /** Lower-case name, as in the {@code --fault-<label>} option and the run summary. */
  public String label() {
    return label;
  }
}
