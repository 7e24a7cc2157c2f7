package io.ecostream.streams.alerts;

import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.HeavyPollutionDay;
import io.ecostream.avro.internal.HeavyPollutionEpisode;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.streams.alerts.rules.AlertChange;
import io.ecostream.streams.alerts.rules.CityAlertState;
import io.ecostream.streams.alerts.rules.CityAlertState.Day;
import io.ecostream.streams.alerts.rules.CityAlertState.Episode;
import io.ecostream.streams.alerts.rules.CityDayUpdate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Between the wire and store records (Avro) and the tracker's own records. */
final class HeavyPollutionCodec {

  private HeavyPollutionCodec() {}

  static CityDayUpdate update(CityDaily daily, long timestamp) {
    return new CityDayUpdate(
        daily.getCityId(),
        daily.getDate(),
        daily.getRevision(),
        daily.getRunningAqi(),
        daily.getAqi(),
        daily.getValid(),
        daily.getStationHours(),
        daily.getStationsReporting(),
        Instant.ofEpochMilli(timestamp));
  }

  static Alert alert(AlertChange change) {
    return Alert.newBuilder()
        .setAlertId(change.alertId())
        .setType(change.type().name())
        .setStatus(AlertStatus.valueOf(change.status().name()))
        .setCityId(change.cityId())
        .setStationId(null)
        .setDate(change.date())
        .setValue(change.value() == null ? null : change.value().doubleValue())
        .setMessage(change.message())
        .setEventTime(change.eventTime())
        .build();
  }

  static HeavyPollutionState toAvro(CityAlertState state) {
    List<HeavyPollutionDay> days = new ArrayList<>(state.days().size());
    for (Day day : state.days().values()) {
      CityDayUpdate figure = day.latest();
      days.add(
          HeavyPollutionDay.newBuilder()
              .setDate(figure.date())
              .setRevision(figure.revision())
              .setRunningAqi(figure.runningAqi())
              .setAqi(figure.aqi())
              .setValid(figure.valid())
              .setStationHours(figure.stationHours())
              .setStationsReporting(figure.stationsReporting())
              .setEventTime(figure.eventTime())
              .setAlertStatus(
                  day.alertStatus() == null ? null : AlertStatus.valueOf(day.alertStatus().name()))
              .build());
    }
    List<HeavyPollutionEpisode> episodes = new ArrayList<>(state.episodes().size());
    for (Episode episode : state.episodes().values()) {
      episodes.add(
          HeavyPollutionEpisode.newBuilder()
              .setFirstDay(episode.firstDay())
              .setLastDay(episode.lastDay())
              .setPeakAqi(episode.peakAqi())
              .setStatus(AlertStatus.valueOf(episode.status().name()))
              .build());
    }
    return HeavyPollutionState.newBuilder()
        .setCityId(state.cityId())
        .setClosedThrough(state.closedThrough())
        .setDays(days)
        .setEpisodes(episodes)
        .build();
  }

  static CityAlertState fromAvro(HeavyPollutionState stored) {
    String cityId = stored.getCityId();
    TreeMap<LocalDate, Day> days = new TreeMap<>();
    for (HeavyPollutionDay day : stored.getDays()) {
      CityDayUpdate figure =
          new CityDayUpdate(
              cityId,
              day.getDate(),
              day.getRevision(),
              day.getRunningAqi(),
              day.getAqi(),
              day.getValid(),
              day.getStationHours(),
              day.getStationsReporting(),
              day.getEventTime());
      days.put(figure.date(), new Day(figure, status(day.getAlertStatus())));
    }
    TreeMap<LocalDate, Episode> episodes = new TreeMap<>();
    for (HeavyPollutionEpisode episode : stored.getEpisodes()) {
      episodes.put(
          episode.getFirstDay(),
          new Episode(
              episode.getFirstDay(),
              episode.getLastDay(),
              episode.getPeakAqi(),
              status(episode.getStatus())));
    }
    return new CityAlertState(cityId, stored.getClosedThrough(), days, episodes);
  }

  private static AlertChange.Status status(AlertStatus status) {
    return status == null ? null : AlertChange.Status.valueOf(status.name());
  }
}
