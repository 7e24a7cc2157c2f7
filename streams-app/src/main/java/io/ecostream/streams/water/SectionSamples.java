package io.ecostream.streams.water;

import io.ecostream.avro.Station;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.avro.internal.SectionSample;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** A water sample with its station's water body, source flag and target class; its real-time class. */
final class SectionSamples {

  private final ZoneId zone;
  private final SectionAssessor assessor;

  SectionSamples(ZoneId zone, SectionAssessor assessor) {
    this.zone = zone;
    this.assessor = assessor;
  }

  /** Without a Station record the section is taken as a river with no target (the most common case). */
  static SectionSample of(WaterSample sample, Station station) {
    WaterBodyType body =
        station == null || station.getWaterBody() == null ? WaterBodyType.RIVER : station.getWaterBody();
    return SectionSample.newBuilder()
        .setStationId(sample.getStationId())
        .setCityId(sample.getCityId())
        .setSampledAt(sample.getSampledAt())
        .setWaterBody(body)
        .setDrinkingSource(station != null && station.getDrinkingSource())
        .setWaterBodyName(station == null ? null : station.getWaterBodyName())
        .setTargetClass(station == null ? null : station.getTargetClass())
        .setValues(WaterItems.pack(WaterItems.of(sample, body)))
        .setPublishedClass(sample.getPublishedClass())
        .build();
  }

  /** {@code stationId@yyyy-MM}, the local calendar month. */
  String monthKey(SectionSample sample) {
    return sample.getStationId() + "@" + month(sample.getSampledAt());
  }

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
