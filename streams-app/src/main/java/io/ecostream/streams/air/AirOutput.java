package io.ecostream.streams.air;

import org.apache.avro.specific.SpecificRecord;

/**
 * One record of the city task for one of its output topics; {@link Kind} says which, so that the
 * pipeline's sink writes each to its topic ({@link AirOutputTopics}) or sends it on to the ranking.
 */
public record AirOutput(Kind kind, SpecificRecord value) {

  public enum Kind {
    STATION_HOURLY,
    CITY_HOURLY,
    PM25_ROLLING,
    CITY_DAILY,
    CITY_PERIOD,
    /** A city-period figure keyed {@code province@period}, for the province's ranking. */
    RANKING_INPUT,
    ALERT,
    DEAD_LETTER
  }

  /** The value as the record type of its topic. */
  public <V extends SpecificRecord> V as(Class<V> type) {
    return type.cast(value);
  }
}
