package io.ecostream.streams.alerts;

import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.StationSilence;
import io.ecostream.streams.air.HourKeys;
import io.ecostream.streams.metrics.PipelineMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The alert records of station silences ({@code STATION_SILENT}, RAISED then CLEARED), from the
 * domain's {@link StationSilence} events. Each silence is its own alert, {@code
 * station-silent@<station>[@<pollutant>]@<first silent local hour>}, so the compacted alerts topic
 * keeps every outage with its end.
 */
public final class StationSilenceAlerts {

  public static final String TYPE = "STATION_SILENT";
  private static final long HOUR_MILLIS = 3_600_000L;

  private final ZoneId zone;
  private final PipelineMetrics metrics;

  public StationSilenceAlerts(ZoneId zone, PipelineMetrics metrics) {
    this.zone = zone;
    this.metrics = metrics;
  }

  /** The events of one station's silences, each handed to {@code sink} as an alert. */
  public StationSilence.Events of(String station, String cityId, Consumer<Alert> sink) {
    return new StationSilence.Events() {
      @Override
      public void raised(Pollutant pollutant, long since, long hours) {
        metrics.stationSilent(pollutant == null ? "station" : pollutant.label());
        sink.accept(
            alert(
                station,
                cityId,
                pollutant,
                since,
                AlertStatus.RAISED,
                since + hours - 1,
                hours,
                what(station, cityId, pollutant)
                    + " silent since "
                    + local(since)
                    + ": no "
                    + (pollutant == null ? "reading" : "value")
                    + " for "
                    + hours
                    + " h"));
      }

      @Override
      public void cleared(Pollutant pollutant, long since, long hour) {
        sink.accept(
            alert(
                station,
                cityId,
                pollutant,
                since,
                AlertStatus.CLEARED,
                hour,
                hour - since,
                what(station, cityId, pollutant)
                    + " reporting again at "
                    + local(hour)
                    + " after "
                    + (hour - since)
                    + " silent h (since "
                    + local(since)
                    + ")"));
      }
    };
  }

  private Alert alert(
      String station,
      String cityId,
      Pollutant pollutant,
      long since,
      AlertStatus status,
      long eventHour,
      long hours,
      String message) {
    return Alert.newBuilder()
        .setAlertId(
            "station-silent@"
                + station
                + (pollutant == null ? "" : "@" + pollutant.label())
                + "@"
                + local(since))
        .setType(TYPE)
        .setStatus(status)
        .setCityId(cityId)
        .setStationId(station)
        .setDate(LocalDate.ofInstant(instant(since), zone))
        .setValue((double) hours)
        .setMessage(message)
        .setEventTime(instant(eventHour))
        .build();
  }

  private static String what(String station, String cityId, Pollutant pollutant) {
    return (pollutant == null ? "" : pollutant.label() + " of ")
        + "station "
        + station
        + " ("
        + cityId
        + ")";
  }

  private String local(long hour) {
    return HourKeys.localHour(instant(hour), zone);
  }

  private static Instant instant(long hour) {
    return Instant.ofEpochMilli(hour * HOUR_MILLIS);
  }
}
