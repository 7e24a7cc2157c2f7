package io.ecostream.producer;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;

/**
 * Where the simulator's records go. Called from one thread, in event-time order (except behind a
 * FaultInjector with delivery faults on, which reorders on purpose). A sink may throw an unchecked
 * exception to abort the simulation (e.g. once a send has failed).
 */
public interface ReadingSink {

  void station(Station station);

  void air(AirReading reading);

  void water(WaterSample sample);

  /** Blocks until every record handed over so far is delivered (or has failed). */
  void flush();
}
