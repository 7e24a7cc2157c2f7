package io.ecostream.streams.water;

import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.internal.SectionMonthState;
import io.ecostream.avro.internal.SectionSample;
import io.ecostream.domain.water.WaterItem;
import io.ecostream.domain.water.WaterQuality;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A section's calendar month as samples arrive: the state keeps every sample by its time, so a
 * re-sent sample replaces itself; the figure is the class of the month's means (arithmetic mean per
 * item, pH by the hydrogen-ion mean, in the domain's decimal arithmetic).
 */
final class SectionMonthAggregation {

  private final SectionSamples samples;
  private final SectionAssessor assessor;

  SectionMonthAggregation(SectionSamples samples, SectionAssessor assessor) {
    this.samples = samples;
    this.assessor = assessor;
  }

  static SectionMonthState initial() {
    return SectionMonthState.newBuilder()
        .setStationId("")
        .setCityId("")
        .setMonth("")
        .setWaterBody(WaterBodyType.RIVER)
        .setSamples(new HashMap<>())
        .build();
  }

  SectionMonthState add(SectionSample sample, SectionMonthState state) {
    state.setStationId(sample.getStationId());
    state.setCityId(sample.getCityId());
    state.setMonth(samples.month(sample.getSampledAt()).toString());
    // The Station data of the latest sample decides the month's water body and target, as it does
    // the sample's class.
    state.setWaterBody(sample.getWaterBody());
    state.setDrinkingSource(sample.getDrinkingSource());
    state.setWaterBodyName(sample.getWaterBodyName());
    state.setTargetClass(sample.getTargetClass());
    ByteBuffer previous =
        state
            .getSamples()
            .put(Long.toString(sample.getSampledAt().toEpochMilli()), sample.getValues());
    if (!sample.getValues().equals(previous)) {
      state.setRevision(state.getRevision() + 1);
    }
    return state;
  }

  /** The means of the month's samples, packed as {@link WaterItems}. */
  static double[] means(SectionMonthState state) {
    List<WaterQuality> all = new ArrayList<>(state.getSamples().size());
    for (ByteBuffer values : state.getSamples().values()) {
      all.add(WaterItems.quality(WaterItems.unpack(values)));
    }
    return WaterItems.values(WaterQuality.mean(all));
  }

  SectionMonth figure(SectionMonthState state) {
    double[] means = means(state);
    SectionAssessor.Assessment assessment =
        assessor.assess(
            means, state.getWaterBody(), state.getDrinkingSource(), state.getTargetClass());
    boolean sea = state.getWaterBody() == WaterBodyType.SEA;
    return SectionMonth.newBuilder()
        .setStationId(state.getStationId())
        .setCityId(state.getCityId())
        .setMonth(state.getMonth())
        .setWaterBody(state.getWaterBody())
        .setDrinkingSource(state.getDrinkingSource())
        .setSamples(state.getSamples().size())
        .setPh(value(means, WaterItem.PH))
        .setDissolvedOxygen(value(means, WaterItem.DISSOLVED_OXYGEN))
        .setCodMn(value(means, WaterItem.COD_MN))
        .setCod(value(means, sea ? WaterItem.SEA_COD : WaterItem.COD))
        .setBod5(value(means, WaterItem.BOD5))
        .setAmmoniaNitrogen(value(means, WaterItem.AMMONIA_NITROGEN))
        .setTotalPhosphorus(value(means, WaterItem.TOTAL_PHOSPHORUS))
        .setTotalNitrogen(value(means, WaterItem.TOTAL_NITROGEN))
        .setFluoride(value(means, WaterItem.FLUORIDE))
        .setPetroleum(value(means, WaterItem.PETROLEUM))
        .setInorganicNitrogen(value(means, WaterItem.INORGANIC_NITROGEN))
        .setActivePhosphate(value(means, WaterItem.ACTIVE_PHOSPHATE))
        .setWaterClass(assessment.label())
        .setGood(assessment.good())
        .setDetermining(assessment.determining())
        .setTotalNitrogenClass(assessment.totalNitrogenClass())
        .setTargetClass(state.getTargetClass())
        .setMeetsTarget(assessment.meetsTarget())
        .setCwqi(assessment.cwqi())
        .setDrinkingCompliant(assessment.drinkingCompliant())
        .setWaterBodyName(state.getWaterBodyName())
        .setRevision(state.getRevision())
        .build();
  }

  /** The month's means of a figure, packed, for the city's period figures. */
  static double[] publishedMeans(SectionMonth figure) {
    double[] values = new double[WaterItems.SIZE];
    java.util.Arrays.fill(values, Double.NaN);
    boolean sea = figure.getWaterBody() == WaterBodyType.SEA;
    WaterItems.put(values, WaterItem.PH, figure.getPh());
    WaterItems.put(values, WaterItem.DISSOLVED_OXYGEN, figure.getDissolvedOxygen());
    WaterItems.put(values, WaterItem.COD_MN, figure.getCodMn());
    WaterItems.put(values, sea ? WaterItem.SEA_COD : WaterItem.COD, figure.getCod());
    WaterItems.put(values, WaterItem.BOD5, figure.getBod5());
    WaterItems.put(values, WaterItem.AMMONIA_NITROGEN, figure.getAmmoniaNitrogen());
    WaterItems.put(values, WaterItem.TOTAL_PHOSPHORUS, figure.getTotalPhosphorus());
    WaterItems.put(values, WaterItem.TOTAL_NITROGEN, figure.getTotalNitrogen());
    WaterItems.put(values, WaterItem.FLUORIDE, figure.getFluoride());
    WaterItems.put(values, WaterItem.PETROLEUM, figure.getPetroleum());
    WaterItems.put(values, WaterItem.INORGANIC_NITROGEN, figure.getInorganicNitrogen());
    WaterItems.put(values, WaterItem.ACTIVE_PHOSPHATE, figure.getActivePhosphate());
    return values;
  }

  private static Double value(double[] values, WaterItem item) {
    double value = WaterItems.get(values, item);
    return Double.isNaN(value) ? null : value;
  }
}
