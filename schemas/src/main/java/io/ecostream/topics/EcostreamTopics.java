package io.ecostream.topics;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.ProvinceRanking;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterRanking;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.serde.AvroSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of one ecostream deployment. Names share a prefix ({@code ecostream} by default) so
 * that one cluster can host several deployments. Keys are strings: city ids (readings) and station
 * ids (Station records) on input, composite ids such as {@code binzhou@2024-01-15} or {@code
 * Shandong@2024} on outputs.
 */
public record EcostreamTopics(
    String prefix,
    Topic<String, Station> stations,
    Topic<String, AirReading> airReadings,
    Topic<String, WaterSample> waterReadings,
    Topic<String, StationHourlyAqi> stationHourly,
    Topic<String, CityHourlyAqi> cityHourly,
    Topic<String, Pm25Rolling> pm25Rolling,
    Topic<String, CityDaily> cityDaily,
    Topic<String, CityPeriod> cityPeriod,
    Topic<String, ProvinceRanking> airRanking,
    Topic<String, WaterSampleClass> waterSampleClass,
    Topic<String, SectionMonth> waterSectionMonth,
    Topic<String, CityWaterPeriod> waterCityPeriod,
    Topic<String, WaterRanking> waterRanking,
    Topic<String, Alert> alerts,
    Topic<String, DeadLetter> deadLetters) {

  public static final String DEFAULT_PREFIX = "ecostream";
  public static final int DEFAULT_PARTITIONS = 3;
  private static final Pattern VALID_PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public static EcostreamTopics withDefaultPrefix() {
    return withPrefix(DEFAULT_PREFIX);
  }

  public static EcostreamTopics withPrefix(String prefix) {
    if (prefix == null || !VALID_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "topic prefix must be 1-100 characters of [A-Za-z0-9._-], got '" + prefix + "'");
    }
    Serde<String> keys = Serdes.String();
    int p = DEFAULT_PARTITIONS;
    return new EcostreamTopics(
        prefix,
        new Topic<>(prefix + ".stations", keys, AvroSerde.of(Station.class), p, true),
        new Topic<>(prefix + ".air.readings", keys, AvroSerde.of(AirReading.class), p, false),
        new Topic<>(prefix + ".water.readings", keys, AvroSerde.of(WaterSample.class), p, false),
        new Topic<>(
            prefix + ".air.station-hourly", keys, AvroSerde.of(StationHourlyAqi.class), p, true),
        new Topic<>(prefix + ".air.city-hourly", keys, AvroSerde.of(CityHourlyAqi.class), p, true),
        new Topic<>(prefix + ".air.pm25-rolling", keys, AvroSerde.of(Pm25Rolling.class), p, true),
        new Topic<>(prefix + ".air.city-daily", keys, AvroSerde.of(CityDaily.class), p, true),
        new Topic<>(prefix + ".air.city-period", keys, AvroSerde.of(CityPeriod.class), p, true),
        new Topic<>(prefix + ".air.ranking", keys, AvroSerde.of(ProvinceRanking.class), p, true),
        new Topic<>(
            prefix + ".water.sample-class", keys, AvroSerde.of(WaterSampleClass.class), p, true),
        new Topic<>(prefix + ".water.section-month", keys, AvroSerde.of(SectionMonth.class), p, true),
        new Topic<>(prefix + ".water.city-period", keys, AvroSerde.of(CityWaterPeriod.class), p, true),
        new Topic<>(prefix + ".water.ranking", keys, AvroSerde.of(WaterRanking.class), p, true),
        new Topic<>(prefix + ".alerts", keys, AvroSerde.of(Alert.class), p, true),
        new Topic<>(prefix + ".dead-letters", keys, AvroSerde.of(DeadLetter.class), p, false));
  }

  /**
   * These topics with the number of partitions {@code air.readings} has on the cluster: the
   * pipeline's repartition topics into the cities' air tasks must have as many, so that a city's
   * re-keyed records meet its readings in one task.
   */
  public EcostreamTopics withAirReadingsPartitions(int partitions) {
    return new EcostreamTopics(
        prefix, stations, withPartitions(airReadings, partitions), waterReadings, stationHourly, cityHourly,
        pm25Rolling, cityDaily, cityPeriod, airRanking, waterSampleClass, waterSectionMonth, waterCityPeriod,
        waterRanking, alerts, deadLetters);
  }

  /**
   * These topics with the number of partitions {@code water.readings} has on the cluster, for the
   * same reason: the repartition topics into the cities' water tasks must have as many.
   */
  public EcostreamTopics withWaterReadingsPartitions(int partitions) {
    return new EcostreamTopics(
        prefix, stations, airReadings, withPartitions(waterReadings, partitions), stationHourly, cityHourly,
        pm25Rolling, cityDaily, cityPeriod, airRanking, waterSampleClass, waterSectionMonth, waterCityPeriod,
        waterRanking, alerts, deadLetters);
  }

  private static <V> Topic<String, V> withPartitions(Topic<String, V> topic, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    return new Topic<>(topic.name(), topic.keySerde(), topic.valueSerde(), partitions, topic.compacted());
  }

  /** Inputs, then outputs, then alerts and dead letters. */
  public List<Topic<String, ?>> all() {
    List<Topic<String, ?>> all = new ArrayList<>(inputs());
    all.addAll(outputs());
    all.add(alerts);
    all.add(deadLetters);
    return List.copyOf(all);
  }

  /** The topics the streams application reads: what the simulator and the replay write. */
  public List<Topic<String, ?>> inputs() {
    return List.of(stations, airReadings, waterReadings);
  }

  /** The topics the streams application writes figures to (not dead letters, not alerts). */
  public List<Topic<String, ?>> outputs() {
    return List.of(
        stationHourly,
        cityHourly,
        pm25Rolling,
        cityDaily,
        cityPeriod,
        airRanking,
        waterSampleClass,
        waterSectionMonth,
        waterCityPeriod,
        waterRanking);
  }

  public Optional<Topic<String, ?>> byName(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The topic named without the prefix, as recordings name them: {@code air.readings}. */
  public Optional<Topic<String, ?>> byRelativeName(String relativeName) {
    return byName(prefix + "." + relativeName);
  }

  /** The name of one of these topics without the prefix: {@code air.readings}. */
  public String relativeName(Topic<?, ?> topic) {
    if (!topic.name().startsWith(prefix + ".")) {
      throw new IllegalArgumentException(topic.name() + " is not a topic of prefix " + prefix);
    }
    return topic.name().substring(prefix.length() + 1);
  }
}
