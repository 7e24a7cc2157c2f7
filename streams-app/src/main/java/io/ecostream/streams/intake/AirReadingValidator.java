package io.ecostream.streams.intake;

import io.ecostream.avro.AirReading;
import java.util.Optional;

/**
 * Checks that a decoded air reading can enter the statistics. It rejects what is certainly wrong
 * (no station, a time off the hour, a negative or impossible concentration, nothing measured);
 * the finer quality flags of suspicious but possible values (stuck sensors, spikes) belong to
 * quality control, not to validation.
 */
public final class AirReadingValidator implements Validator<AirReading> {

  private static final long HOUR_MILLIS = 3_600_000L;

  /**
   * Upper bounds far above anything measured in China (PM2.5 peaked near 1 000 µg/m³ in the 2013
   * haze); a value above them is an instrument or transmission error, e.g. a 9999 sentinel.
   */
  static final double MAX_PARTICULATE = 5_000.0;

  static final double MAX_GAS = 10_000.0;
  static final double MAX_CO_MG = 150.0;

  @Override
  public Optional<Rejection> check(AirReading reading) {
    if (isBlank(reading.getStationId())) {
      return invalid("stationId is blank");
    }
    if (isBlank(reading.getCityId())) {
      return invalid("cityId is blank for station " + reading.getStationId());
    }
    if (reading.getHourStart().toEpochMilli() % HOUR_MILLIS != 0) {
      return invalid("hourStart " + reading.getHourStart() + " is not on the hour");
    }
    String problem = concentrationProblem("pm25", reading.getPm25(), MAX_PARTICULATE);
    problem = problem != null ? problem : concentrationProblem("pm10", reading.getPm10(), MAX_PARTICULATE);
    problem = problem != null ? problem : concentrationProblem("so2", reading.getSo2(), MAX_GAS);
    problem = problem != null ? problem : concentrationProblem("no2", reading.getNo2(), MAX_GAS);
    problem = problem != null ? problem : concentrationProblem("co", reading.getCo(), MAX_CO_MG);
    problem = problem != null ? problem : concentrationProblem("o3", reading.getO3(), MAX_GAS);
    if (problem != null) {
      return invalid(problem);
    }
    if (reading.getPm25() == null
        && reading.getPm10() == null
        && reading.getSo2() == null
        && reading.getNo2() == null
        && reading.getCo() == null
        && reading.getO3() == null) {
      return invalid("no pollutant measured");
    }
    return Optional.empty();
  }

  /** What is wrong with one concentration, or null when it is absent or plausible. */
  private static String concentrationProblem(String field, Double value, double max) {
    if (value == null) {
      return null;
    }
    if (value.isNaN() || value.isInfinite()) {
      return field + " is not a number: " + value;
    }
    if (value < 0) {
      return field + " is negative: " + value;
    }
    if (value > max) {
      return field + " " + value + " exceeds the plausible maximum " + max;
    }
    return null;
  }

  private static Optional<Rejection> invalid(String detail) {
    return Optional.of(Rejection.invalid(detail));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
