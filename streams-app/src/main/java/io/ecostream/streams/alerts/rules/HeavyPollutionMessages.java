package io.ecostream.streams.alerts.rules;

import io.ecostream.streams.alerts.rules.AlertChange.Status;
import io.ecostream.streams.alerts.rules.AlertChange.Type;
import io.ecostream.streams.alerts.rules.CityAlertState.Day;
import io.ecostream.streams.alerts.rules.CityAlertState.Episode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The alert records of the heavy-pollution tracker, with their English texts for ops. */
final class HeavyPollutionMessages {

  private final HeavyPollutionRules rules;

  HeavyPollutionMessages(HeavyPollutionRules rules) {
    this.rules = rules;
  }

  AlertChange day(Day day, Status next, Instant at) {
    CityDayUpdate figure = day.latest();
    String subject = displayName(figure.cityId()) + " " + figure.date() + ": ";
    boolean corrected =
        day.alertStatus() == Status.CONFIRMED || day.alertStatus() == Status.CANCELLED;
    String text =
        switch (next) {
          case PROVISIONAL ->
              ("running AQI %d after %d station-hours from %d stations;"
                      + " heavy pollution (AQI > %d) likely")
                  .formatted(
                      figure.runningAqi(),
                      figure.stationHours(),
                      figure.stationsReporting(),
                      rules.heavyAboveAqi());
          case CONFIRMED ->
              "%sdaily AQI %d; heavy pollution (AQI > %d) confirmed"
                  .formatted(corrected ? "corrected " : "", figure.aqi(), rules.heavyAboveAqi());
          case CANCELLED ->
              (corrected ? "corrected " : "")
                  + notHeavy(figure)
                  + (corrected
                      ? "; no longer a heavy-pollution day"
                      : "; provisional heavy-pollution alert cancelled");
          default -> throw new IllegalArgumentException("not a day-alert status: " + next);
        };
    Integer value = next == Status.PROVISIONAL ? figure.runningAqi() : figure.aqi();
    return new AlertChange(
        AlertChange.dayAlertId(figure.cityId(), figure.date()),
        Type.HEAVY_POLLUTION_DAY,
        next,
        figure.cityId(),
        figure.date(),
        value,
        subject + text,
        at);
  }

  AlertChange episode(String cityId, Episode episode, Instant at) {
    LocalDate first = episode.firstDay();
    long length = ChronoUnit.DAYS.between(first, episode.lastDay()) + 1;
    String text =
        switch (episode.status()) {
          case RAISED ->
              length == 1
                  ? "heavy-pollution episode started on %s (daily AQI %d)"
                      .formatted(first, episode.peakAqi())
                  : ("heavy-pollution episode since %s continues: %d heavy days through %s,"
                          + " peak daily AQI %d")
                      .formatted(first, length, episode.lastDay(), episode.peakAqi());
          case CLEARED ->
              "heavy-pollution episode %s ended after %s, peak daily AQI %d"
                  .formatted(span(first, episode.lastDay()), heavyDays(length), episode.peakAqi());
          case CANCELLED ->
              ("heavy-pollution episode from %s withdrawn: corrected figures no longer start"
                      + " a run of heavy days on that day")
                  .formatted(first);
          default ->
              throw new IllegalArgumentException("not an episode status: " + episode.status());
        };
    return new AlertChange(
        AlertChange.episodeAlertId(cityId, first),
        Type.HEAVY_POLLUTION_EPISODE,
        episode.status(),
        cityId,
        first,
        episode.status() == Status.CANCELLED ? null : episode.peakAqi(),
        displayName(cityId) + ": " + text,
        at);
  }

  private String notHeavy(CityDayUpdate figure) {
    return figure.valid() && figure.aqi() != null
        ? "daily AQI %d is not above %d".formatted(figure.aqi(), rules.heavyAboveAqi())
        : "no valid daily AQI";
  }

  private static String span(LocalDate first, LocalDate last) {
    return first.equals(last) ? "of " + first : first + " to " + last;
  }

  private static String heavyDays(long length) {
    return length == 1 ? "1 heavy day" : length + " heavy days";
  }

  /** City ids are lower-case pinyin ({@code binzhou}); ops read them capitalised. */
  static String displayName(String cityId) {
    return cityId.isEmpty()
        ? cityId
        : Character.toUpperCase(cityId.charAt(0)) + cityId.substring(1);
  }
}
