package io.ecostream.avro.testing;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A record written by hand rather than generated, with an enum whose ordinals are not the indexes
 * of its schema's symbols, for the tests of the compiled writer's checks.
 */
public class Bearing extends SpecificRecordBase {

  public static final Schema SCHEMA$ =
      new Schema.Parser()
          .parse(
"""
{"type": "record", "name": "Bearing", "namespace": "io.ecostream.avro.testing", "fields": [
  {"name": "point", "type": {"type": "enum", "name": "CompassPoint",
    "symbols": ["NORTH", "EAST", "SOUTH", "WEST"]}},
  {"name": "degrees", "type": "double"}]}""");

  private CompassPoint point;
  private double degrees;

  public Bearing() {}

  public Bearing(CompassPoint point, double degrees) {
    this.point = point;
    this.degrees = degrees;
  }

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }

  @Override
  public Object get(int field) {
    return switch (field) {
      case 0 -> point;
      case 1 -> degrees;
      default -> throw new IndexOutOfBoundsException(field);
    };
  }

  @Override
  public void put(int field, Object value) {
    switch (field) {
      case 0 -> point = (CompassPoint) value;
      case 1 -> degrees = (Double) value;
      default -> throw new IndexOutOfBoundsException(field);
    }
  }
}
