package io.ecostream.avro.testing;

/**
 * Written by hand in another order than the symbols of its schema in {@link Bearing} (NORTH, EAST,
 * SOUTH, WEST), which no generated enum is: Avro writes the ordinal all the same.
 */
public enum CompassPoint {
  NORTH,
  SOUTH,
  EAST,
  WEST
}
