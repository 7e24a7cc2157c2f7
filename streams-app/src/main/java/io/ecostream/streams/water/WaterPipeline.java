package io.ecostream.streams.water;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.avro.internal.CityWaterYearState;
import io.ecostream.avro.internal.SectionMonthState;
import io.ecostream.avro.internal.WaterRankingState;
import io.ecostream.avro.internal.WaterSectionState;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.ranking.RankingProcessor;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.Topic;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The water pipeline: the valid samples of each city meet in one task ({@link CityWaterProcessor})
 * with the Station records of the city's sections. The task publishes each sample's real-time class
 * and alerts, each section's months and each city's month and year to date; only the city figures
 * move once more, to their province's ranking. Every processor, store and repartition topic is
 * named, since a renamed store silently loses its state.
 */
public final class WaterPipeline {

  public static final String SAMPLES_BY_CITY = "water-samples-by-city";
  public static final String SECTIONS_BY_CITY = "water-city-sections";
  public static final String CITY_PROCESSOR = "city-water";
  public static final String RANKING_BY_PROVINCE = "water-ranking-by-province";
  public static final String RANKING_STORE = "water-ranking-store";

  private WaterPipeline() {}

  /**
   * @param samples the decoded, valid water samples, keyed as they arrived
   * @param stations the decoded, valid Station records, keyed by station id
   */
  public static void build(
      StreamsBuilder builder,
      KStream<String, WaterSample> samples,
      KStream<String, Station> stations,
      EcostreamTopics topics,
      PipelineSettings settings,
      PipelineMetrics metrics) {
    KStream<String, WaterOutput> outputs =
        byCity(samples, topics)
            .mapValues(CityWaterInput::sample, Named.as("water-sample-input"))
            .merge(sectionsByCity(stations, topics), Named.as("water-city-inputs"))
            .process(
                new CitySupplier(
                    settings, metrics, topics.waterReadings().valueSerde().serializer()),
                Named.as(CITY_PROCESSOR));

    BranchedKStream<String, WaterOutput> split = outputs.split(Named.as("water-"));
    for (WaterOutput.Kind kind : WaterOutput.Kind.values()) {
      split = split.branch((key, output) -> output.kind() == kind, Branched.as(name(kind)));
    }
    Map<String, KStream<String, WaterOutput>> byKind = split.noDefaultBranch();
    to(byKind, WaterOutput.Kind.SAMPLE_CLASS, topics.waterSampleClass(), WaterSampleClass.class);
    to(byKind, WaterOutput.Kind.SECTION_MONTH, topics.waterSectionMonth(), SectionMonth.class);
    to(byKind, WaterOutput.Kind.CITY_PERIOD, topics.waterCityPeriod(), CityWaterPeriod.class);
    to(byKind, WaterOutput.Kind.ALERT, topics.alerts(), Alert.class);
    to(byKind, WaterOutput.Kind.DEAD_LETTER, topics.deadLetters(), DeadLetter.class);
    rankings(
        builder,
        values(byKind, WaterOutput.Kind.RANKING_INPUT, CityWaterPeriod.class),
        topics,
        settings);
  }

  /**
   * This step re-keys only what arrived keyed otherwise: samples keyed by their city id (as
   * ecostream's producers send them) go on in the task they arrived in, with no repartition; any
   * other sample takes one hop through {@value #SAMPLES_BY_CITY}, as many partitions as the input,
   * so that it lands in its city's task.
   */
  private static KStream<String, WaterSample> byCity(
      KStream<String, WaterSample> samples, EcostreamTopics topics) {
    Map<String, KStream<String, WaterSample>> keyed =
        samples
            .split(Named.as("water-samples-by-key-"))
            .branch((key, sample) -> InputKeys.of(sample).equals(key), Branched.as("keyed-by-city"))
            .defaultBranch(Branched.as("keyed-otherwise"));
    KStream<String, WaterSample> rekeyed =
        keyed
            .get("water-samples-by-key-keyed-otherwise")
            .selectKey((key, sample) -> InputKeys.of(sample), Named.as("water-samples-key-by-city"))
            .repartition(
                Repartitioned.with(Serdes.String(), topics.waterReadings().valueSerde())
                    .withName(SAMPLES_BY_CITY)
                    .withNumberOfPartitions(topics.waterReadings().partitions()));
    return keyed
        .get("water-samples-by-key-keyed-by-city")
        .merge(rekeyed, Named.as("water-samples-of-cities"));
  }

  /**
   * This step re-keys the water sections' Station records by city ({@value #SECTIONS_BY_CITY}, as
   * many partitions as the samples), so that a section's water body, target and province reach the
   * task of its samples.
   */
  private static KStream<String, CityWaterInput> sectionsByCity(
      KStream<String, Station> stations, EcostreamTopics topics) {
    return stations
        .filter(
            (stationId, station) -> station.getKind() == StationKind.WATER,
            Named.as("water-stations"))
        .map(
            (stationId, station) -> KeyValue.pair(station.getCityId(), station),
            Named.as("water-key-station-by-city"))
        .repartition(
            Repartitioned.with(Serdes.String(), topics.stations().valueSerde())
                .withName(SECTIONS_BY_CITY)
                .withNumberOfPartitions(topics.waterReadings().partitions()))
        .mapValues(CityWaterInput::section, Named.as("water-section-input"));
  }

  /**
   * This step re-keys the cities' period figures by {@code province@period} ({@value
   * #RANKING_BY_PROVINCE}): a ranking spans the cities of a province, which live in many tasks. The
   * repartition topic is internal, so it stays Avro whatever format the output topics are in.
   */
  private static void rankings(
      StreamsBuilder builder,
      KStream<String, CityWaterPeriod> figures,
      EcostreamTopics topics,
      PipelineSettings settings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RANKING_STORE),
            Serdes.String(),
            AvroSerde.of(WaterRankingState.class)));
    WaterRankings rankings = new WaterRankings(settings.water().cwqi());
    figures
        .repartition(
            Repartitioned.with(Serdes.String(), AvroSerde.of(CityWaterPeriod.class))
                .withName(RANKING_BY_PROVINCE))
        .process(
            () -> new RankingProcessor<>(RANKING_STORE, rankings),
            Named.as("water-province-ranking"),
            RANKING_STORE)
        .to(
            topics.waterRanking().name(),
            Produced.with(topics.waterRanking().keySerde(), topics.waterRanking().valueSerde())
                .withName("water-ranking-sink"));
  }

  private static <V extends SpecificRecord> void to(
      Map<String, KStream<String, WaterOutput>> byKind,
      WaterOutput.Kind kind,
      Topic<String, V> topic,
      Class<V> type) {
    values(byKind, kind, type)
        .to(
            topic.name(),
            Produced.with(topic.keySerde(), topic.valueSerde())
                .withName("water-" + name(kind) + "-sink"));
  }

  private static <V extends SpecificRecord> KStream<String, V> values(
      Map<String, KStream<String, WaterOutput>> byKind, WaterOutput.Kind kind, Class<V> type) {
    return byKind
        .get("water-" + name(kind))
        .mapValues(output -> output.as(type), Named.as("water-" + name(kind) + "-value"));
  }

  private static String name(WaterOutput.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The city processor with its stores, which the supplier connects itself. */
  private record CitySupplier(
      PipelineSettings settings, PipelineMetrics metrics, Serializer<WaterSample> sampleSerializer)
      implements ProcessorSupplier<String, CityWaterInput, String, WaterOutput> {

    @Override
    public Processor<String, CityWaterInput, String, WaterOutput> get() {
      return new CityWaterProcessor(settings, metrics, sampleSerializer);
    }

    /**
     * Caching on the stores written more than once a commit: a section's month at every sample, a
     * city's year at every section-month published. The cache keeps the latest value of a key until
     * the commit, so the changelog gets one record per key and commit.
     */
    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(CityWaterProcessor.SECTIONS_STORE),
              Serdes.String(),
              AvroSerde.of(WaterSectionState.class)),
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(CityWaterProcessor.SECTION_MONTHS_STORE),
                  Serdes.String(),
                  AvroSerde.of(SectionMonthState.class))
              .withCachingEnabled(),
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(CityWaterProcessor.CITY_YEARS_STORE),
                  Serdes.String(),
                  AvroSerde.of(CityWaterYearState.class))
              .withCachingEnabled(),
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(CityWaterProcessor.CITY_PROVINCE_STORE),
              Serdes.String(),
              Serdes.String()));
    }
  }
}
