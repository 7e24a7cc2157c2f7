package io.ecostream.cli.scenario;

import java.util.Objects;

/** A published figure a scenario must reproduce, within a tolerance. */
public record Target(Figure figure, double value, Tolerance tolerance) {

  public Target {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(tolerance, "tolerance");
  }

  public boolean met(double result) {
    return tolerance.allows(value, result);
  }
}
