package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.pm25;
import static io.ecostream.streams.AirReadings.reading;
import static io.ecostream.streams.PipelineTestDriver.latestByKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.ProvinceRanking;
import io.ecostream.avro.RankingEntry;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.StationKind;
import io.ecostream.topics.EcostreamTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcostreamTopologyTest {

  /** Own state directory: tests of other modules and worktrees may run at the same time. */
  @TempDir Path stateDir;

  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  /** The first day of a year: its year and month to date have one elapsed day. */
  private static final LocalDate NEW_YEAR = LocalDate.of(2024, 1, 1);

  @AutoClose private PipelineTestDriver pipeline;
  private TestInputTopic<String, AirReading> readings;
  private TestInputTopic<String, byte[]> rawReadings;
  private TestOutputTopic<String, StationHourlyAqi> stationHourly;
  private TestOutputTopic<String, CityDaily> cityDaily;
  private TestOutputTopic<String, DeadLetter> deadLetters;
  private TestOutputTopic<String, CityPeriod> cityPeriod;
  private TestInputTopic<String, Station> stations;
  private TestOutputTopic<String, ProvinceRanking> ranking;

  @BeforeEach
  void startPipeline() {
    pipeline = PipelineTestDriver.start(AirReadings.CONSTANT_HOURS_SETTINGS, stateDir);
    EcostreamTopics topics = pipeline.topics();
    readings = pipeline.input(topics.airReadings());
    rawReadings = pipeline.rawInput(topics.airReadings());
    stationHourly = pipeline.output(topics.stationHourly());
    cityDaily = pipeline.output(topics.cityDaily());
    cityPeriod = pipeline.output(topics.cityPeriod());
    stations = pipeline.input(topics.stations());
    ranking = pipeline.output(topics.airRanking());
    deadLetters = pipeline.output(topics.deadLetters());
  }

  @Test
  void shouldSendUndecodableBytesToDeadLettersWithTheirCoordinatesAndCountThem() {
    byte[] garbage = "not an avro record".getBytes(StandardCharsets.UTF_8);
    rawReadings.pipeInput("BZ-A01", garbage);

    List<KeyValue<String, DeadLetter>> letters = deadLetters.readKeyValuesToList();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0).value;
    assertThat(letters.get(0).key).isEqualTo("ecostream.air.readings/0/0");
    assertThat(letter.getReason()).isEqualTo("undecodable");
    assertThat(letter.getSourceTopic()).isEqualTo("ecostream.air.readings");
    assertThat(letter.getValue().array()).isEqualTo(garbage);
    assertThat(letter.getKey().array()).isEqualTo("BZ-A01".getBytes(StandardCharsets.UTF_8));
    assertThat(pipeline.metrics().deadLetterCount("undecodable")).isEqualTo(1.0);
    assertThat(stationHourly.isEmpty()).isTrue();
    assertThat(cityDaily.isEmpty()).isTrue();
  }

  /** The tester's record: a value just under the broker's limit, with a header as large. */
  @Test
  void shouldDeadLetterAValueJustUnderTheBrokersLimitCutWithItsSizeAndHashAndNoHeaders() {
    byte[] value = new byte[1_048_450];
    Arrays.fill(value, (byte) 7);
    Headers headers = new RecordHeaders().add("probe", new byte[500_000]);
    rawReadings.pipeInput(new TestRecord<>("jinan", value, headers));

    TestRecord<String, DeadLetter> letter = deadLetters.readRecord();
    assertThat(letter.value().getReason()).isEqualTo("undecodable");
    assertThat(letter.value().getTruncated()).isTrue();
    assertThat(letter.value().getValue().remaining()).isEqualTo(16_384);
    assertThat(letter.value().getValueSize()).isEqualTo(1_048_450);
    assertThat(letter.value().getValueSha256()).hasSize(64);
    assertThat(letter.headers().toArray()).isEmpty();
  }

  @Test
  void shouldSendAnInvalidReadingToDeadLettersWithTheReason() {
    pipeline.send(reading("BZ-A01", "binzhou", DAY.atTime(3, 0)).setPm25(Double.NaN).build());

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.getReason()).isEqualTo("invalid");
    assertThat(letter.getDetail()).isEqualTo("pm25 is not a number: NaN");
    assertThat(pipeline.metrics().deadLetterCount("invalid")).isEqualTo(1.0);
    assertThat(stationHourly.isEmpty()).isTrue();
  }

  @Test
  void shouldEmitTheStationHourlyAqiKeyedByStationAndLocalHour() {
    pipeline.send(
        reading("BZ-A01", "binzhou", DAY.atTime(10, 0))
            .setSo2(10.0)
            .setNo2(45.0)
            .setCo(1.2)
            .setO3(150.0)
            .setPm10(120.0)
            .setPm25(80.0)
            .build());

    KeyValue<String, StationHourlyAqi> hour = stationHourly.readKeyValue();
    assertThat(hour.key).isEqualTo("BZ-A01@2024-01-15T10");
    assertThat(hour.value.getAqi()).isEqualTo(107); // PM2.5 80 on the 2012 table
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldEmitTheCityDailyFigureAsStationsReport() {
    for (int h = 0; h < 24; h++) {
      pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), 30 + h)); // mean 30 + 11.5 = 41.5
      pipeline.send(pm25("BZ-A02", "binzhou", DAY.atTime(h, 0), 60)); // mean 60
    }
    pipeline.send(pm25("BZ-A01", "binzhou", DAY.plusDays(1).atTime(0, 0), 99)); // next day

    List<KeyValue<String, CityDaily>> updates = cityDaily.readKeyValuesToList();
    CityDaily last15th =
        updates.stream()
            .filter(kv -> kv.key.equals("binzhou@2024-01-15"))
            .reduce((a, b) -> b)
            .orElseThrow()
            .value;
    assertThat(last15th.getPm25()).isEqualTo(50.75); // (41.5 + 60) / 2
    assertThat(last15th.getStationsReporting()).isEqualTo(2);
    assertThat(last15th.getStationHours()).isEqualTo(48);
    assertThat(last15th.getRevision()).isEqualTo(48);
    assertThat(updates.get(updates.size() - 1).key).isEqualTo("binzhou@2024-01-16");
  }

  @Test
  void shouldGiveTheSameCityDayWhenReadingsArriveKeyedByStation() {
    for (int h = 0; h < 24; h++) {
      // keyed as producers did before readings were keyed by city: re-keyed through one more hop
      readings.pipeInput(
          "BZ-A01",
          pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), 30 + h),
          DAY.atTime(h, 0).atZone(AirReadings.BEIJING).toInstant());
      pipeline.send(pm25("BZ-A02", "binzhou", DAY.atTime(h, 0), 60));
    }
    pipeline.send(pm25("BZ-A02", "binzhou", DAY.plusDays(1).atTime(0, 0), 99)); // next day

    Map<String, CityDaily> latest = latestByKey(cityDaily.readKeyValuesToList());
    assertThat(latest.get("binzhou@2024-01-15").getPm25()).isEqualTo(50.75); // (41.5 + 60) / 2
    assertThat(latest.get("binzhou@2024-01-15").getStationsReporting()).isEqualTo(2);
  }

  @Test
  void shouldEmitTheMonthAndYearToDateOfEveryChangedDay() {
    for (int day = 0; day < 2; day++) {
      for (int h = 0; h < 24; h++) {
        pipeline.send(
            reading("BZ-A01", "binzhou", DAY.plusDays(day).atTime(h, 0))
                .setSo2(10.0)
                .setNo2(40.0)
                .setPm10(100.0)
                .setPm25(day == 0 ? 60.0 : 80.0)
                .setCo(1.0)
                .setO3(100.0)
                .build());
      }
    }

    Map<String, CityPeriod> latest = latestByKey(cityPeriod.readKeyValuesToList());
    assertThat(latest).containsOnlyKeys("binzhou@2024", "binzhou@2024-01");
    CityPeriod ytd = latest.get("binzhou@2024");
    assertThat(ytd.getFrom()).isEqualTo(DAY.withDayOfMonth(1));
    assertThat(ytd.getTo()).isEqualTo(DAY.plusDays(1));
    assertThat(ytd.getPm25()).isEqualTo(70.0); // (60 + 80) / 2
    assertThat(ytd.getValidDays()).isEqualTo(2);
    // 2012 daily AQIs: PM2.5 60 -> 50 + ceil(50 * 25 / 40) = 82; PM2.5 80 -> 100 + ceil(50 * 5 /
    // 40) = 107
    assertThat(ytd.getGoodDays()).isEqualTo(1);
    assertThat(ytd.getGoodRatio()).isEqualTo(50.0);
  }

  private void station(String stationId, String cityId, StationKind kind, String province) {
    Station station =
        Station.newBuilder()
            .setStationId(stationId)
            .setName(stationId)
            .setKind(kind)
            .setCityId(cityId)
            .setCityName(cityId)
            .setProvince(province)
            .build();
    stations.pipeInput(stationId, station, NEW_YEAR.atStartOfDay(AirReadings.BEIJING).toInstant());
    pipeline.advanceWallClockTime(PipelineTestDriver.COMMIT_INTERVAL);
  }

  /** One station-hour of 1 January 2024 with all six pollutants. */
  private void hour(
      String stationId,
      String cityId,
      int h,
      double so2,
      double no2,
      double pm10,
      double pm25,
      double co,
      double o3) {
    pipeline.send(
        reading(stationId, cityId, NEW_YEAR.atTime(h, 0))
            .setSo2(so2)
            .setNo2(no2)
            .setPm10(pm10)
            .setPm25(pm25)
            .setCo(co)
            .setO3(o3)
            .build());
  }

  private static RankingEntry ranked(int rank, String cityId, double value) {
    return new RankingEntry(cityId, rank, value, NEW_YEAR, 1, true);
  }

  private static RankingEntry unranked(String cityId, Double value) {
    return new RankingEntry(cityId, null, value, NEW_YEAR, 1, false);
  }

  @Test
  void shouldRankTheCitiesOfAProvinceKnownFromTheStationsTopic() {
    station("JN-A01", "jinan", StationKind.AIR, "Shandong");
    station("ZB-A01", "zibo", StationKind.AIR, "Shandong");
    station("LY-A01", "linyi", StationKind.AIR, "Shandong");
    station(
        "DZ-W01", "dezhou", StationKind.WATER, "Shandong"); // a water section places no air city
    for (int h = 0; h < 24; h++) {
      hour("JN-A01", "jinan", h, 12, 40, 70, 35, 1.2, 80);
      hour("ZB-A01", "zibo", h, 6, 20, 35, 35, 0.8, 160);
      pipeline.send(pm25("LY-A01", "linyi", NEW_YEAR.atTime(h, 0), 80));
      pipeline.send(pm25("DZ-A01", "dezhou", NEW_YEAR.atTime(h, 0), 10));
    }

    Map<String, ProvinceRanking> latest = latestByKey(ranking.readKeyValuesToList());
    assertThat(latest).containsOnlyKeys("Shandong@2024", "Shandong@2024-01");
    ProvinceRanking year = latest.get("Shandong@2024");
    assertThat(year.getPeriodType()).isEqualTo(PeriodType.YEAR_TO_DATE);
    assertThat(year.getAsOf()).isEqualTo(NEW_YEAR);
    assertThat(year.getCities()).isEqualTo(3);
    // Constant hours: each statistic is the hourly value. Composite index Σ C/S:
    // jinan 12/60 + 40/40 + 70/70 + 35/35 + 1.2/4 + 80/160 = 0.2 + 1 + 1 + 1 + 0.3 + 0.5 = 4.00
    // zibo   6/60 + 20/40 + 35/70 + 35/35 + 0.8/4 + 160/160 = 0.1 + 0.5 + 0.5 + 1 + 0.2 + 1 = 3.30
    // linyi has PM2.5 only: no index. 1 of the 1 elapsed days is valid for every city (100 % ≥ 90
    // %).
    assertThat(year.getByCompositeIndex())
        .containsExactly(
            ranked(1, "zibo", 3.30), ranked(2, "jinan", 4.00), unranked("linyi", null));
    assertThat(year.getByPm25())
        .containsExactly(ranked(1, "jinan", 35), ranked(1, "zibo", 35), ranked(3, "linyi", 80));
    // 2012 daily AQIs: jinan max(IAQI SO2 12, NO2 50, PM10 60, PM2.5 50, CO 30, O3-8h 40, O3-1h 25)
    // = 60;
    // zibo O3-8h 160 -> 100, so AQI 100, still good; linyi PM2.5 80 alone -> 107 > 100, published,
    // not good.
    assertThat(year.getByGoodRatio())
        .containsExactly(
            ranked(1, "jinan", 100.0), ranked(1, "zibo", 100.0), ranked(3, "linyi", 0.0));
    assertThat(year.getByCompositeIndexChange())
        .containsExactly(unranked("jinan", null), unranked("linyi", null), unranked("zibo", null));
    // Per city two changes of its ranked figures: its first hour (nothing valid yet), and the 20th
    // hour,
    // when the daily means (20 hours, GB 3095 Table 4) and so the daily AQI appear.
    assertThat(year.getRevision()).isEqualTo(6);
    assertThat(latest.get("Shandong@2024-01").getByCompositeIndex())
        .isEqualTo(year.getByCompositeIndex());
  }

  @Test
  void shouldPlaceACityWhoseStationRecordArrivesAfterItsReadings() {
    for (int h = 0; h < 24; h++) {
      pipeline.send(pm25("LC-A01", "liaocheng", NEW_YEAR.atTime(h, 0), 80));
    }
    assertThat(ranking.readKeyValuesToList()).as("no province known yet").isEmpty();

    station("LC-A01", "liaocheng", StationKind.AIR, "Shandong");

    Map<String, ProvinceRanking> latest = latestByKey(ranking.readKeyValuesToList());
    assertThat(latest).containsOnlyKeys("Shandong@2024", "Shandong@2024-01");
    // PM2.5 80 for 24 hours: the daily mean, the month and the year are 80
    assertThat(latest.get("Shandong@2024").getByPm25()).containsExactly(ranked(1, "liaocheng", 80));
  }

  @Test
  void shouldSendABadStationRecordToDeadLettersAndKeepRanking() {
    TestInputTopic<String, byte[]> rawStations = pipeline.rawInput(pipeline.topics().stations());
    rawStations.pipeInput("XX-A01", "not a station".getBytes(StandardCharsets.UTF_8));
    rawStations.pipeInput("XX-A02", (byte[]) null); // a deleted station: not bad input
    station("XX-A03", " ", StationKind.AIR, "Shandong");
    station("JN-A01", "jinan", StationKind.AIR, "Shandong");
    pipeline.send(pm25("JN-A01", "jinan", NEW_YEAR.atTime(0, 0), 80));

    assertThat(deadLetters.readValuesToList())
        .extracting(DeadLetter::getSourceTopic, DeadLetter::getReason)
        .containsExactly(
            tuple("ecostream.stations", "undecodable"), tuple("ecostream.stations", "invalid"));
    assertThat(pipeline.metrics().deadLetterCount("undecodable")).isEqualTo(1.0);
    Map<String, ProvinceRanking> latest = latestByKey(ranking.readKeyValuesToList());
    assertThat(latest.get("Shandong@2024").getCities()).isEqualTo(1);
  }

  @Test
  void shouldNameEveryStoreAndRepartitionTopic() {
    // The Station records' intake; for air and for water, the cities' tasks and the rankings.
    assertThat(pipeline.topology().describe().subtopologies()).hasSize(5);
    Set<String> stores = new HashSet<>();
    Set<String> sources = new HashSet<>();
    for (TopologyDescription.Subtopology sub : pipeline.topology().describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          stores.addAll(processor.stores());
        }
        if (node instanceof TopologyDescription.Source source) {
          sources.addAll(source.topicSet());
        }
      }
    }
    assertThat(stores)
        .containsExactlyInAnyOrder(
            "air-station-hours-store",
            "air-station-presence-store",
            "air-watermark-store",
            "air-city-days-store",
            "air-heavy-pollution-store",
            "air-city-province-store",
            "province-ranking-store",
            "water-sections-store",
            "water-section-months-store",
            "water-city-years-store",
            "water-city-province-store",
            "water-ranking-store");
    assertThat(sources)
        .containsExactlyInAnyOrder(
            "ecostream.air.readings",
            "ecostream.stations",
            "ecostream.water.readings",
            "air-readings-by-city-repartition",
            "air-city-provinces-repartition",
            "air-ranking-by-province-repartition",
            "water-samples-by-city-repartition",
            "water-city-sections-repartition",
            "water-ranking-by-province-repartition");
  }
}
