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
import io.ecostream.avro.WaterRanking;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.serde.AvroSerde;
import io.ecostream.serde.OutputFormat;
import io.ecostream.serde.OutputSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of one ecostream deployment. Names share a prefix ({@code ecostream} by default) so
 * that one cluster can host several deployments. Keys are strings: city ids (readings) and station
 * ids (Station records) on input, composite ids such as {@code binzhou@2024-01-15} or {@code
 * Shandong@2024} on outputs.
 *
 * <p>The values of input topics and dead letters are Avro's single-object encoding. The figures and
 * the alerts, the topics other tools read, are too unless the deployment chose JSON ({@link
 * #withOutputFormat}); their serdes read both, so that a reader need not know which was chosen.
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
        new Topic<>(prefix + ".air.station-hourly", keys, output(StationHourlyAqi.class), p, true),
        new Topic<>(prefix + ".air.city-hourly", keys, output(CityHourlyAqi.class), p, true),
        new Topic<>(prefix + ".air.pm25-rolling", keys, output(Pm25Rolling.class), p, true),
        new Topic<>(prefix + ".air.city-daily", keys, output(CityDaily.class), p, true),
        new Topic<>(prefix + ".air.city-period", keys, output(CityPeriod.class), p, true),
        new Topic<>(prefix + ".air.ranking", keys, output(ProvinceRanking.class), p, true),
        new Topic<>(prefix + ".water.sample-class", keys, output(WaterSampleClass.class), p, true),
        new Topic<>(prefix + ".water.section-month", keys, output(SectionMonth.class), p, true),
        new Topic<>(prefix + ".water.city-period", keys, output(CityWaterPeriod.class), p, true),
        new Topic<>(prefix + ".water.ranking", keys, output(WaterRanking.class), p, true),
        new Topic<>(prefix + ".alerts", keys, output(Alert.class), p, true),
        new Topic<>(prefix + ".dead-letters", keys, AvroSerde.of(DeadLetter.class), p, false));
  }

  /** These topics with the figures and the alerts written in {@code format}. */
  public EcostreamTopics withOutputFormat(OutputFormat format) {
    return new EcostreamTopics(
        prefix,
        stations,
        airReadings,
        waterReadings,
        inFormat(stationHourly, format),
        inFormat(cityHourly, format),
        inFormat(pm25Rolling, format),
        inFormat(cityDaily, format),
        inFormat(cityPeriod, format),
        inFormat(airRanking, format),
        inFormat(waterSampleClass, format),
        inFormat(waterSectionMonth, format),
        inFormat(waterCityPeriod, format),
        inFormat(waterRanking, format),
        inFormat(alerts, format),
        deadLetters);
  }

  /** How the figures and the alerts are written. */
  public OutputFormat outputFormat() {
    return ((OutputSerde<?>) cityDaily.valueSerde()).format();
  }

  /** The topics whose format {@link #withOutputFormat} sets. */
  public List<Topic<String, ?>> outputsAndAlerts() {
    List<Topic<String, ?>> topics = new ArrayList<>(outputs());
    topics.add(alerts);
    return List.copyOf(topics);
  }

  private static <V extends SpecificRecord> OutputSerde<V> output(Class<V> type) {
    return OutputSerde.of(type, OutputFormat.AVRO);
  }

  private static <V> Topic<String, V> inFormat(Topic<String, V> topic, OutputFormat format) {
    @SuppressWarnings("unchecked")
    OutputSerde<? extends SpecificRecord> serde =
        (OutputSerde<? extends SpecificRecord>) topic.valueSerde();
    @SuppressWarnings("unchecked")
    Serde<V> formatted = (Serde<V>) serde.withFormat(format);
    return new Topic<>(
        topic.name(), topic.keySerde(), formatted, topic.partitions(), topic.compacted());
  }

  /**
   * These topics with the number of partitions {@code air.readings} has on the cluster: the
   * pipeline's repartition topics into the cities' air tasks must have as many, so that a city's
   * re-keyed records meet its readings in one task.
   */
  public EcostreamTopics withAirReadingsPartitions(int partitions) {
    return new EcostreamTopics(
        prefix,
        stations,
        withPartitions(airReadings, partitions),
        waterReadings,
        stationHourly,
        cityHourly,
        pm25Rolling,
        cityDaily,
        cityPeriod,
        airRanking,
        waterSampleClass,
        waterSectionMonth,
        waterCityPeriod,
        waterRanking,
        alerts,
        deadLetters);
  }

  /**
   * These topics with the number of partitions {@code water.readings} has on the cluster, for the
   * same reason: the repartition topics into the cities' water tasks must have as many.
   */
  public EcostreamTopics withWaterReadingsPartitions(int partitions) {
    return new EcostreamTopics(
        prefix,
        stations,
        airReadings,
        withPartitions(waterReadings, partitions),
        stationHourly,
        cityHourly,
        pm25Rolling,
        cityDaily,
        cityPeriod,
        airRanking,
        waterSampleClass,
        waterSectionMonth,
        waterCityPeriod,
        waterRanking,
        alerts,
        deadLetters);
  }

  private static <V> Topic<String, V> withPartitions(Topic<String, V> topic, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    return new Topic<>(
        topic.name(), topic.keySerde(), topic.valueSerde(), partitions, topic.compacted());
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
