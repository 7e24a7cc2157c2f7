package io.ecostream.streams;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.internal.CityHourState;
import io.ecostream.avro.internal.StationRecentHoursState;
import io.ecostream.avro.internal.CityDayState;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.avro.internal.ProvinceRankingState;
import io.ecostream.avro.internal.StationPresenceState;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.air.CityDayAggregation;
import io.ecostream.streams.air.CityHourAggregation;
import io.ecostream.streams.air.CityPeriodProcessor;
import io.ecostream.streams.air.CityPeriods;
import io.ecostream.streams.air.ProvinceRankings;
import io.ecostream.streams.air.StationHourlyAqiMapper;
import io.ecostream.streams.air.StationRealTimeProcessor;
import io.ecostream.streams.air.StationRealTimeProcessor.StationHour;
import io.ecostream.streams.alerts.HeavyPollutionAlerts;
import io.ecostream.streams.alerts.StationSilenceProcessor;
import io.ecostream.streams.alerts.rules.HeavyPollutionRules;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.intake.AirArrivalCheck;
import io.ecostream.streams.intake.AirReadingValidator;
import io.ecostream.streams.intake.DecodeAndValidate;
import io.ecostream.streams.intake.Intake;
import io.ecostream.streams.intake.StationValidator;
import io.ecostream.streams.intake.Validator;
import io.ecostream.streams.intake.WaterSampleValidator;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.ranking.ByProvince;
import io.ecostream.streams.water.WaterPipeline;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The air pipeline: raw readings are decoded and validated, and those late or stamped in the future
 * by event time set aside (all of these go to the dead letters, with the reason); silent stations
 * raise alerts; hourly quality control flags suspicious values, which no statistic uses; the
 * checked readings give each station-hour's and city-hour's real-time AQI with the PM2.5 24-hour rolling means, each
 * city-day's figures, the city's month and year to date, the rankings of each province's cities,
 * and heavy-pollution alerts. Every processor, store
 * and repartition topic is named, since a renamed store silently loses its state.
 */
public final class EcostreamTopology {

  public static final String STATION_RECENT_HOURS_STORE = "station-recent-hours-store";
  public static final String CITY_HOUR_STORE = "city-hour-store";
  public static final String CITY_HOUR_REPARTITION = "city-hour";
  public static final String STATION_ROLLING_PREFIX = "station/";
  public static final String CITY_ROLLING_PREFIX = "city/";
  public static final String CITY_DAY_STORE = "city-day-store";
  public static final String CITY_DAY_REPARTITION = "city-day";
  public static final String CITY_YEAR_STORE = "city-year-store";
  public static final String CITY_PERIOD_REPARTITION = "city-period-by-city";
  public static final String STATION_STORE = "station-store";
  public static final String CITY_PROVINCE_STORE = "city-province-store";
  public static final String CITY_PROVINCE_REPARTITION = "city-province-by-city";
  public static final String PROVINCE_RANKING_STORE = "province-ranking-store";
  public static final String AIR_WATERMARK_STORE = "air-watermark-store";
  public static final String STATION_PRESENCE_STORE = "station-presence-store";

  private EcostreamTopology() {}

  public static Topology build(
      EcostreamTopics topics, PipelineSettings settings, PipelineMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, AirReading> readings =
        onTime(builder, validAirReadings(builder, topics, metrics), topics, settings, metrics);
    stationSilenceAlerts(readings, topics, settings, metrics);
    KStream<String, AirReading> checked =
        realTimeFigures(builder, readings, topics, settings, metrics);
    KStream<String, CityDaily> cityDaily = cityDaily(checked, topics, settings);
    KStream<String, CityPeriod> cityPeriods = cityPeriods(builder, cityDaily, topics, settings);
    KStream<String, Station> stations = validStations(builder, topics, metrics);
    rankings(
        builder,
        cityPeriods,
        ByProvince.cityProvinces(
            stations, StationKind.AIR, "", CITY_PROVINCE_REPARTITION, CITY_PROVINCE_STORE),
        topics,
        settings);
    heavyPollutionAlerts(cityDaily, topics);
    WaterPipeline.build(
        builder,
        validWaterSamples(builder, topics, metrics),
        latestStations(stations),
        ByProvince.cityProvinces(
            stations,
            StationKind.WATER,
            "water-",
            WaterPipeline.WATER_CITY_PROVINCE_REPARTITION,
            WaterPipeline.WATER_CITY_PROVINCE_STORE),
        topics,
        settings);
    return builder.build();
  }

  private static KStream<String, AirReading> validAirReadings(
      StreamsBuilder builder, EcostreamTopics topics, PipelineMetrics metrics) {
    return decodedAndValidated(
        builder.stream(
            topics.airReadings().name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("air-readings")),
        topics.airReadings(),
        new AirReadingValidator(),
        topics,
        metrics,
        "air-readings");
  }

  private static KStream<String, WaterSample> validWaterSamples(
      StreamsBuilder builder, EcostreamTopics topics, PipelineMetrics metrics) {
    return decodedAndValidated(
        builder.stream(
            topics.waterReadings().name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("water-readings")),
        topics.waterReadings(),
        new WaterSampleValidator(),
        topics,
        metrics,
        "water-readings");
  }

  /** The latest Station record of each station (the topic's key is the station id: no repartition). */
  private static KTable<String, Station> latestStations(KStream<String, Station> stations) {
    return stations.toTable(
        Named.as("station-table"),
        Materialized.<String, Station, KeyValueStore<Bytes, byte[]>>as(STATION_STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(AvroSerde.of(Station.class)));
  }

  /**
   * Station records, decoded and validated like readings. A tombstone deletes a station from the
   * compacted topic; it is not bad input, and the city-to-province table simply keeps the city.
   */
  private static KStream<String, Station> validStations(
      StreamsBuilder builder, EcostreamTopics topics, PipelineMetrics metrics) {
    return decodedAndValidated(
        builder.stream(
                topics.stations().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("stations"))
            .filter((stationId, bytes) -> bytes != null, Named.as("stations-not-deleted")),
        topics.stations(),
        new StationValidator(),
        topics,
        metrics,
        "stations");
  }

  /** The decoded, valid values of an input topic's bytes; the rest go to the dead letters. */
  private static <V> KStream<String, V> decodedAndValidated(
      KStream<String, byte[]> raw,
      Topic<String, V> topic,
      Validator<V> validator,
      EcostreamTopics topics,
      PipelineMetrics metrics,
      String name) {
    return accepted(
        raw.processValues(
            () -> new DecodeAndValidate<>(topic.valueSerde().deserializer(), validator, metrics),
            Named.as(name + "-intake")),
        topics,
        name);
  }

  /** The accepted values of an intake step; the rejected go to the dead letters. */
  private static <V> KStream<String, V> accepted(
      KStream<String, Intake<V>> outcomes, EcostreamTopics topics, String name) {
    Map<String, KStream<String, Intake<V>>> intake =
        outcomes
            .split(Named.as(name + "-"))
            .branch((key, outcome) -> outcome.isAccepted(), Branched.as("accepted"))
            .defaultBranch(Branched.as("rejected"));

    intake
        .get(name + "-rejected")
        .map(
            (key, outcome) -> KeyValue.pair(deadLetterKey(outcome.deadLetter()), outcome.deadLetter()),
            Named.as(name + "-dead-letter"))
        .to(
            topics.deadLetters().name(),
            Produced.with(topics.deadLetters().keySerde(), topics.deadLetters().valueSerde())
                .withName(name + "-dead-letters"));

    return intake.get(name + "-accepted").mapValues(Intake::value, Named.as(name + "-valid"));
  }

  /**
   * The readings that arrived in time by event time; late and future ones go to the dead letters
   * ({@link AirArrivalCheck}). The watermark store is shared with the station-silent alerts.
   */
  private static KStream<String, AirReading> onTime(
      StreamsBuilder builder,
      KStream<String, AirReading> readings,
      EcostreamTopics topics,
      PipelineSettings settings,
      PipelineMetrics metrics) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(AIR_WATERMARK_STORE), Serdes.String(), Serdes.Long()));
    return accepted(
        readings.processValues(
            () ->
                new AirArrivalCheck(
                    AIR_WATERMARK_STORE,
                    settings.airQuality(),
                    topics.airReadings().valueSerde().serializer(),
                    metrics),
            Named.as("air-arrival-check"),
            AIR_WATERMARK_STORE),
        topics,
        "air-arrival");
  }

  /** Station-silent alerts from the on-time readings, still keyed by station (no repartition). */
  private static void stationSilenceAlerts(
      KStream<String, AirReading> readings,
      EcostreamTopics topics,
      PipelineSettings settings,
      PipelineMetrics metrics) {
    readings
        .process(
            new StationSilenceSupplier(settings, metrics),
            Named.as("station-silence"),
            AIR_WATERMARK_STORE)
        .to(
            topics.alerts().name(),
            Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName("station-silence-alerts-sink"));
  }

  /** The silence processor with its own store, which the supplier connects itself. */
  private record StationSilenceSupplier(PipelineSettings settings, PipelineMetrics metrics)
      implements ProcessorSupplier<String, AirReading, String, Alert> {

    @Override
    public Processor<String, AirReading, String, Alert> get() {
      return new StationSilenceProcessor(
          STATION_PRESENCE_STORE,
          AIR_WATERMARK_STORE,
          settings.airQuality().silentHours(),
          settings.zone(),
          metrics);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(STATION_PRESENCE_STORE),
              Serdes.String(),
              AvroSerde.of(StationPresenceState.class)));
    }
  }

  /** @return the checked station-hours (flagged values null) whose values changed, for the days */
  private static KStream<String, AirReading> realTimeFigures(
      StreamsBuilder builder,
      KStream<String, AirReading> readings,
      EcostreamTopics topics,
      PipelineSettings settings,
      PipelineMetrics metrics) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STATION_RECENT_HOURS_STORE),
            Serdes.String(),
            AvroSerde.of(StationRecentHoursState.class)));
    StationHourlyAqiMapper mapper = new StationHourlyAqiMapper(settings.zone(), settings.validity());
    // Readings are keyed by station id (the input contract), so each station's hours meet in one task.
    KStream<String, StationHour> stationHours =
        readings.process(
            () ->
                new StationRealTimeProcessor(
                    STATION_RECENT_HOURS_STORE, mapper, settings.airQuality().rules(), metrics),
            Named.as("station-real-time"),
            STATION_RECENT_HOURS_STORE);
    KStream<String, StationHourlyAqi> stationHourly =
        stationHours.mapValues(StationHour::aqi, Named.as("station-hourly-aqi"));
    stationHourly.to(
        topics.stationHourly().name(),
        Produced.with(topics.stationHourly().keySerde(), topics.stationHourly().valueSerde())
            .withName("station-hourly-sink"));
    KStream<String, Pm25Rolling> stationRolling =
        stationHours.map(
            (key, hour) -> KeyValue.pair(STATION_ROLLING_PREFIX + key, hour.rolling()),
            Named.as("station-pm25-rolling"));

    CityHourAggregation cityHour = new CityHourAggregation(settings.zone());
    KStream<String, CityHourState> cityHours =
        stationHourly
            .selectKey((key, station) -> cityHour.key(station), Named.as("key-by-city-hour"))
            .groupByKey(
                Grouped.with(
                    CITY_HOUR_REPARTITION, Serdes.String(), topics.stationHourly().valueSerde()))
            .aggregate(
                CityHourAggregation::initial,
                cityHour::add,
                Named.as("city-hour-aggregate"),
                Materialized.<String, CityHourState, KeyValueStore<Bytes, byte[]>>as(CITY_HOUR_STORE)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(AvroSerde.of(CityHourState.class)))
            .toStream(Named.as("city-hour-updates"));
    cityHours
        .mapValues(cityHour::figure, Named.as("city-hourly-figure"))
        .to(
            topics.cityHourly().name(),
            Produced.with(topics.cityHourly().keySerde(), topics.cityHourly().valueSerde())
                .withName("city-hourly-sink"));
    cityHours
        .map(
            (key, state) -> KeyValue.pair(CITY_ROLLING_PREFIX + key, cityHour.rolling(state)),
            Named.as("city-pm25-rolling"))
        .merge(stationRolling, Named.as("pm25-rolling"))
        .to(
            topics.pm25Rolling().name(),
            Produced.with(topics.pm25Rolling().keySerde(), topics.pm25Rolling().valueSerde())
                .withName("pm25-rolling-sink"));
    return stationHours
        .filter((key, hour) -> hour.checked() != null, Named.as("station-hours-changed"))
        .mapValues(StationHour::checked, Named.as("checked-readings"));
  }

  private static KStream<String, CityDaily> cityDaily(
      KStream<String, AirReading> checked, EcostreamTopics topics, PipelineSettings settings) {
    CityDayAggregation cityDay =
        new CityDayAggregation(
            settings.zone(),
            settings.validity(),
            settings.periodRules().dustRule(),
            settings.dustDays(),
            settings.revisionBase());
    KStream<String, CityDaily> daily =
        checked
        .selectKey((station, reading) -> cityDay.key(reading), Named.as("key-by-city-day"))
        .groupByKey(
            Grouped.with(CITY_DAY_REPARTITION, Serdes.String(), topics.airReadings().valueSerde()))
        .aggregate(
            CityDayAggregation::initial,
            cityDay::add,
            Named.as("city-day-aggregate"),
            Materialized.<String, CityDayState, KeyValueStore<Bytes, byte[]>>as(CITY_DAY_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(AvroSerde.of(CityDayState.class)))
        .toStream(Named.as("city-day-updates"))
        .mapValues(cityDay::figure, Named.as("city-daily-figure"));
    daily.to(
        topics.cityDaily().name(),
        Produced.with(topics.cityDaily().keySerde(), topics.cityDaily().valueSerde())
            .withName("city-daily-sink"));
    return daily;
  }

  private static KStream<String, CityPeriod> cityPeriods(
      StreamsBuilder builder,
      KStream<String, CityDaily> cityDaily,
      EcostreamTopics topics,
      PipelineSettings settings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CITY_YEAR_STORE),
            Serdes.String(),
            AvroSerde.of(CityYearState.class)));
    CityPeriods periods = new CityPeriods(settings.periodRules());
    KStream<String, CityPeriod> figures =
        cityDaily
            .selectKey((cityDay, daily) -> daily.getCityId(), Named.as("key-by-city"))
            .repartition(
                Repartitioned.with(Serdes.String(), topics.cityDaily().valueSerde())
                    .withName(CITY_PERIOD_REPARTITION))
            .process(
                () -> new CityPeriodProcessor(CITY_YEAR_STORE, periods),
                Named.as("city-period"),
                CITY_YEAR_STORE);
    figures.to(
        topics.cityPeriod().name(),
        Produced.with(topics.cityPeriod().keySerde(), topics.cityPeriod().valueSerde())
            .withName("city-period-sink"));
    return figures;
  }

  /**
   * Ranks the cities of each province by their latest period figures. A city is placed in a
   * province by its air stations' Station records, whichever of figure and Station record arrives
   * first ({@link ByProvince}).
   */
  private static void rankings(
      StreamsBuilder builder,
      KStream<String, CityPeriod> cityPeriods,
      ByProvince.CityProvinces cityProvinces,
      EcostreamTopics topics,
      PipelineSettings settings) {
    ByProvince.rank(
        builder,
        cityPeriods,
        CityPeriod::getCityId,
        CityPeriod::getPeriod,
        topics.cityPeriod().valueSerde(),
        cityProvinces,
        "",
        PROVINCE_RANKING_STORE,
        ProvinceRankingState.class,
        new ProvinceRankings(settings.rankingSufficiency()),
        topics.airRanking());
  }

  private static void heavyPollutionAlerts(
      KStream<String, CityDaily> cityDaily, EcostreamTopics topics) {
    HeavyPollutionAlerts.alerts(
            cityDaily, topics.cityDaily().valueSerde(), HeavyPollutionRules.defaults())
        .to(
            topics.alerts().name(),
            Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName("heavy-pollution-alerts-sink"));
  }

  private static String deadLetterKey(DeadLetter letter) {
    return letter.getSourceTopic() + "/" + letter.getPartition() + "/" + letter.getOffset();
  }
}
