package io.ecostream.streams.water;

import org.apache.avro.specific.SpecificRecord;

/**
 * One record of the city water task for one of its output topics; {@link Kind} says which, so that
 * the pipeline routes each to its sink.
 */
record WaterOutput(Kind kind, SpecificRecord value) {

  enum Kind {
    SAMPLE_CLASS,
    SECTION_MONTH,
    CITY_PERIOD,
    /** A city-period figure keyed {@code province@period}, for the province's ranking. */
    RANKING_INPUT,
    ALERT,
    /** A sample too late for its city's kept years, or stamped in the future. */
    DEAD_LETTER
  }

  /** The value as the record type of its topic. */
  <V extends SpecificRecord> V as(Class<V> type) {
    return type.cast(value);
  }
}
