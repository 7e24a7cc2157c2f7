package io.ecostream.streams.water;

import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.avro.internal.SectionMonthState;
import io.ecostream.domain.water.WaterClass;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Water alerts, raised when a sample arrives, not at month end: a section worse than its target
 * class, a section at 劣V, a drinking-water source out of compliance. One alert per section, kind
 * and calendar month (key {@code kind@stationId@yyyy-MM}): the first sample that shows the problem
 * raises it and later ones of the same month do not repeat it, so a replay raises nothing twice.
 * The section's month remembers what it raised.
 */
final class WaterAlerts {

  static final String BELOW_TARGET = "water-below-target";
  static final String WORSE_THAN_V = "water-worse-than-v";
  static final String DRINKING_NON_COMPLIANT = "drinking-source-non-compliant";

  private final ZoneId zone;

  WaterAlerts(ZoneId zone) {
    this.zone = zone;
  }

  /** The alerts the sample raises in its section's month, which records them as raised. */
  List<Alert> raise(WaterSampleClass sample, SectionMonthState month) {
    List<Alert> alerts = new ArrayList<>(0);
    if (Boolean.FALSE.equals(sample.getMeetsTarget())) {
      raise(
          alerts,
          month,
          sample,
          BELOW_TARGET,
          "WATER_BELOW_TARGET",
          "class "
              + sample.getWaterClass()
              + " is worse than the target class "
              + roman(sample.getTargetClass()));
    }
    if ("劣V".equals(sample.getWaterClass())) {
      raise(
          alerts,
          month,
          sample,
          WORSE_THAN_V,
          "WATER_WORSE_THAN_V",
          "worse than class V (劣V), determined by " + String.join(", ", sample.getDetermining()));
    }
    if (Boolean.FALSE.equals(sample.getDrinkingCompliant())) {
      raise(
          alerts,
          month,
          sample,
          DRINKING_NON_COMPLIANT,
          "DRINKING_SOURCE_NON_COMPLIANT",
          "drinking-water source out of compliance (class " + sample.getWaterClass() + ")");
    }
    return alerts;
  }

  private void raise(
      List<Alert> alerts,
      SectionMonthState month,
      WaterSampleClass sample,
      String kind,
      String type,
      String what) {
    if (month.getRaisedAlerts().contains(kind)) {
      return;
    }
    month.getRaisedAlerts().add(kind);
    String id =
        kind
            + "@"
            + sample.getStationId()
            + "@"
            + YearMonth.from(sample.getSampledAt().atZone(zone));
    alerts.add(
        Alert.newBuilder()
            .setAlertId(id)
            .setType(type)
            .setStatus(AlertStatus.RAISED)
            .setCityId(sample.getCityId())
            .setStationId(sample.getStationId())
            .setDate(sample.getSampledAt().atZone(zone).toLocalDate())
            .setValue(null)
            .setMessage(
                sample.getStationId()
                    + " ("
                    + sample.getCityId()
                    + ") at "
                    + sample.getSampledAt()
                    + ": "
                    + what)
            .setEventTime(sample.getSampledAt())
            .build());
  }

  private static String roman(Integer number) {
    return number == null ? "?" : WaterClass.ofNumber(number).label();
  }
}
