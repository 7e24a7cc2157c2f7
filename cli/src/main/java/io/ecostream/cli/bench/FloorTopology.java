package io.ecostream.cli.bench;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.topics.EcostreamTopics;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The Kafka work of the production topology without its domain work: each reading decoded by the
 * production serde (with its length check), and a station-hourly record of the production shape
 * sent for it, plus a city-hourly record for one reading in five (a city of the bench's network has
 * five stations on average), encoded by the production serdes. The records are built as the city
 * task builds them (fields set on a new record, no builder). No state, no quality control, no AQI:
 * the figures are the reading's values copied. Its rate over the pass-through's is the most a
 * topology publishing these outputs can reach on the same machine and settings.
 */
final class FloorTopology {

  private static final List<String> PRIMARY = List.of("PM2.5");

  private FloorTopology() {}

  static Topology build(EcostreamTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, StationHourlyAqi> hours =
        readings(builder, topics).mapValues(FloorTopology::stationHour);
    publishStationHours(hours, topics);
    publishCityHours(
        hours
            .filter((key, hour) -> Math.floorMod(hour.getStationId().hashCode(), 5) == 0)
            .mapValues(FloorTopology::cityHour),
        topics);
    return builder.build();
  }

  /** The readings, decoded by the production serde. */
  static KStream<String, AirReading> readings(StreamsBuilder builder, EcostreamTopics topics) {
    return builder.stream(
        topics.airReadings().name(),
        Consumed.with(topics.airReadings().keySerde(), topics.airReadings().valueSerde()));
  }

  static void publishStationHours(KStream<String, StationHourlyAqi> hours, EcostreamTopics topics) {
    hours.to(
        topics.stationHourly().name(),
        Produced.with(topics.stationHourly().keySerde(), topics.stationHourly().valueSerde()));
  }

  static void publishCityHours(KStream<String, CityHourlyAqi> hours, EcostreamTopics topics) {
    hours.to(
        topics.cityHourly().name(),
        Produced.with(topics.cityHourly().keySerde(), topics.cityHourly().valueSerde()));
  }

  private static StationHourlyAqi stationHour(AirReading reading) {
    int iaqi = iaqi(reading.getPm25());
    StationHourlyAqi hour = stationHourOf(reading);
    hour.setIaqiPm25(iaqi);
    hour.setIaqiPm10(iaqi);
    hour.setIaqiSo2(iaqi);
    hour.setIaqiNo2(iaqi);
    hour.setIaqiCo(iaqi);
    hour.setIaqiO3(iaqi);
    hour.setPm25Moving24h(reading.getPm25());
    hour.setPm10Moving24h(reading.getPm10());
    hour.setSo2Moving24h(reading.getSo2());
    hour.setO3Moving8h(reading.getO3());
    hour.setIaqiPm25Moving24h(iaqi);
    hour.setIaqiPm10Moving24h(iaqi);
    hour.setIaqiSo2Moving24h(iaqi);
    hour.setIaqiO3Moving8h(iaqi);
    hour.setAqi(iaqi);
    hour.setAqi1h(iaqi);
    return hour;
  }

  /**
   * A station-hour record of the production shape with the reading's station, hour and values, and
   * fillers of the production size for what the bench's phases do not work out (the category, the
   * primary pollutant, the revision, no flags); the caller sets the IAQIs, means and AQI. A bench
   * phase needs no time zone: the UTC date and hour stand in for the local ones.
   */
  static StationHourlyAqi stationHourOf(AirReading reading) {
    StationHourlyAqi hour = new StationHourlyAqi();
    hour.setStationId(reading.getStationId());
    hour.setCityId(reading.getCityId());
    hour.setHourStart(reading.getHourStart());
    hour.setLocalDate(utcDate(reading));
    hour.setLocalHour(utcHour(reading));
    hour.setEdition(AqiEdition.HJ_633_2012);
    hour.setPm25(reading.getPm25());
    hour.setPm10(reading.getPm10());
    hour.setSo2(reading.getSo2());
    hour.setNo2(reading.getNo2());
    hour.setCo(reading.getCo());
    hour.setO3(reading.getO3());
    hour.setCategory(AqiCategory.GOOD);
    hour.setPrimaryPollutants(PRIMARY);
    hour.setRevision(1);
    hour.setQualityFlags(List.of());
    return hour;
  }

  private static CityHourlyAqi cityHour(StationHourlyAqi hour) {
    CityHourlyAqi city = cityHourOf(hour);
    city.setStationsReporting(5);
    city.setRevision(5);
    return city;
  }

  /** A city-hour of the station-hour's shape: the fields the two schemas share, copied. */
  static CityHourlyAqi cityHourOf(StationHourlyAqi hour) {
    CityHourlyAqi city = new CityHourlyAqi();
    for (int i = 0; i < SHARED_FIELDS.length; i++) {
      if (SHARED_FIELDS[i] >= 0) {
        city.put(i, hour.get(SHARED_FIELDS[i]));
      }
    }
    return city;
  }

  /** Per field of CityHourlyAqi, the position of StationHourlyAqi's field of that name, or -1. */
  private static final int[] SHARED_FIELDS =
      CityHourlyAqi.getClassSchema().getFields().stream()
          .mapToInt(
              f -> {
                Schema.Field station = StationHourlyAqi.getClassSchema().getField(f.name());
                return station == null ? -1 : station.pos();
              })
          .toArray();

  /** A number of the size of an IAQI; not one (no AQI is computed here). */
  private static int iaqi(Double pm25) {
    return pm25 == null ? 0 : (int) Math.min(500, pm25);
  }

  private static LocalDate utcDate(AirReading reading) {
    return LocalDate.ofEpochDay(Math.floorDiv(reading.getHourStart().getEpochSecond(), 86_400));
  }

  private static int utcHour(AirReading reading) {
    return (int) Math.floorMod(reading.getHourStart().getEpochSecond() / 3600, 24);
  }
}
