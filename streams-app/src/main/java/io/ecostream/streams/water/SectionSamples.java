package io.ecostream.streams.water;

import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.avro.internal.SectionSample;
import io.ecostream.avro.internal.WaterSectionState;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A water sample with its section's water body, source flag and target class; its real-time class.
 */
final class SectionSamples {

  private final ZoneId zone;
  private final SectionAssessor assessor;

  SectionSamples(ZoneId zone, SectionAssessor assessor) {
    this.zone = zone;
    this.assessor = assessor;
  }

  /**
   * The sample with its section's Station data as the task holds it (null before any record of the
   * section). Without a Station record the section is taken as a river with no target (the most
   * common case).
   */
  static SectionSample of(WaterSample sample, WaterSectionState section) {
    WaterBodyType body =
        section == null || section.getWaterBody() == null
            ? WaterBodyType.RIVER
            : section.getWaterBody();
    return SectionSample.newBuilder()
        .setStationId(sample.getStationId())
        .setCityId(sample.getCityId())
        .setSampledAt(sample.getSampledAt())
        .setWaterBody(body)
        .setDrinkingSource(section != null && section.getDrinkingSource())
        .setWaterBodyName(section == null ? null : section.getWaterBodyName())
        .setTargetClass(section == null ? null : section.getTargetClass())
        .setValues(WaterItems.pack(WaterItems.of(sample, body)))
        .setPublishedClass(sample.getPublishedClass())
        .build();
  }

  /** {@code stationId@yyyy-MM}: the key of a section's month, as published and as stored. */
  static String monthKey(String stationId, YearMonth month) {
    return stationId + "@" + month;
  }

  /** The local calendar month of a sample. */
  YearMonth month(Instant sampledAt) {
    return YearMonth.from(sampledAt.atZone(zone));
  }

  WaterSampleClass sampleClass(SectionSample sample) {
    SectionAssessor.Assessment assessment =
        assessor.assess(
            WaterItems.unpack(sample.getValues()),
            sample.getWaterBody(),
            sample.getDrinkingSource(),
            sample.getTargetClass());
    return WaterSampleClass.newBuilder()
        .setStationId(sample.getStationId())
        .setCityId(sample.getCityId())
        .setSampledAt(sample.getSampledAt())
        .setWaterBody(sample.getWaterBody())
        .setWaterClass(assessment.label())
        .setDetermining(assessment.determining())
        .setTargetClass(sample.getTargetClass())
        .setMeetsTarget(assessment.meetsTarget())
        .setDrinkingCompliant(assessment.drinkingCompliant())
        .setPublishedClass(sample.getPublishedClass())
        .build();
  }
}
