package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.CityDayPm25State;
import io.ecostream.domain.stats.DailyMean;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The city's daily mean PM2.5, kept per natural day: each station's 24 hourly slots, so that a
 * re-sent or corrected station-hour replaces its slot rather than counting twice; the figure is the
 * mean of the daily means of the stations with enough hours.
 */
public final class CityDailyPm25 {

  private static final int HOURS_PER_DAY = 24;

  private final ZoneId zone;
  private final int minHoursPerDay;

  public CityDailyPm25(ZoneId zone, int minHoursPerDay) {
    this.zone = zone;
    this.minHoursPerDay = minHoursPerDay;
  }

  /** {@code cityId@yyyy-MM-dd}, the key of the city's day. */
  public String key(AirReading reading) {
    return reading.getCityId() + "@" + LocalDate.ofInstant(reading.getHourStart(), zone);
  }

  public static CityDayPm25State initial() {
    return CityDayPm25State.newBuilder()
        .setCityId("")
        .setDate(LocalDate.EPOCH)
        .setHourlyByStation(new HashMap<>())
        .setRevision(0)
        .build();
  }

  /** Puts the reading's PM2.5 into its station-hour slot; a changed slot is a new revision. */
  public CityDayPm25State add(String key, AirReading reading, CityDayPm25State state) {
    LocalDateTime local = LocalDateTime.ofInstant(reading.getHourStart(), zone);
    if (state.getRevision() == 0) {
      state.setCityId(reading.getCityId());
      state.setDate(local.toLocalDate());
    }
    Map<String, List<Double>> stations = state.getHourlyByStation();
    List<Double> hourly = stations.computeIfAbsent(reading.getStationId(), id -> emptyDay());
    double value = reading.getPm25();
    int hour = local.getHour();
    if (Double.compare(hourly.get(hour), value) != 0) {
      hourly.set(hour, value);
      state.setRevision(state.getRevision() + 1);
    }
    return state;
  }

  public CityDaily figure(CityDayPm25State state) {
    double[] stationMeans = new double[state.getHourlyByStation().size()];
    double[] hourly = new double[HOURS_PER_DAY];
    int station = 0;
    int hoursReported = 0;
    int stationsReporting = 0;
    int stationsValid = 0;
    for (List<Double> values : state.getHourlyByStation().values()) {
      for (int h = 0; h < HOURS_PER_DAY; h++) {
        hourly[h] = values.get(h);
      }
      int present = DailyMean.hoursPresent(hourly);
      hoursReported += present;
      stationsReporting += present > 0 ? 1 : 0;
      stationMeans[station] = DailyMean.stationMean(hourly, minHoursPerDay);
      stationsValid += Double.isNaN(stationMeans[station]) ? 0 : 1;
      station++;
    }
    double cityMean = DailyMean.cityMean(stationMeans);
    return CityDaily.newBuilder()
        .setCityId(state.getCityId())
        .setDate(state.getDate())
        .setPm25(Double.isNaN(cityMean) ? null : cityMean)
        .setStationsReporting(stationsReporting)
        .setStationsValid(stationsValid)
        .setHoursReported(hoursReported)
        .setRevision(state.getRevision())
        .build();
  }

  private static List<Double> emptyDay() {
    List<Double> day = new ArrayList<>(HOURS_PER_DAY);
    for (int h = 0; h < HOURS_PER_DAY; h++) {
      day.add(Double.NaN);
    }
    return day;
  }
}
