package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyFigures;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterRanking;
import io.ecostream.avro.WaterRankingEntry;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The water outputs of the production topology, on figures worked out by hand. */
class WaterTopologyTest {

  /** Own state directory: tests of other modules and worktrees may run at the same time. */
  @TempDir Path stateDir;

  private final EcostreamTopics topics = EcostreamTopics.withDefaultPrefix();
  @AutoClose private PipelineTestDriver pipeline;
  private TestInputTopic<String, Station> stations;
  private TestInputTopic<String, WaterSample> samples;

  @BeforeEach
  void startPipeline() {
    startPipeline(stateDir);
  }

  private void startPipeline(Path stateDir) {
    pipeline = PipelineTestDriver.start(PipelineSettings.defaults(), stateDir);
    stations = pipeline.input(topics.stations());
    samples = pipeline.input(topics.waterReadings());
  }

  private void section(String id, WaterBodyType body, boolean drinking, Integer target) {
    section(id, "binzhou", body, null, drinking, target);
  }

  private void section(
      String id,
      String city,
      WaterBodyType body,
      String waterBodyName,
      boolean drinking,
      Integer target) {
    send(station(id, city, body, waterBodyName, drinking, target));
  }

  private static Station station(
      String id,
      String city,
      WaterBodyType body,
      String waterBodyName,
      boolean drinking,
      Integer target) {
    return Station.newBuilder()
        .setStationId(id)
        .setName(id)
        .setKind(StationKind.WATER)
        .setCityId(city)
        .setCityName(city)
        .setProvince("Shandong")
        .setWaterBody(body)
        .setWaterBodyName(waterBodyName)
        .setDrinkingSource(drinking)
        .setTargetClass(target)
        .build();
  }

  /** A Station record, then a commit interval of wall-clock time. */
  private void send(Station station) {
    stations.pipeInput(
        station.getStationId(),
        station,
        LocalDateTime.of(2023, 1, 1, 0, 0).atZone(AirReadings.BEIJING).toInstant());
    pipeline.advanceWallClockTime(PipelineTestDriver.COMMIT_INTERVAL);
  }

  private static WaterSample.Builder sample(String id, LocalDateTime at) {
    return sample(id, "binzhou", at);
  }

  private static WaterSample.Builder sample(String id, String city, LocalDateTime at) {
    return WaterSample.newBuilder()
        .setStationId(id)
        .setCityId(city)
        .setSampledAt(at.atZone(AirReadings.BEIJING).toInstant())
        .setMethod(SamplingMethod.MANUAL);
  }

  /** Example 1 of docs/standards.md#worked-water-examples: GB 3097 class 1. */
  private static WaterSample.Builder seaExampleOne(WaterSample.Builder sample) {
    return sample
        .setPh(8.1)
        .setDissolvedOxygen(6.5)
        .setCod(1.8)
        .setInorganicNitrogen(0.19)
        .setActivePhosphate(0.012)
        .setPetroleum(0.02);
  }

  /**
   * A sample keyed as ecostream's producers key it, then a commit interval of wall-clock time (a
   * section's newest month is published once per commit interval).
   */
  private void send(WaterSample.Builder sample) {
    send(sample, InputKeys::of);
  }

  private void send(WaterSample.Builder sample, Function<WaterSample, String> key) {
    WaterSample value = sample.build();
    samples.pipeInput(key.apply(value), value, value.getSampledAt());
    pipeline.advanceWallClockTime(PipelineTestDriver.COMMIT_INTERVAL);
  }

  /** Half a minute: a section's first samples wait no longer for their Station record. */
  private void waitOutTheHoldOfFirstSamples() {
    pipeline.advanceWallClockTime(Duration.ofSeconds(30));
  }

  /** Every record of the water outputs, topic by topic, with its key, value and timestamp. */
  private List<List<Object>> waterOutputs() {
    List<List<Object>> records = new ArrayList<>();
    for (Topic<String, ?> topic :
        List.of(
            topics.waterSampleClass(),
            topics.waterSectionMonth(),
            topics.waterCityPeriod(),
            topics.waterRanking(),
            topics.alerts())) {
      pipeline
          .output(topic)
          .readRecordsToList()
          .forEach(r -> records.add(List.of(topic.name(), r.key(), r.value(), r.timestamp())));
    }
    return records;
  }

  private <V> Map<String, V> latest(Topic<String, V> topic) {
    return PipelineTestDriver.latestByKey(pipeline.output(topic).readKeyValuesToList());
  }

  /**
   * January 2024 in Binzhou, four sections (S1 and S2 on the 徒骇河, S4 on the 黄河) and a sea point:
   *
   * <ul>
   *   <li>S1, river, target III: the river section of docs/standards.md#section-class-and-shares,
   *       class III; CWQI 0.4 + 5/6.2 + 4.5/6 + 18/20 + 3.2/4 + 0.6/1 + 0.15/0.2 = 5.0064516;
   *   <li>S2, river, target III: NH3-N 2.3, 劣V; CWQI 2.3 (a year earlier NH3-N 0.8: class III);
   *   <li>S3, reservoir, drinking source: TP 0.08 on the lake limits, class IV, not compliant; CWQI
   *       0.08/0.05 = 1.6;
   *   <li>S4, river: NH3-N 0.4 and 0.6, mean 0.5, class II (a value on a limit is the better
   *       class); CWQI 0.5;
   *   <li>P1, sea point: Example 1 of docs/standards.md#worked-water-examples, class 1.
   * </ul>
   */
  private void januaryInBinzhou() {
    section("S1", "binzhou", WaterBodyType.RIVER, "徒骇河", false, 3);
    section("S2", "binzhou", WaterBodyType.RIVER, "徒骇河", false, 3);
    section("S3", WaterBodyType.RESERVOIR, true, null);
    section("S4", "binzhou", WaterBodyType.RIVER, "黄河", false, null);
    section("P1", WaterBodyType.SEA, false, null);
    send(sample("S2", LocalDateTime.of(2023, 1, 10, 9, 0)).setAmmoniaNitrogen(0.8));
    send(
        sample("S1", LocalDateTime.of(2024, 1, 5, 9, 0))
            .setPh(7.8)
            .setDissolvedOxygen(6.2)
            .setCodMn(4.5)
            .setCod(18.0)
            .setBod5(3.2)
            .setAmmoniaNitrogen(0.6)
            .setTotalPhosphorus(0.15));
    send(sample("S2", LocalDateTime.of(2024, 1, 6, 9, 0)).setAmmoniaNitrogen(2.3));
    send(sample("S3", LocalDateTime.of(2024, 1, 7, 9, 0)).setTotalPhosphorus(0.08));
    send(sample("S4", LocalDateTime.of(2024, 1, 8, 9, 0)).setAmmoniaNitrogen(0.4));
    send(sample("S4", LocalDateTime.of(2024, 1, 20, 9, 0)).setAmmoniaNitrogen(0.6));
    send(sample("S4", LocalDateTime.of(2024, 1, 20, 9, 0)).setAmmoniaNitrogen(0.6)); // re-sent
    send(seaExampleOne(sample("P1", LocalDateTime.of(2024, 1, 9, 9, 0))));
  }

  @Test
  void shouldClassifyEverySampleAsItArrives() {
    januaryInBinzhou();

    Map<String, WaterSampleClass> classes = latest(topics.waterSampleClass());
    assertThat(classes.get("S1@2024-01-05T01:00:00Z").getWaterClass()).isEqualTo("III");
    WaterSampleClass s2 = classes.get("S2@2024-01-06T01:00:00Z");
    assertThat(s2.getWaterClass()).isEqualTo("劣V");
    assertThat(s2.getDetermining()).containsExactly("氨氮");
    assertThat(s2.getMeetsTarget()).isFalse();
    assertThat(classes.get("S3@2024-01-07T01:00:00Z").getDrinkingCompliant()).isFalse();
    assertThat(classes.get("S4@2024-01-08T01:00:00Z").getWaterClass())
        .isEqualTo("II"); // 0.4 <= 0.5
    assertThat(classes.get("S4@2024-01-20T01:00:00Z").getWaterClass())
        .isEqualTo("III"); // 0.6 > 0.5
    assertThat(classes.get("P1@2024-01-09T01:00:00Z").getWaterClass()).isEqualTo("一类");
  }

  @Test
  void shouldAssessEachSectionsMonthFromTheMeanOfItsSamples() {
    januaryInBinzhou();

    Map<String, SectionMonth> months = latest(topics.waterSectionMonth());
    SectionMonth s4 = months.get("S4@2024-01");
    assertThat(s4.getSamples()).isEqualTo(2);
    assertThat(s4.getAmmoniaNitrogen()).isEqualTo(0.5);
    assertThat(s4.getWaterClass()).isEqualTo("II");
    assertThat(s4.getRevision()).as("the re-sent sample changed nothing").isEqualTo(2);
    SectionMonth s1 = months.get("S1@2024-01");
    assertThat(s1.getWaterClass()).isEqualTo("III");
    assertThat(s1.getMeetsTarget()).isTrue();
    assertThat(s1.getCwqi()).isCloseTo(5.0064516, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(months.get("S3@2024-01").getWaterClass()).isEqualTo("IV");
    assertThat(months.get("P1@2024-01").getGood()).isTrue();
  }

  @Test
  void shouldGiveTheCitysShares_cwqi_drinkingCompliance_andSeaShareWithYearOnYear() {
    januaryInBinzhou();

    Map<String, CityWaterPeriod> periods = latest(topics.waterCityPeriod());
    CityWaterPeriod january = periods.get("binzhou@2024-01");
    // classes III, 劣V, IV, II of 4 sections
    assertThat(january.getSections()).isEqualTo(4);
    assertThat(january.getGoodShare()).isEqualTo(50.0);
    assertThat(january.getClassIVShare()).isEqualTo(25.0);
    assertThat(january.getClassVShare()).isEqualTo(0.0);
    assertThat(january.getWorseThanVShare()).isEqualTo(25.0);
    // (5.0064516 + 2.3 + 1.6 + 0.5) / 4 = 2.3516129 -> 4 decimals
    assertThat(january.getCwqi()).isEqualTo(2.3516);
    assertThat(january.getDrinkingSources()).isEqualTo(1);
    assertThat(january.getDrinkingCompliance()).isEqualTo(0.0);
    assertThat(january.getSeaPoints()).isEqualTo(1);
    assertThat(january.getSeaGoodShare()).isEqualTo(100.0);
    // January 2023: S2 alone, class III -> 100 % good
    assertThat(january.getPreviousPeriod()).isEqualTo("2023-01");
    assertThat(january.getGoodShareChangePoints()).isEqualTo(-50.0);
    assertThat(january.getWorseThanVShareChangePoints()).isEqualTo(25.0);
    CityWaterPeriod year = periods.get("binzhou@2024");
    assertThat(year.getGoodShare()).isEqualTo(50.0);
    assertThat(year.getCwqi()).isEqualTo(2.3516);
    assertThat(year.getPreviousPeriod()).isEqualTo("2023");
  }

  @Test
  void shouldRaiseWaterAlertsWhenTheSampleArrivesAndOnlyOnceAMonth() {
    januaryInBinzhou();
    send(sample("S2", LocalDateTime.of(2024, 1, 16, 9, 0)).setAmmoniaNitrogen(2.5)); // still 劣V

    Map<String, Alert> alerts = latest(topics.alerts());
    assertThat(alerts)
        .containsOnlyKeys(
            "water-below-target@S2@2024-01",
            "water-worse-than-v@S2@2024-01",
            "drinking-source-non-compliant@S3@2024-01");
    assertThat(alerts.get("water-worse-than-v@S2@2024-01").getEventTime())
        .isEqualTo(LocalDateTime.of(2024, 1, 6, 9, 0).atZone(AirReadings.BEIJING).toInstant());
  }

  private static WaterRankingEntry ranked(int rank, String cityId, double value) {
    return new WaterRankingEntry(cityId, rank, value, true);
  }

  private static WaterRankingEntry unranked(String cityId) {
    return new WaterRankingEntry(cityId, null, null, false);
  }

  /**
   * January 2024 in Shandong: Binzhou as above, Dongying with one 黄河 section D1 (NH3-N 1.0: class
   * III, CWQI 1.0 / 1.0 = 1.0) and Weihai with a sea point only (no CWQI, no section).
   */
  private void januaryInShandong() {
    section("D1", "dongying", WaterBodyType.RIVER, "黄河", false, null);
    section("W1", "weihai", WaterBodyType.SEA, "黄海", false, null);
    januaryInBinzhou();
    send(sample("D1", "dongying", LocalDateTime.of(2024, 1, 10, 9, 0)).setAmmoniaNitrogen(1.0));
    send(seaExampleOne(sample("W1", "weihai", LocalDateTime.of(2024, 1, 11, 9, 0))));
  }

  @Test
  void shouldRankTheCitiesOfTheProvinceByCwqiAndGoodShare() {
    januaryInShandong();

    Map<String, WaterRanking> rankings = latest(topics.waterRanking());
    assertThat(rankings)
        .containsOnlyKeys("Shandong@2023", "Shandong@2023-01", "Shandong@2024", "Shandong@2024-01");
    WaterRanking january = rankings.get("Shandong@2024-01");
    assertThat(january.getPeriodType()).isEqualTo(PeriodType.MONTH_TO_DATE);
    assertThat(january.getCities()).isEqualTo(3);
    assertThat(january.getByCwqi())
        .containsExactly(
            ranked(1, "dongying", 1.0), ranked(2, "binzhou", 2.3516), unranked("weihai"));
    assertThat(january.getByGoodShare())
        .containsExactly(
            ranked(1, "dongying", 100.0), ranked(2, "binzhou", 50.0), unranked("weihai"));
    // Binzhou's CWQI or good share changed with S1, S2, S3 and each of S4's first two samples (5);
    // P1 and the re-sent sample changed neither; then Dongying and Weihai arrived.
    assertThat(january.getRevision()).isEqualTo(7);
    assertThat(rankings.get("Shandong@2024").getByCwqi()).isEqualTo(january.getByCwqi());
    // January 2023: S2 alone, NH3-N 0.8, CWQI 0.8.
    assertThat(rankings.get("Shandong@2023-01").getByCwqi())
        .containsExactly(ranked(1, "binzhou", 0.8));
  }

  @Test
  void shouldGradeEachNamedRiverOfTheCity() {
    januaryInShandong();

    Map<String, CityWaterPeriod> periods = latest(topics.waterCityPeriod());
    // 徒骇河: S1 III and S2 劣V, fewer than 5 sections, so by the mean concentrations: NH3-N
    // (0.6 + 2.3) / 2 = 1.45 (class IV, ≤ 1.5), the other items S1's (class III at worst) -> IV.
    // 黄河 in Binzhou: S4, mean NH3-N 0.5 -> II -> 优. S3 and P1 have no name.
    // A year earlier 徒骇河 had S2 alone, NH3-N 0.8, III: 100 % good, 0 % 劣V -> -50.0 and +50.0
    // points.
    assertThat(periods.get("binzhou@2024-01").getWaterBodies())
        .containsExactly(
            new WaterBodyFigures("徒骇河", 2, 50.0, 50.0, -50.0, 50.0, "轻度污染"),
            new WaterBodyFigures("黄河", 1, 100.0, 0.0, null, null, "优"));
    assertThat(periods.get("dongying@2024").getWaterBodies())
        .containsExactly(new WaterBodyFigures("黄河", 1, 100.0, 0.0, null, null, "良好"));
    assertThat(periods.get("weihai@2024-01").getWaterBodies()).isEmpty();
    assertThat(latest(topics.waterSectionMonth()).get("D1@2024-01").getWaterBodyName())
        .isEqualTo("黄河");
  }

  /**
   * Two sections of Binzhou in January 2024 and the first days of February: S1 (river, target III)
   * with a class III and a 劣V sample, S2 (lake) with two samples, then one sample each in February,
   * which settles January.
   */
  private void twoSectionsOfBinzhou(Function<WaterSample, String> key) {
    section("S1", "binzhou", WaterBodyType.RIVER, "徒骇河", false, 3);
    section("S2", "binzhou", WaterBodyType.LAKE, "麻大湖", false, null);
    send(sample("S1", LocalDateTime.of(2024, 1, 5, 9, 0)).setAmmoniaNitrogen(0.9), key);
    send(sample("S2", LocalDateTime.of(2024, 1, 6, 9, 0)).setTotalPhosphorus(0.03), key);
    send(sample("S1", LocalDateTime.of(2024, 1, 19, 9, 0)).setAmmoniaNitrogen(2.1), key);
    send(sample("S2", LocalDateTime.of(2024, 1, 20, 9, 0)).setTotalPhosphorus(0.06), key);
    send(sample("S1", LocalDateTime.of(2024, 2, 2, 9, 0)).setAmmoniaNitrogen(0.7), key);
    send(sample("S2", LocalDateTime.of(2024, 2, 3, 9, 0)).setTotalPhosphorus(0.02), key);
  }

  @Test
  void shouldGiveTheSameOutputsWhenSamplesArriveKeyedByStationInsteadOfCity(
      @TempDir Path otherStateDir) {
    twoSectionsOfBinzhou(InputKeys::of);
    List<List<Object>> keyedByCity = waterOutputs();
    pipeline.close();

    startPipeline(otherStateDir);
    // keyed as producers did before samples were keyed by city: re-keyed through one more hop
    twoSectionsOfBinzhou(WaterSample::getStationId);

    assertThat(keyedByCity)
        .extracting(record -> record.get(0))
        .contains(
            topics.waterSampleClass().name(),
            topics.waterSectionMonth().name(),
            topics.waterCityPeriod().name(),
            topics.waterRanking().name(),
            topics.alerts().name());
    assertThat(waterOutputs()).isEqualTo(keyedByCity);
  }

  /**
   * R1 is a drinking-water reservoir of Liaocheng with target class II whose Station record arrives
   * well after its first sample (TP 0.08 mg/L): that sample is assessed as a river section without
   * a target (class II: TP ≤ 0.1 on the river limits; CWQI 0.08 / 0.2 = 0.4), and stays so. The
   * next sample, with the same TP, is a reservoir's: class IV on the lake limits (0.05 < 0.08 ≤
   * 0.1), below its target, not compliant; CWQI 0.08 / 0.05 = 1.6. The month takes the water body
   * and target of its latest sample. The city enters its province's ranking when the Station record
   * brings the province.
   */
  @Test
  void shouldAssessASampleBeforeItsStationRecordAsARiverWithoutTargetAndKeepItSo() {
    send(sample("R1", "liaocheng", LocalDateTime.of(2024, 1, 5, 9, 0)).setTotalPhosphorus(0.08));
    waitOutTheHoldOfFirstSamples();
    assertThat(latest(topics.waterRanking())).as("no province known yet").isEmpty();

    send(station("R1", "liaocheng", WaterBodyType.RESERVOIR, "东昌湖", true, 2));
    Map<String, WaterRanking> placed = latest(topics.waterRanking());
    assertThat(placed).containsOnlyKeys("Shandong@2024", "Shandong@2024-01");
    assertThat(placed.get("Shandong@2024-01").getByCwqi())
        .containsExactly(ranked(1, "liaocheng", 0.4));

    send(sample("R1", "liaocheng", LocalDateTime.of(2024, 1, 20, 9, 0)).setTotalPhosphorus(0.08));

    assertThat(pipeline.output(topics.waterSampleClass()).readKeyValuesToList())
        .extracting(
            kv -> kv.key,
            kv -> kv.value.getWaterBody(),
            kv -> kv.value.getWaterClass(),
            kv -> kv.value.getTargetClass(),
            kv -> kv.value.getMeetsTarget())
        .containsExactly(
            tuple("R1@2024-01-05T01:00:00Z", WaterBodyType.RIVER, "II", null, null),
            tuple("R1@2024-01-20T01:00:00Z", WaterBodyType.RESERVOIR, "IV", 2, false));
    SectionMonth january = latest(topics.waterSectionMonth()).get("R1@2024-01");
    assertThat(january.getSamples()).isEqualTo(2);
    assertThat(january.getWaterBody()).isEqualTo(WaterBodyType.RESERVOIR);
    assertThat(january.getWaterClass()).isEqualTo("IV");
    assertThat(january.getMeetsTarget()).isFalse();
    assertThat(january.getCwqi()).isCloseTo(1.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(january.getWaterBodyName()).isEqualTo("东昌湖");
    assertThat(latest(topics.alerts()))
        .containsOnlyKeys(
            "water-below-target@R1@2024-01", "drinking-source-non-compliant@R1@2024-01");
    assertThat(latest(topics.waterRanking()).get("Shandong@2024-01").getByCwqi())
        .containsExactly(ranked(1, "liaocheng", 1.6));
  }

  /**
   * A Station record that reaches the city's task just after its section's first samples, as when a
   * producer sent it just before them (it comes through one more hop than they do), is used for
   * them: R1's first sample is a reservoir's, class IV, below its target.
   */
  @Test
  void shouldAssessASectionsFirstSamplesWithTheStationRecordThatFollowsThemClosely() {
    send(sample("R1", "liaocheng", LocalDateTime.of(2024, 1, 5, 9, 0)).setTotalPhosphorus(0.08));
    assertThat(latest(topics.waterSampleClass())).as("held for the Station record").isEmpty();

    send(station("R1", "liaocheng", WaterBodyType.RESERVOIR, "东昌湖", true, 2));

    WaterSampleClass first = latest(topics.waterSampleClass()).get("R1@2024-01-05T01:00:00Z");
    assertThat(first.getWaterBody()).isEqualTo(WaterBodyType.RESERVOIR);
    assertThat(first.getWaterClass()).isEqualTo("IV");
    assertThat(first.getMeetsTarget()).isFalse();
    assertThat(latest(topics.alerts()))
        .containsOnlyKeys(
            "water-below-target@R1@2024-01", "drinking-source-non-compliant@R1@2024-01");
  }
}
