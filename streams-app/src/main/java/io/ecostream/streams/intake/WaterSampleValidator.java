package io.ecostream.streams.intake;

import io.ecostream.avro.WaterSample;
import java.util.Optional;

/**
 * Checks that a decoded water sample can enter the statistics: a station, a city (ids and texts of
 * bounded length, {@link TextLimits}), no negative or non-finite value, a pH on the pH scale,
 * something measured. Suspicious but possible values are left to quality control.
 */
public final class WaterSampleValidator implements Validator<WaterSample> {

  private static final double MAX_PH = 14;

  @Override
  public Optional<Rejection> check(WaterSample sample) {
    if (sample.getStationId() == null || sample.getStationId().isBlank()) {
      return invalid("stationId is blank");
    }
    Optional<Rejection> tooLong =
        TextLimits.first(
            TextLimits.tooLong("stationId", sample.getStationId(), TextLimits.MAX_ID_CHARS),
            TextLimits.tooLong("cityId", sample.getCityId(), TextLimits.MAX_ID_CHARS),
            TextLimits.tooLong(
                "publishedClass", sample.getPublishedClass(), TextLimits.MAX_ID_CHARS),
            TextLimits.tooLong("status", sample.getStatus(), TextLimits.MAX_NAME_CHARS));
    if (tooLong.isPresent()) {
      return tooLong;
    }
    if (sample.getCityId() == null || sample.getCityId().isBlank()) {
      return invalid("cityId is blank for station " + sample.getStationId());
    }
    if (sample.getPh() != null && !(sample.getPh() >= 0 && sample.getPh() <= MAX_PH)) {
      return invalid("ph is outside 0-14: " + sample.getPh());
    }
    boolean measured = false;
    for (var field : sample.getSchema().getFields()) {
      if (field.schema().getType() == org.apache.avro.Schema.Type.UNION
          && sample.get(field.pos()) instanceof Double value) {
        if (!(value >= 0) || value.isInfinite()) {
          return invalid(field.name() + " is negative or not finite: " + value);
        }
        measured = true;
      }
    }
    return measured ? Optional.empty() : invalid("nothing measured");
  }

  private static Optional<Rejection> invalid(String detail) {
    return Optional.of(Rejection.invalid(detail));
  }
}
