package io.ecostream.streams.water;

import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.avro.internal.CityWaterYearState;
import io.ecostream.avro.internal.SectionMonthState;
import io.ecostream.avro.internal.SectionSample;
import io.ecostream.avro.internal.WaterRankingState;
import io.ecostream.domain.water.RiverGradingRules;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.ranking.ByProvince;
import io.ecostream.topics.EcostreamTopics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The water pipeline: each valid sample, with its station's water body, source flag and target
 * class, gets its real-time class and may raise an alert; each section's calendar month is assessed
 * from the mean of its samples; each city's month and year to date come from its sections' months,
 * and rank the cities of each province.
 * Every processor, store and repartition topic is named.
 */
public final class WaterPipeline {

  public static final String SECTION_MONTH_STORE = "section-month-store";
  public static final String SECTION_MONTH_REPARTITION = "section-month";
  public static final String CITY_WATER_YEAR_STORE = "city-water-year-store";
  public static final String CITY_WATER_REPARTITION = "city-water-by-city";
  public static final String WATER_ALERT_STORE = "water-alert-store";
  public static final String WATER_CITY_PROVINCE_STORE = "water-city-province-store";
  public static final String WATER_CITY_PROVINCE_REPARTITION = "water-city-province-by-city";
  public static final String WATER_RANKING_STORE = "water-ranking-store";
  /** Prefix of the ranking route's node and repartition names ({@link ByProvince#route}). */
  public static final String WATER_RANKING_PREFIX = "water-";

  private WaterPipeline() {}

  /**
   * @param samples valid water samples, keyed by station id
   * @param stations the latest Station record of each station, keyed by station id
   * @param cityProvinces cityId → province, from the water stations' Station records
   */
  public static void build(
      StreamsBuilder builder,
      KStream<String, WaterSample> samples,
      KTable<String, Station> stations,
      ByProvince.CityProvinces cityProvinces,
      EcostreamTopics topics,
      PipelineSettings settings) {
    SectionAssessor assessor = new SectionAssessor(settings.water().sea());
    SectionSamples sectionSamples = new SectionSamples(settings.zone(), assessor);
    // A sample whose Station has not arrived is assessed as a river section without a target.
    KStream<String, SectionSample> withStation =
        samples.leftJoin(
            stations,
            SectionSamples::of,
            Joined.with(Serdes.String(), topics.waterReadings().valueSerde(), topics.stations().valueSerde())
                .withName("water-sample-station"));

    KStream<String, WaterSampleClass> classes =
        withStation.mapValues(sectionSamples::sampleClass, Named.as("water-sample-class"));
    classes
        .selectKey(
            (station, sample) -> sample.getStationId() + "@" + sample.getSampledAt(),
            Named.as("key-by-station-sample"))
        .to(
            topics.waterSampleClass().name(),
            Produced.with(topics.waterSampleClass().keySerde(), topics.waterSampleClass().valueSerde())
                .withName("water-sample-class-sink"));
    alerts(builder, classes, topics, settings);

    KStream<String, SectionMonth> months = sectionMonths(withStation, sectionSamples, assessor, topics);
    KStream<String, CityWaterPeriod> periods = cityPeriods(builder, months, assessor, topics, settings);
    rankings(builder, periods, cityProvinces, topics, settings);
  }

  private static void alerts(
      StreamsBuilder builder,
      KStream<String, WaterSampleClass> classes,
      EcostreamTopics topics,
      PipelineSettings settings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(WATER_ALERT_STORE), Serdes.String(), Serdes.Long()));
    // Still keyed by station id: one station's samples meet in one task.
    classes
        .process(
            () -> new WaterAlertProcessor(WATER_ALERT_STORE, settings.zone()),
            Named.as("water-alerts"),
            WATER_ALERT_STORE)
        .to(
            topics.alerts().name(),
            Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName("water-alerts-sink"));
  }

  private static KStream<String, SectionMonth> sectionMonths(
      KStream<String, SectionSample> withStation,
      SectionSamples sectionSamples,
      SectionAssessor assessor,
      EcostreamTopics topics) {
    SectionMonthAggregation month = new SectionMonthAggregation(sectionSamples, assessor);
    KStream<String, SectionMonth> months =
        withStation
            .selectKey((station, sample) -> sectionSamples.monthKey(sample), Named.as("key-by-section-month"))
            .groupByKey(
                Grouped.with(SECTION_MONTH_REPARTITION, Serdes.String(), AvroSerde.of(SectionSample.class)))
            .aggregate(
                SectionMonthAggregation::initial,
                month::add,
                Named.as("section-month-aggregate"),
                Materialized.<String, SectionMonthState, KeyValueStore<Bytes, byte[]>>as(SECTION_MONTH_STORE)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(AvroSerde.of(SectionMonthState.class)))
            .toStream(Named.as("section-month-updates"))
            .mapValues(month::figure, Named.as("section-month-figure"));
    months.to(
        topics.waterSectionMonth().name(),
        Produced.with(topics.waterSectionMonth().keySerde(), topics.waterSectionMonth().valueSerde())
            .withName("section-month-sink"));
    return months;
  }

  private static KStream<String, CityWaterPeriod> cityPeriods(
      StreamsBuilder builder,
      KStream<String, SectionMonth> months,
      SectionAssessor assessor,
      EcostreamTopics topics,
      PipelineSettings settings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CITY_WATER_YEAR_STORE),
            Serdes.String(),
            AvroSerde.of(CityWaterYearState.class)));
    CityWaterPeriods periods =
        new CityWaterPeriods(assessor, settings.water().cwqi(), RiverGradingRules.defaults());
    KStream<String, CityWaterPeriod> figures =
        months
        .selectKey((sectionMonth, figure) -> figure.getCityId(), Named.as("key-section-month-by-city"))
        .repartition(
            Repartitioned.with(Serdes.String(), topics.waterSectionMonth().valueSerde())
                .withName(CITY_WATER_REPARTITION))
        .process(
            () -> new CityWaterPeriodProcessor(CITY_WATER_YEAR_STORE, periods),
            Named.as("city-water-period"),
            CITY_WATER_YEAR_STORE);
    figures.to(
        topics.waterCityPeriod().name(),
        Produced.with(topics.waterCityPeriod().keySerde(), topics.waterCityPeriod().valueSerde())
            .withName("city-water-period-sink"));
    return figures;
  }

  /** Ranks the cities of each province by CWQI and by good share, as the air rankings are routed. */
  private static void rankings(
      StreamsBuilder builder,
      KStream<String, CityWaterPeriod> periods,
      ByProvince.CityProvinces cityProvinces,
      EcostreamTopics topics,
      PipelineSettings settings) {
    ByProvince.rank(
        builder,
        periods,
        CityWaterPeriod::getCityId,
        CityWaterPeriod::getPeriod,
        topics.waterCityPeriod().valueSerde(),
        cityProvinces,
        WATER_RANKING_PREFIX,
        WATER_RANKING_STORE,
        WaterRankingState.class,
        new WaterRankings(settings.water().cwqi()),
        topics.waterRanking());
  }
}
