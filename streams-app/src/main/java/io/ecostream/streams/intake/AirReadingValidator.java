package io.ecostream.streams.intake;

import io.ecostream.avro.AirReading;
import java.util.Optional;

/**
 * Checks that a decoded air reading can enter the pipeline at all: a station, a city (ids of at
 * most {@value TextLimits#MAX_ID_CHARS} characters), a time on the hour, at least one pollutant,
 * numbers that are numbers. Values that are possible to encode but wrong or suspicious (negative,
 * sentinels such as -999 or 9999, out of range, stuck, spikes) are not rejected here: quality
 * control flags them one by one, so that the rest of the reading still counts and the flagged
 * values are kept and counted ({@link io.ecostream.domain.quality.QualityRules}).
 */
public final class AirReadingValidator implements Validator<AirReading> {

  private static final long HOUR_MILLIS = 3_600_000L;

  @Override
  public Optional<Rejection> check(AirReading reading) {
    if (isBlank(reading.getStationId())) {
      return invalid("stationId is blank");
    }
    Optional<Rejection> tooLong =
        TextLimits.first(
            TextLimits.tooLong("stationId", reading.getStationId(), TextLimits.MAX_ID_CHARS),
            TextLimits.tooLong("cityId", reading.getCityId(), TextLimits.MAX_ID_CHARS));
    if (tooLong.isPresent()) {
      return tooLong;
    }
    if (isBlank(reading.getCityId())) {
      return invalid("cityId is blank for station " + reading.getStationId());
    }
    if (reading.getHourStart().toEpochMilli() % HOUR_MILLIS != 0) {
      return invalid("hourStart " + reading.getHourStart() + " is not on the hour");
    }
    String problem = notANumber("pm25", reading.getPm25());
    problem = problem != null ? problem : notANumber("pm10", reading.getPm10());
    problem = problem != null ? problem : notANumber("so2", reading.getSo2());
    problem = problem != null ? problem : notANumber("no2", reading.getNo2());
    problem = problem != null ? problem : notANumber("co", reading.getCo());
    problem = problem != null ? problem : notANumber("o3", reading.getO3());
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

  /** What is wrong with one concentration, or null when it is absent or a finite number. */
  private static String notANumber(String field, Double value) {
    if (value != null && (value.isNaN() || value.isInfinite())) {
      return field + " is not a number: " + value;
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
