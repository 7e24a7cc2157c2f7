package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.avro.internal.ProvinceRankingState;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.intake.AirReadingValidator;
import io.ecostream.streams.intake.IntakeCheck;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.ranking.RankingProcessor;
import io.ecostream.streams.state.WriteAtCommitStore;
import io.ecostream.topics.EcostreamTopics;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The air pipeline: the valid readings of each city meet in one task ({@link CityAirProcessor}),
 * which publishes the station and city figures, the alerts and the late or future readings, all
 * through one sink ({@link AirOutputTopics}); only the period figures move once more, to their
 * province's ranking. Every processor, store and repartition topic is named, since a renamed store
 * silently loses its state.
 */
public final class AirPipeline {

  public static final String READINGS_BY_CITY = "air-readings-by-city";
  public static final String PROVINCES_BY_CITY = "air-city-provinces";
  public static final String CITY_PROCESSOR = "city-air";
  public static final String RANKING_BY_PROVINCE = "air-ranking-by-province";
  public static final String PROVINCE_RANKING_STORE = "province-ranking-store";

  private AirPipeline() {}

  /**
   * @param readings the air readings topic's records, as bytes (decoded here, see {@link
   *     AirReadingIntake})
   * @param stations the decoded, valid Station records, keyed by station id
   */
  public static void build(
      StreamsBuilder builder,
      KStream<String, byte[]> readings,
      KStream<String, Station> stations,
      EcostreamTopics topics,
      PipelineSettings settings,
      PipelineMetrics metrics) {
    KStream<String, AirOutput> outputs =
        byCity(intake(readings, topics, metrics), topics)
            .merge(provincesByCity(stations, topics), Named.as("air-city-inputs"))
            .process(cityTask(settings, metrics, topics), Named.as(CITY_PROCESSOR));

    AirOutputTopics published = new AirOutputTopics(topics);
    Map<String, KStream<String, AirOutput>> byRoute =
        outputs
            .split(Named.as("air-"))
            .branch(
                (key, output) -> output.kind() == AirOutput.Kind.RANKING_INPUT,
                Branched.as("ranking-input"))
            .defaultBranch(Branched.as("published"));
    byRoute
        .get("air-published")
        .to(
            published,
            Produced.with(published.keySerde(), published.valueSerde())
                .withName("air-outputs-sink"));
    rankings(
        builder,
        byRoute
            .get("air-ranking-input")
            .mapValues(output -> output.as(CityPeriod.class), Named.as("air-ranking-input-value")),
        topics,
        settings);
  }

  /**
   * The city task with its stores, as the pipeline runs it: for running it outside a topology (the
   * bench's {@code task} phase measures it alone, without Kafka).
   */
  public static ProcessorSupplier<String, CityAirInput, String, AirOutput> cityTask(
      PipelineSettings settings, PipelineMetrics metrics, EcostreamTopics topics) {
    return new CitySupplier(settings, metrics, topics);
  }

  /**
   * Decodes and validates each reading ({@link AirReadingIntake}); what cannot be used goes to the
   * dead letters, with the reason.
   */
  private static KStream<String, Object> intake(
      KStream<String, byte[]> readings, EcostreamTopics topics, PipelineMetrics metrics) {
    KStream<String, Object> checked =
        readings.process(
            () ->
                new AirReadingIntake(
                    new IntakeCheck<>(
                        topics.airReadings().valueSerde().deserializer(),
                        new AirReadingValidator(),
                        metrics)),
            Named.as("air-readings-intake"));
    checked
        .mapValues(letter -> (DeadLetter) letter, Named.as(AirReadingIntake.TO_DEAD_LETTERS))
        .to(
            topics.deadLetters().name(),
            Produced.with(topics.deadLetters().keySerde(), topics.deadLetters().valueSerde())
                .withName("air-readings-dead-letters"));
    return checked;
  }

  /**
   * This step re-keys only what arrived keyed otherwise: readings keyed by their city id (as
   * ecostream's producers send them) go on in the task they arrived in, with no repartition; any
   * other reading takes one hop through {@value #READINGS_BY_CITY}, as many partitions as the
   * input, so that it lands in its city's task. The intake has sorted them, and keyed the others by
   * their city.
   */
  private static KStream<String, CityAirInput> byCity(
      KStream<String, Object> checked, EcostreamTopics topics) {
    KStream<String, CityAirInput> rekeyed =
        checked
            .mapValues(reading -> (AirReading) reading, Named.as(AirReadingIntake.TO_REKEY))
            .repartition(
                Repartitioned.with(Serdes.String(), topics.airReadings().valueSerde())
                    .withName(READINGS_BY_CITY)
                    .withNumberOfPartitions(topics.airReadings().partitions()))
            .mapValues(CityAirInput::reading, Named.as("air-rekeyed-reading-input"));
    return checked
        .mapValues(input -> (CityAirInput) input, Named.as(AirReadingIntake.TO_CITY))
        .merge(rekeyed, Named.as("air-readings-of-cities"));
  }

  /**
   * This step re-keys the air stations' provinces by city ({@value #PROVINCES_BY_CITY}, as many
   * partitions as the readings), so that a city's province reaches the task of its readings.
   */
  private static KStream<String, CityAirInput> provincesByCity(
      KStream<String, Station> stations, EcostreamTopics topics) {
    return stations
        .filter(
            (stationId, station) ->
                station.getKind() == StationKind.AIR && station.getProvince() != null,
            Named.as("air-stations-with-province"))
        .map(
            (stationId, station) -> KeyValue.pair(station.getCityId(), station.getProvince()),
            Named.as("air-key-province-by-city"))
        .repartition(
            Repartitioned.with(Serdes.String(), Serdes.String())
                .withName(PROVINCES_BY_CITY)
                .withNumberOfPartitions(topics.airReadings().partitions()))
        .mapValues(CityAirInput::province, Named.as("air-province-input"));
  }

  /**
   * This step re-keys the cities' period figures by {@code province@period} ({@value
   * #RANKING_BY_PROVINCE}): a ranking spans the cities of a province, which live in many tasks. The
   * repartition topic is internal, so it stays Avro whatever format the output topics are in.
   */
  private static void rankings(
      StreamsBuilder builder,
      KStream<String, CityPeriod> figures,
      EcostreamTopics topics,
      PipelineSettings settings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PROVINCE_RANKING_STORE),
            Serdes.String(),
            AvroSerde.of(ProvinceRankingState.class)));
    ProvinceRankings rankings = new ProvinceRankings(settings.rankingSufficiency());
    figures
        .repartition(
            Repartitioned.with(Serdes.String(), AvroSerde.of(CityPeriod.class))
                .withName(RANKING_BY_PROVINCE))
        .process(
            () -> new RankingProcessor<>(PROVINCE_RANKING_STORE, rankings),
            Named.as("province-ranking"),
            PROVINCE_RANKING_STORE)
        .to(
            topics.airRanking().name(),
            Produced.with(topics.airRanking().keySerde(), topics.airRanking().valueSerde())
                .withName("ranking-sink"));
  }

  /** The city processor with its stores, which the supplier connects itself. */
  private record CitySupplier(
      PipelineSettings settings, PipelineMetrics metrics, EcostreamTopics topics)
      implements ProcessorSupplier<String, CityAirInput, String, AirOutput> {

    @Override
    public Processor<String, CityAirInput, String, AirOutput> get() {
      return new CityAirProcessor(
          settings, metrics, topics.airReadings().valueSerde().serializer());
    }

    /**
     * The stores written for every reading (a station's hours, its presence) and for every settled
     * hour (the alert state) are written at the commit ({@link WriteAtCommitStore}): one encoding
     * and one changelog record per key and commit instead of one per reading. The city days and the
     * partition's watermark (which moves with each new hour of the input) go through Kafka Streams'
     * cache: one write per key and commit.
     */
    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          WriteAtCommitStore.builder(CityAirProcessor.STATION_CHUNKS_STORE, Serdes.ByteArray()),
          WriteAtCommitStore.builder(CityAirProcessor.STATION_PRESENCE_STORE, Serdes.ByteArray()),
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(CityAirProcessor.WATERMARK_STORE),
                  Serdes.String(),
                  Serdes.Long())
              .withCachingEnabled(),
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(CityAirProcessor.CITY_DAYS_STORE),
                  Serdes.String(),
                  AvroSerde.of(CityDayEntry.class))
              .withCachingEnabled(),
          WriteAtCommitStore.builder(
              CityAirProcessor.HEAVY_POLLUTION_STORE, AvroSerde.of(HeavyPollutionState.class)),
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(CityAirProcessor.CITY_PROVINCE_STORE),
              Serdes.String(),
              Serdes.String()));
    }
  }
}
