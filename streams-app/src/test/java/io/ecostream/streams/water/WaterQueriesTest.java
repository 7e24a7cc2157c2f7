package io.ecostream.streams.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.streams.PipelineTestDriver;
import io.ecostream.streams.air.AirQueries;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.Topic;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The water queries on the stores of the production topology, against the last record of each key
 * of {@code water.city-period} and {@code water.section-month}, and against figures worked by hand
 * from the GB 3838-2002 limits.
 */
class WaterQueriesTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /**
   * The commit interval, as in production: a section's newest month is published once per interval.
   */
  private static final PipelineSettings SETTINGS = PipelineSettings.defaults();

  /** Own state directory: tests of other modules and worktrees may run at the same time. */
  @TempDir Path stateDir;

  private PipelineTestDriver pipeline;
  private EcostreamTopics topics;
  private Topology topology;
  private WaterQueries queries;

  @BeforeEach
  void start() {
    // The wall clock after every sample: none is in the future.
    pipeline = PipelineTestDriver.start(SETTINGS, stateDir, Instant.parse("2025-01-01T00:00:00Z"));
    topics = pipeline.topics();
    topology = pipeline.topology();
    queries = new WaterQueries(SETTINGS, driverStores());
  }

  @AfterEach
  void close() {
    pipeline.close();
  }

  /** The driver runs one task per sub-topology: its store holds every partition. */
  private AirQueries.LocalStores driverStores() {
    return new AirQueries.LocalStores() {
      @Override
      public <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition) {
        return pipeline.<V>store(name);
      }
    };
  }

  private void send(Station station) {
    pipeline
        .input(topics.stations())
        .pipeInput(InputKeys.of(station), station, Instant.parse("2023-01-01T00:00:00Z"));
    pipeline.advanceWallClockTime(PipelineTestDriver.COMMIT_INTERVAL);
  }

  /** A sample keyed by its city, as ecostream's producers send it, then a commit interval. */
  private void send(WaterSample sample) {
    pipeline
        .input(topics.waterReadings())
        .pipeInput(InputKeys.of(sample), sample, sample.getSampledAt());
    pipeline.advanceWallClockTime(PipelineTestDriver.COMMIT_INTERVAL);
  }

  private <V> Map<String, V> latest(Topic<String, V> topic) {
    return PipelineTestDriver.latestByKey(pipeline.output(topic).readKeyValuesToList());
  }

  private static Station section(
      String id, String city, String province, WaterBodyType body, String name, boolean drinking) {
    return Station.newBuilder()
        .setStationId(id)
        .setName(id)
        .setKind(StationKind.WATER)
        .setCityId(city)
        .setCityName(city)
        .setProvince(province)
        .setWaterBody(body)
        .setWaterBodyName(name)
        .setDrinkingSource(drinking)
        .build();
  }

  /**
   * A manual sample whose other items are class II at worst on the river limits (DO 7.5 is class I;
   * COD_Mn 3.0 ≤ 4 and TP 0.08 ≤ 0.1 class II), so its ammonia nitrogen decides a class from III
   * on: NH3-N ≤ 0.5 II, ≤ 1.0 III, ≤ 1.5 IV, ≤ 2.0 V.
   */
  private static WaterSample river(
      String id, String city, LocalDateTime at, double ammoniaNitrogen) {
    return sample(id, city, at)
        .setPh(7.6)
        .setDissolvedOxygen(7.5)
        .setCodMn(3.0)
        .setAmmoniaNitrogen(ammoniaNitrogen)
        .setTotalPhosphorus(0.08)
        .build();
  }

  /** A reservoir sample, class II on the lake limits (TP 0.02 ≤ 0.025, NH3-N 0.2 ≤ 0.5). */
  private static WaterSample reservoir(String id, String city, LocalDateTime at) {
    return sample(id, city, at)
        .setPh(7.9)
        .setDissolvedOxygen(8.0)
        .setCodMn(2.5)
        .setAmmoniaNitrogen(0.2)
        .setTotalPhosphorus(0.02)
        .build();
  }

  private static WaterSample.Builder sample(String id, String city, LocalDateTime at) {
    return WaterSample.newBuilder()
        .setStationId(id)
        .setCityId(city)
        .setSampledAt(at.atZone(BEIJING).toInstant())
        .setMethod(SamplingMethod.MANUAL);
  }

  /**
   * Binzhou (Shandong): three sections of the 徒骇河, sampled in January and February of 2023 and
   * 2024. Zibo: a drinking-water reservoir and a river section in March of both years, its Station
   * records without a province. Dezhou: a Station record only.
   *
   * <p>Binzhou, January 2024: BZ1 NH3-N 0.3 (II), BZ2 0.8 and 1.0, mean 0.9 (III), BZ3 1.4 (IV).
   * Zibo, March 2024: ZB1 II and compliant, ZB2 NH3-N 1.6 (V).
   */
  private void twoCitiesOverTwoYears() {
    send(section("BZ1", "binzhou", "Shandong", WaterBodyType.RIVER, "徒骇河", false));
    send(section("BZ2", "binzhou", "Shandong", WaterBodyType.RIVER, "徒骇河", false));
    send(section("BZ3", "binzhou", "Shandong", WaterBodyType.RIVER, "徒骇河", false));
    send(section("ZB1", "zibo", null, WaterBodyType.RESERVOIR, "太河水库", true));
    send(section("ZB2", "zibo", null, WaterBodyType.RIVER, "孝妇河", false));
    send(section("DZ1", "dezhou", "Shandong", WaterBodyType.RIVER, "马颊河", false));

    send(river("BZ1", "binzhou", LocalDateTime.of(2023, 1, 9, 10, 0), 0.4));
    send(river("BZ2", "binzhou", LocalDateTime.of(2023, 1, 10, 10, 0), 0.9));
    send(river("BZ3", "binzhou", LocalDateTime.of(2023, 1, 11, 10, 0), 1.8));
    send(river("BZ1", "binzhou", LocalDateTime.of(2023, 2, 8, 10, 0), 0.6));
    send(reservoir("ZB1", "zibo", LocalDateTime.of(2023, 3, 14, 9, 30)));
    send(river("ZB2", "zibo", LocalDateTime.of(2023, 3, 15, 9, 30), 1.2));

    send(river("BZ1", "binzhou", LocalDateTime.of(2024, 1, 8, 10, 0), 0.3));
    send(river("BZ2", "binzhou", LocalDateTime.of(2024, 1, 9, 10, 0), 0.8));
    send(river("BZ2", "binzhou", LocalDateTime.of(2024, 1, 23, 10, 0), 1.0));
    send(river("BZ3", "binzhou", LocalDateTime.of(2024, 1, 10, 10, 0), 1.4));
    send(river("BZ1", "binzhou", LocalDateTime.of(2024, 2, 7, 10, 0), 0.5));
    send(river("BZ2", "binzhou", LocalDateTime.of(2024, 2, 8, 10, 0), 1.2));
    send(reservoir("ZB1", "zibo", LocalDateTime.of(2024, 3, 12, 9, 30)));
    send(river("ZB2", "zibo", LocalDateTime.of(2024, 3, 13, 9, 30), 1.6));
  }

  @Test
  void shouldAnswerEveryCityPeriodWithTheLastRecordOfItsKey() {
    twoCitiesOverTwoYears();

    Map<String, CityWaterPeriod> published = latest(topics.waterCityPeriod());
    assertThat(published)
        .containsOnlyKeys(
            "binzhou@2023-01",
            "binzhou@2023-02",
            "binzhou@2023",
            "binzhou@2024-01",
            "binzhou@2024-02",
            "binzhou@2024",
            "zibo@2023-03",
            "zibo@2023",
            "zibo@2024-03",
            "zibo@2024");
    published.forEach(
        (key, record) -> {
          String[] cityAndPeriod = key.split("@");
          assertThat(queries.cityPeriod(cityAndPeriod[0], cityAndPeriod[1], 0))
              .as(key)
              .contains(record);
        });
  }

  @Test
  void shouldGiveTheGoodShareAndYearOnYearWorkedByHand() {
    twoCitiesOverTwoYears();

    CityWaterPeriod january = queries.cityPeriod("binzhou", "2024-01", 0).orElseThrow();
    // II, III, IV: 2 of 3 sections of classes I-III.
    assertThat(january.getPeriodType()).isEqualTo(PeriodType.MONTH_TO_DATE);
    assertThat(january.getSections()).isEqualTo(3);
    assertThat(january.getGoodShare()).isEqualTo(66.7);
    assertThat(january.getClassIVShare()).isEqualTo(33.3);
    assertThat(january.getWorseThanVShare()).isEqualTo(0.0);
    // January 2023: II, III, V, also 2 of 3 good.
    assertThat(january.getPreviousPeriod()).isEqualTo("2023-01");
    assertThat(january.getGoodShareChangePoints()).isEqualTo(0.0);

    // Year to date, the means of the monthly means: BZ1 (0.3 + 0.5) / 2 = 0.4 (II), BZ2 (0.9 + 1.2)
    // /
    // 2 = 1.05 (IV), BZ3 1.4 (IV): 1 of 3 good.
    CityWaterPeriod year = queries.cityPeriod("binzhou", "2024", 0).orElseThrow();
    assertThat(year.getPeriodType()).isEqualTo(PeriodType.YEAR_TO_DATE);
    assertThat(year.getGoodShare()).isEqualTo(33.3);
    assertThat(year.getClassIVShare()).isEqualTo(66.7);

    // ZB1 compliant, ZB2 class V: the reservoir is the one good section of two.
    CityWaterPeriod zibo = queries.cityPeriod("zibo", "2024-03", 0).orElseThrow();
    assertThat(zibo.getGoodShare()).isEqualTo(50.0);
    assertThat(zibo.getClassVShare()).isEqualTo(50.0);
    assertThat(zibo.getDrinkingSources()).isEqualTo(1);
    assertThat(zibo.getDrinkingCompliance()).isEqualTo(100.0);
  }

  @Test
  void shouldAnswerEmptyForACityOrPeriodWithoutAFigure() {
    twoCitiesOverTwoYears();

    assertThat(queries.cityPeriod("weihai", "2024", 0)).isEmpty();
    assertThat(queries.cityPeriod("binzhou", "2024-03", 0)).as("no sample in March").isEmpty();
    assertThat(queries.cityPeriod("binzhou", "2022", 0)).isEmpty();
    assertThat(queries.cityPeriod("dezhou", "2024", 0)).as("a Station record, no sample").isEmpty();
  }

  @Test
  void shouldKnowACityByItsProvinceOrItsSamples() {
    twoCitiesOverTwoYears();

    assertThat(queries.knowsCity("binzhou", 0)).isTrue();
    assertThat(queries.knowsCity("dezhou", 0)).as("by its Station record's province").isTrue();
    assertThat(queries.knowsCity("zibo", 0)).as("by its samples, no province").isTrue();
    assertThat(queries.knowsCity("weihai", 0)).isFalse();
    assertThat(queries.knowsCity("bin", 0)).as("a prefix of a known id").isFalse();
  }

  @Test
  void shouldAnswerEverySectionMonthWithTheLastRecordOfItsKeyWithOrWithoutThePartition() {
    twoCitiesOverTwoYears();

    Map<String, SectionMonth> published = latest(topics.waterSectionMonth());
    assertThat(published).hasSize(13);
    published.forEach(
        (key, record) -> {
          String[] sectionAndMonth = key.split("@");
          YearMonth month = YearMonth.parse(sectionAndMonth[1]);
          assertThat(queries.sectionMonth(sectionAndMonth[0], month, null))
              .as(key)
              .contains(record);
          assertThat(queries.sectionMonth(sectionAndMonth[0], month, 0)).as(key).contains(record);
        });
  }

  @Test
  void shouldAssessASectionsMonthFromTheMeanOfItsSamples() {
    twoCitiesOverTwoYears();

    SectionMonth bz2 = queries.sectionMonth("BZ2", YearMonth.of(2024, 1), null).orElseThrow();
    assertThat(bz2.getCityId()).isEqualTo("binzhou");
    assertThat(bz2.getSamples()).isEqualTo(2);
    assertThat(bz2.getAmmoniaNitrogen()).isEqualTo(0.9);
    assertThat(bz2.getWaterClass()).isEqualTo("III");
    assertThat(bz2.getGood()).isTrue();
    // CWQI on the class III limits: pH (7.6 - 7) / 2 + DO 5 / 7.5 + COD_Mn 3 / 6 + NH3-N 0.9 / 1 +
    // TP 0.08 / 0.2.
    assertThat(bz2.getCwqi()).isCloseTo(0.3 + 5 / 7.5 + 0.5 + 0.9 + 0.4, within(1e-6));

    assertThat(queries.sectionMonth("BZ3", YearMonth.of(2024, 2), null))
        .as("no sample in February")
        .isEmpty();
    assertThat(queries.sectionMonth("XX9", YearMonth.of(2024, 1), null)).isEmpty();
  }

  @Test
  void shouldLocateACityInTheTaskItsSamplesAreKeyedTo() {
    twoCitiesOverTwoYears();

    // queryMetadataForKey hashes the city id over the partitions of the store's sub-topology: that
    // of
    // water.readings, whose records are keyed by city id.
    assertThat(topology.describe().subtopologies())
        .filteredOn(
            sub ->
                sub.nodes().stream()
                    .anyMatch(node -> storesOf(node).contains(WaterQueries.CITY_STORE)))
        .singleElement()
        .satisfies(sub -> assertThat(sourceTopics(sub)).contains(topics.waterReadings().name()));
    assertThat(pipeline.<String>store(WaterQueries.CITY_STORE).get("binzhou"))
        .isEqualTo("Shandong");
  }

  private static Set<String> storesOf(TopologyDescription.Node node) {
    return node instanceof TopologyDescription.Processor processor ? processor.stores() : Set.of();
  }

  private static Set<String> sourceTopics(TopologyDescription.Subtopology sub) {
    Set<String> topics = new TreeSet<>();
    sub.nodes().stream()
        .filter(TopologyDescription.Source.class::isInstance)
        .map(node -> ((TopologyDescription.Source) node).topicSet())
        .filter(Objects::nonNull)
        .forEach(topics::addAll);
    return topics;
  }
}
