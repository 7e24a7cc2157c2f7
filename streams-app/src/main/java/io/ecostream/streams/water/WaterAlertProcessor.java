package io.ecostream.streams.water;

import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.WaterSampleClass;
import java.time.YearMonth;
import java.time.ZoneId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Raises water alerts when a sample arrives, not at month end: a section worse than its target
 * class, a section at 劣V, a drinking-water source out of compliance. One alert per section, kind and
 * calendar month (key {@code kind@stationId@yyyy-MM}): the first sample that shows the problem raises
 * it and later ones of the same month do not repeat it, so a replay raises nothing twice. Input keyed
 * by station id.
 */
final class WaterAlertProcessor implements Processor<String, WaterSampleClass, String, Alert> {

  static final String BELOW_TARGET = "water-below-target";
  static final String WORSE_THAN_V = "water-worse-than-v";
  static final String DRINKING_NON_COMPLIANT = "drinking-source-non-compliant";

  private final String storeName;
  private final ZoneId zone;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Long> raised;

  WaterAlertProcessor(String storeName, ZoneId zone) {
    this.storeName = storeName;
    this.zone = zone;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.raised = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, WaterSampleClass> record) {
    WaterSampleClass sample = record.value();
    if (sample == null) {
      return;
    }
    if (Boolean.FALSE.equals(sample.getMeetsTarget())) {
      raise(record, sample, BELOW_TARGET, "WATER_BELOW_TARGET",
          "class " + sample.getWaterClass() + " is worse than the target class " + roman(sample.getTargetClass()));
    }
    if ("劣V".equals(sample.getWaterClass())) {
      raise(record, sample, WORSE_THAN_V, "WATER_WORSE_THAN_V",
          "worse than class V (劣V), determined by " + String.join(", ", sample.getDetermining()));
    }
    if (Boolean.FALSE.equals(sample.getDrinkingCompliant())) {
      raise(record, sample, DRINKING_NON_COMPLIANT, "DRINKING_SOURCE_NON_COMPLIANT",
          "drinking-water source out of compliance (class " + sample.getWaterClass() + ")");
    }
  }

  private void raise(
      Record<String, WaterSampleClass> record, WaterSampleClass sample, String kind, String type, String what) {
    String id = kind + "@" + sample.getStationId() + "@" + YearMonth.from(sample.getSampledAt().atZone(zone));
    if (raised.get(id) != null) {
      return;
    }
    raised.put(id, sample.getSampledAt().toEpochMilli());
    Alert alert =
        Alert.newBuilder()
            .setAlertId(id)
            .setType(type)
            .setStatus(AlertStatus.RAISED)
            .setCityId(sample.getCityId())
            .setStationId(sample.getStationId())
            .setDate(sample.getSampledAt().atZone(zone).toLocalDate())
            .setValue(null)
            .setMessage(sample.getStationId() + " (" + sample.getCityId() + ") at " + sample.getSampledAt() + ": " + what)
            .setEventTime(sample.getSampledAt())
            .build();
    context.forward(record.withKey(id).withValue(alert));
  }

  private static String roman(Integer number) {
    return number == null ? "?" : io.ecostream.domain.water.WaterClass.ofNumber(number).label();
  }
}
