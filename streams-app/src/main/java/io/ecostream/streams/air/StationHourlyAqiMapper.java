package io.ecostream.streams.air;

import static io.ecostream.streams.air.RealTimeValues.PM25_24H;

import io.ecostream.avro.FlaggedValue;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.RollingScope;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityFlag;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.domain.stats.ValidityRules;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A station-hour's real-time AQI (实时报) from the station's recent hours, by the HJ 633 edition in
 * force on the hour's local date: the six 1-hour values and, under 2012, the PM 24-hour and O3
 * 8-hour moving means (GB 3095 Table 4 validity: 20 of 24 hours, 6 of 8). PM 1-hour values are
 * rated on the 24-hour breakpoints, as HJ 633-2026 §4.2.4 prescribes and the national platform does
 * for 2012-era hourly data.
 */
public final class StationHourlyAqiMapper {

  private static final long MILLIS_PER_HOUR = 3_600_000L;
  private static final int DAY_WINDOW = 24;
  private static final Pollutant[] POLLUTANTS = Pollutant.values();

  private final ZoneId zone;
  private final ValidityRules rules;

  public StationHourlyAqiMapper(ZoneId zone, ValidityRules rules) {
    this.zone = zone;
    this.rules = rules;
  }

  /** Hours since the epoch of an hour's start, the ring's hour numbers. */
  public static long epochHour(Instant hourStart) {
    return Math.floorDiv(hourStart.toEpochMilli(), MILLIS_PER_HOUR);
  }

  /** The station's figure of one hour the ring holds. */
  public StationHourlyAqi figure(
      String stationId, String cityId, long hour, RecentHours ring, long revision) {
    return figure(stationId, cityId, hour, ring, revision, values(ring, hour));
  }

  /** The figure from the hour's {@link #values} computed already. */
  public StationHourlyAqi figure(
      String stationId,
      String cityId,
      long hour,
      RecentHours ring,
      long revision,
      double[] values) {
    StationHourlyAqi figure = new StationHourlyAqi();
    figure.setStationId(stationId);
    figure.setCityId(cityId);
    figure.setRevision(revision);
    figure.setQualityFlags(flaggedValues(ring, hour));
    return RealTimeValues.fill(figure, hourStart(hour), zone, values);
  }

  /**
   * The {@link RealTimeValues} of one hour the ring holds: its usable values and the moving means
   * ending with it, what a city's hour averages over its stations.
   */
  public double[] values(RecentHours ring, long hour) {
    double[] values = ring.values(hour, RealTimeValues.empty());
    // PM25_24H, PM10_24H, SO2_24H and O3_8H follow each other in the order the ring writes them.
    ring.realTimeMeans(hour, rules.minHoursPerDay(), rules.minHoursPer8h(), values, PM25_24H);
    return values;
  }

  private static List<FlaggedValue> flaggedValues(RecentHours ring, long hour) {
    List<FlaggedValue> flagged = List.of();
    for (Pollutant pollutant : POLLUTANTS) {
      QualityFlag flag = ring.flag(hour, pollutant);
      if (flag != null) {
        if (flagged.isEmpty()) {
          flagged = new ArrayList<>(2);
        }
        flagged.add(
            new FlaggedValue(
                pollutant.label(),
                io.ecostream.avro.QualityFlag.valueOf(flag.name()),
                ring.rawValue(hour, pollutant)));
      }
    }
    return flagged;
  }

  /** The station's PM2.5 24-hour moving mean at one hour the ring holds. */
  public Pm25Rolling rolling(String stationId, String cityId, RecentHours ring, long hour) {
    return RealTimeValues.rolling(
        RollingScope.STATION,
        stationId,
        cityId,
        hourStart(hour),
        zone,
        ring.movingMean(Pollutant.PM2_5, hour, DAY_WINDOW, rules.minHoursPerDay()),
        ring.count(Pollutant.PM2_5, hour, DAY_WINDOW),
        ring.revision(hour));
  }

  /** The start of an hour counted from the epoch. */
  public static Instant hourStart(long hour) {
    return Instant.ofEpochMilli(hour * MILLIS_PER_HOUR);
  }
}
