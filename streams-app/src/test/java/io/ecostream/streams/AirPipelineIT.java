package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.pm25;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.FlaggedValue;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.ProvinceRanking;
import io.ecostream.avro.QualityFlag;
import io.ecostream.avro.RankingEntry;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.StationKind;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.KafkaClientConfig;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The production topology on a real broker, fed real Avro bytes, with exactly-once processing. */
class AirPipelineIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  @TempDir Path stateDir;

  private EcostreamTopics topics;
  private KafkaStreams streams;
  private PipelineMetrics metrics;

  /**
   * Starts the production topology with these settings on its own topics: the first step of each
   * test.
   */
  private void startPipeline(PipelineSettings settings) {
    topics = EcostreamTopics.withPrefix(KafkaBrokerFixture.uniqueName("it"));
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    Properties flags = new Properties();
    flags.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    flags.put(StreamsConfig.APPLICATION_ID_CONFIG, KafkaBrokerFixture.uniqueName("air-pipeline"));
    flags.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    metrics = new PipelineMetrics(new SimpleMeterRegistry());
    streams =
        new KafkaStreams(
            EcostreamTopology.build(topics, settings, metrics),
            KafkaClientConfig.layered(StreamsAppConfig.defaults(), null, Map.of(), flags));
    streams.start();
  }

  @AfterEach
  void stopPipeline() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
    }
  }

  /** All six pollutants of one station-hour. */
  private static AirReading hour(
      String station,
      String city,
      int h,
      double so2,
      double no2,
      double pm10,
      double pm25,
      double co,
      double o3) {
    return AirReadings.reading(station, city, DAY.atTime(h, 0))
        .setSo2(so2)
        .setNo2(no2)
        .setPm10(pm10)
        .setPm25(pm25)
        .setCo(co)
        .setO3(o3)
        .build();
  }

  @Test
  void shouldComputeCityDailyFiguresFromReadingsSentThroughTheBroker() {
    startPipeline(AirReadings.CONSTANT_HOURS_SETTINGS);
    List<AirReading> readings = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      // BZ-A01: O3 40 in hours 0-7, 160 in 8-15, 80 in 16-23: MDA8 160 (window 08-16), 1-h max 160
      readings.add(
          hour("BZ-A01", "binzhou", h, 10, 40, 100, 60, 1.0, h < 8 ? 40 : h < 16 ? 160 : 80));
      readings.add(hour("BZ-A02", "binzhou", h, 20, 60, 140, 80, 1.4, 100));
      readings.add(pm25("JN-A01", "jinan", DAY.atTime(h, 0), 80));
    }
    for (int h = 0; h < 19; h++) {
      // 19 hours: no valid daily mean, no valid 1-h max; its MDA8 (14 valid windows) is valid
      readings.add(hour("BZ-A03", "binzhou", h, 300, 300, 400, 200, 5.0, 100));
    }
    readings.add(hour("BZ-A02", "binzhou", 3, 20, 60, 140, 80, 1.4, 100)); // re-sent: counts once
    send(readings);
    sendRaw("BZ-A01", "garbage".getBytes(StandardCharsets.UTF_8));
    // a negative correction of hour 4: flagged, so BZ-A01's PM2.5 mean is its other 23 hours of 60
    send(List.of(pm25("BZ-A01", "binzhou", DAY.atTime(4, 0), -1)));

    Map<String, CityDaily> daily =
        latestByKey(
            topics.cityDaily(),
            latest ->
                stationHours(latest.get("binzhou@2024-01-15")) == 24 + 24 + 19
                    && stationHours(latest.get("jinan@2024-01-15")) == 24);

    CityDaily binzhou = daily.get("binzhou@2024-01-15");
    assertThat(binzhou.getSo2()).isEqualTo(15.0); // (10 + 20) / 2
    assertThat(binzhou.getNo2()).isEqualTo(50.0);
    assertThat(binzhou.getPm10()).isEqualTo(120.0);
    assertThat(binzhou.getPm25()).isEqualTo(70.0);
    assertThat(binzhou.getCo()).isCloseTo(1.2, within(1e-12));
    assertThat(binzhou.getO3Mda8()).isEqualTo(120.0); // (160 + 100 + 100) / 3
    assertThat(binzhou.getO3Max1h()).isEqualTo(130.0); // (160 + 100) / 2
    // 2012 daily IAQIs: SO2 15, NO2 63, PM10 85, PM2.5 94, CO 30, O3 8h 67, O3 1h 41 -> AQI 94
    assertThat(binzhou.getAqi()).isEqualTo(94);
    assertThat(binzhou.getCategory()).isEqualTo(AqiCategory.GOOD);
    assertThat(binzhou.getPrimaryPollutants()).containsExactly("PM2.5");
    assertThat(binzhou.getStationsReporting()).isEqualTo(3);
    assertThat(binzhou.getStationsComplete()).isEqualTo(2);
    CityDaily jinan = daily.get("jinan@2024-01-15");
    assertThat(jinan.getPm25()).isEqualTo(80.0);
    // PM2.5 80 alone: IAQI 100 + ceil(50 * 5 / 40) = 107 > 100, so the AQI is published with 5
    // pollutants missing
    assertThat(jinan.getAqi()).isEqualTo(107);
    assertThat(jinan.getValid()).isTrue();

    Map<String, CityPeriod> periods =
        latestByKey(
            topics.cityPeriod(),
            latest ->
                latest.containsKey("jinan@2024")
                    && latest.containsKey("binzhou@2024")
                    && Double.valueOf(120.0).equals(latest.get("binzhou@2024").getO3p90())
                    && Double.valueOf(70.0).equals(latest.get("binzhou@2024").getPm25()));
    CityPeriod binzhouYear = periods.get("binzhou@2024");
    assertThat(binzhouYear.getPm25()).isEqualTo(70.0);
    assertThat(binzhouYear.getValidDays()).isEqualTo(1);
    assertThat(binzhouYear.getGoodRatio()).isEqualTo(100.0); // AQI 94
    // 15/60 + 50/40 + 120/70 + 70/35 + 1.2/4 + 120/160 = 0.25 + 1.25 + 1.7143 + 2 + 0.3 + 0.75 =
    // 6.2643
    assertThat(binzhouYear.getCompositeIndex()).isEqualTo(6.26);
    assertThat(periods.get("jinan@2024").getGoodRatio()).isEqualTo(0.0); // AQI 107
    assertThat(periods).containsKey("binzhou@2024-01");

    Map<String, DeadLetter> deadLetters =
        latestByKey(topics.deadLetters(), latest -> latest.size() == 1);
    assertThat(deadLetters.values())
        .extracting(DeadLetter::getReason)
        .containsExactly("undecodable");

    Map<String, StationHourlyAqi> hourly =
        latestByKey(topics.stationHourly(), latest -> latest.size() == 24 + 24 + 24 + 19);
    // 2012 real-time table, 1-h values: SO2 10 -> 4, NO2 40 -> 20, CO 1.0 -> 10, O3 160 -> 50,
    // PM10 100 -> 75, PM2.5 60 -> 50 + ceil(50 * 25 / 40) = 82: AQI 82, primary PM2.5
    StationHourlyAqi tenAm = hourly.get("BZ-A01@2024-01-15T10");
    assertThat(tenAm.getIaqiPm25()).isEqualTo(82);
    assertThat(tenAm.getIaqiO3()).isEqualTo(50);
    assertThat(tenAm.getAqi()).isEqualTo(82);
    assertThat(tenAm.getPrimaryPollutants()).containsExactly("PM2.5");
  }

  @Test
  void shouldPublishRealTimeFiguresWithMovingMeansForStationsAndTheirCity() {
    startPipeline(AirReadings.CONSTANT_HOURS_SETTINGS);
    List<AirReading> readings = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      // WH-A01: PM2.5 120 for 23 hours, then 24: 24-hour moving mean at 23:00 (23 * 120 + 24) / 24
      // = 116
      readings.add(hour("WH-A01", "weihai", h, 10, 20, 100, h < 23 ? 120 : 24, 0.5, 50));
      if (h != 7) {
        readings.add(hour("WH-A02", "weihai", h, 10, 20, 100, 60, 0.5, 50));
      }
    }
    readings.add(hour("WH-A01", "weihai", 23, 10, 20, 100, 24, 0.5, 50)); // duplicate
    // the next hour of WH-A01, after the duplicate on the same input partition: once it is
    // committed,
    // so is anything the duplicate could have published (one transaction covers every output
    // partition)
    readings.add(pm25("WH-A01", "weihai", DAY.plusDays(1).atTime(0, 0), 24));
    // WH-A02's 07:00 arrives last: its 24-hour mean at 23:00 goes from 60 to (23 * 60 + 84) / 24 =
    // 61
    readings.add(hour("WH-A02", "weihai", 7, 10, 20, 100, 84, 0.5, 50));
    send(readings);

    Map<String, StationHourlyAqi> stations =
        latestByKey(
            topics.stationHourly(),
            // keys of one station land on different output partitions: wait for each one read
            latest ->
                revision(latest.get("WH-A02@2024-01-15T23")) == 2
                    && latest.containsKey("WH-A01@2024-01-15T23")
                    && latest.containsKey("WH-A01@2024-01-16T00"));
    StationHourlyAqi a01 = stations.get("WH-A01@2024-01-15T23");
    assertThat(a01.getPm25Moving24h()).isEqualTo(116.0);
    // 2012 real-time: PM2.5 24 h 116 -> 150 + ceil(50 * 1 / 35) = 152 beats the 1-h 24 -> 35
    assertThat(a01.getAqi()).isEqualTo(152);
    assertThat(a01.getRevision()).as("the duplicate published nothing").isEqualTo(1);
    assertThat(stations.get("WH-A02@2024-01-15T23").getPm25Moving24h()).isEqualTo(61.0);

    Map<String, CityHourlyAqi> cities =
        latestByKey(
            topics.cityHourly(),
            latest ->
                latest.containsKey("weihai@2024-01-15T23")
                    && Double.valueOf(88.5)
                        .equals(latest.get("weihai@2024-01-15T23").getPm25Moving24h()));
    CityHourlyAqi city = cities.get("weihai@2024-01-15T23");
    assertThat(city.getPm25()).isEqualTo(42.0); // (24 + 60) / 2
    assertThat(city.getStationsReporting()).isEqualTo(2);
    // PM2.5 24 h (116 + 61) / 2 = 88.5, GB/T 8170 -> 88: 100 + ceil(50 * 13 / 40) = 117;
    // PM2.5 1 h 42 -> 50 + ceil(50 * 7 / 40) = 59; PM10 100 -> 75; O3 8 h 50 -> 25
    assertThat(city.getIaqiPm25Moving24h()).isEqualTo(117);
    assertThat(city.getIaqiPm25()).isEqualTo(59);
    assertThat(city.getAqi()).isEqualTo(117);
    assertThat(city.getCategory()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(city.getPrimaryPollutants()).containsExactly("PM2.5");

    // the latest rolling mean of each station and of the city: the window ending with its newest
    // hour
    Map<String, Pm25Rolling> rolling =
        latestByKey(
            topics.pm25Rolling(),
            latest ->
                latest.containsKey("city/weihai")
                    && latest.get("city/weihai").getLocalHour() == 0
                    && latest.containsKey("station/WH-A01")
                    && latest.containsKey("station/WH-A02")
                    && Double.valueOf(61.0).equals(latest.get("station/WH-A02").getPm25Mean24h()));
    // WH-A01 at 00:00 on the 16th: (22 * 120 + 24 + 24) / 24 = 112
    assertThat(rolling.get("station/WH-A01").getPm25Mean24h()).isEqualTo(112.0);
    assertThat(rolling.get("station/WH-A01").getBasis()).isEqualTo(24);
    assertThat(rolling.get("station/WH-A02").getLocalHour()).isEqualTo(23);
    // only WH-A01 reported the city's newest hour
    assertThat(rolling.get("city/weihai").getPm25Mean24h()).isEqualTo(112.0);
    assertThat(rolling.get("city/weihai").getBasis()).isEqualTo(1);
  }

  private static long revision(StationHourlyAqi hour) {
    return hour == null ? -1 : hour.getRevision();
  }

  @Test
  void shouldConfirmAHeavyPollutionDayWhenTheNextDayHasBegun() {
    startPipeline(AirReadings.CONSTANT_HOURS_SETTINGS);
    LocalDate heavyDay = LocalDate.of(2024, 1, 20);
    List<AirReading> readings = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      // PM2.5 200 on the 2012 daily table: 200 + ceil(100 * 50 / 100) = 250 > 200
      readings.add(
          AirReadings.reading("DZ-A01", "dezhou", heavyDay.atTime(h, 0))
              .setSo2(20.0)
              .setNo2(50.0)
              .setPm10(250.0)
              .setPm25(200.0)
              .setCo(2.0)
              .setO3(30.0)
              .build());
    }
    for (int h = 0; h < 3; h++) {
      readings.add(pm25("DZ-A01", "dezhou", heavyDay.plusDays(1).atTime(h, 0), 40));
    }
    send(readings);

    Map<String, Alert> alerts =
        latestByKey(
            topics.alerts(),
            latest ->
                latest.containsKey("heavy-pollution@dezhou@2024-01-20")
                    && latest.get("heavy-pollution@dezhou@2024-01-20").getStatus()
                        == AlertStatus.CONFIRMED
                    && latest.containsKey("heavy-pollution-episode@dezhou@2024-01-20"));

    Alert day = alerts.get("heavy-pollution@dezhou@2024-01-20");
    assertThat(day.getType()).isEqualTo("HEAVY_POLLUTION_DAY");
    assertThat(day.getValue()).isEqualTo(250.0);
    assertThat(alerts.get("heavy-pollution-episode@dezhou@2024-01-20").getStatus())
        .isEqualTo(AlertStatus.RAISED);
  }

  @Test
  void shouldRankTheCitiesOfAProvinceFromStationsAndReadingsSentThroughTheBroker() {
    startPipeline(AirReadings.CONSTANT_HOURS_SETTINGS);
    LocalDate newYear = LocalDate.of(2024, 1, 1);
    sendStations(
        List.of(
            airStation("BZ-A01", "binzhou"),
            airStation("JN-A01", "jinan"),
            airStation("ZB-A01", "zibo")),
        AirReadings.reading("BZ-A01", "binzhou", newYear.atStartOfDay()).build().getHourStart());
    List<AirReading> readings = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      readings.add(
          AirReadings.reading("BZ-A01", "binzhou", newYear.atTime(h, 0))
              .setSo2(18.0)
              .setNo2(32.0)
              .setPm10(84.0)
              .setPm25(42.0)
              .setCo(1.6)
              .setO3(120.0)
              .build());
      readings.add(pm25("JN-A01", "jinan", newYear.atTime(h, 0), 80));
      readings.add(pm25("ZB-A01", "zibo", newYear.atTime(h, 0), 116));
    }
    send(readings);

    Map<String, ProvinceRanking> rankings =
        latestByKey(
            topics.airRanking(),
            latest ->
                latest.containsKey("Shandong@2024")
                    && latest.get("Shandong@2024").getByPm25().stream()
                        .allMatch(RankingEntry::getSufficient)
                    && latest.get("Shandong@2024").getByPm25().size() == 3
                    && latest.get("Shandong@2024").getByCompositeIndex().get(0).getSufficient());

    ProvinceRanking year = rankings.get("Shandong@2024");
    assertThat(year.getAsOf()).isEqualTo(newYear);
    assertThat(year.getCities()).isEqualTo(3);
    // binzhou, constant hours: 18/60 + 32/40 + 84/70 + 42/35 + 1.6/4 + 120/160
    //   = 0.3 + 0.8 + 1.2 + 1.2 + 0.4 + 0.75 = 4.65; jinan and zibo measure PM2.5 only: no index.
    assertThat(year.getByCompositeIndex())
        .containsExactly(
            new RankingEntry("binzhou", 1, 4.65, newYear, 1, true),
            new RankingEntry("jinan", null, null, newYear, 1, false),
            new RankingEntry("zibo", null, null, newYear, 1, false));
    // Their days are still valid (1 of 1 elapsed day) since PM2.5 alone gives an AQI above 100
    // (2012 table): 80 -> 100 + 50 * 5 / 40 = 106.25 -> 107; 116 -> 150 + 50 * 1 / 35 = 151.4 ->
    // 152.
    assertThat(year.getByPm25())
        .containsExactly(
            new RankingEntry("binzhou", 1, 42.0, newYear, 1, true),
            new RankingEntry("jinan", 2, 80.0, newYear, 1, true),
            new RankingEntry("zibo", 3, 116.0, newYear, 1, true));
    // binzhou's AQI: max(SO2 18, NO2 40, PM10 50 + 50 * 34 / 100 = 67, PM2.5 50 + 50 * 7 / 40 =
    // 58.75 -> 59,
    //   CO 40, O3-8h 50 + 50 * 20 / 60 = 66.7 -> 67, O3-1h 37.5 -> 38) = 67, good; the other two
    // not good.
    assertThat(year.getByGoodRatio())
        .containsExactly(
            new RankingEntry("binzhou", 1, 100.0, newYear, 1, true),
            new RankingEntry("jinan", 2, 0.0, newYear, 1, true),
            new RankingEntry("zibo", 2, 0.0, newYear, 1, true));
    assertThat(year.getByCompositeIndexChange())
        .extracting(RankingEntry::getRank)
        .containsOnlyNulls();
  }

  /** 35 and 45 µg/m³ in turn: no run, no spike. */
  private static double alternating(int h) {
    return h % 2 == 0 ? 35 : 45;
  }

  @Test
  void shouldFlagSuspiciousValuesDeadLetterLateAndFutureReadingsAndAlertOnASilentStation() {
    startPipeline(PipelineSettings.defaults());
    List<AirReading> readings = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      // BZ-A01: a -999 logger sentinel at 04:00 and a one-hour spike at 09:00 (500 > 4 x 35 and 465
      // above)
      readings.add(
          pm25(
              "BZ-A01",
              "binzhou",
              DAY.atTime(h, 0),
              h == 4 ? -999 : h == 9 ? 500 : alternating(h)));
      // BZ-A02: frozen at 57 for the first 12 hours
      readings.add(pm25("BZ-A02", "binzhou", DAY.atTime(h, 0), h < 12 ? 57 : alternating(h)));
      // BZ-A03: silent from 03:00 to 14:00
      if (h < 3 || h >= 15) {
        readings.add(pm25("BZ-A03", "binzhou", DAY.atTime(h, 0), alternating(h)));
      }
    }
    // event time of binzhou's partition moves 50 h past the day's start, so a re-sent 00:00 is late
    readings.add(pm25("BZ-A01", "binzhou", DAY.plusDays(2).atTime(2, 0), 40));
    readings.add(pm25("BZ-A01", "binzhou", DAY.atTime(0, 0), 36));
    send(readings);
    // A logger whose clock runs three hours fast, its record stamped on sending: a Kafka 4 broker
    // refuses record timestamps more than an hour ahead (log.message.timestamp.after.max.ms).
    AirReading fast =
        AirReadings.reading(
                "BZ-A09",
                "binzhou",
                LocalDateTime.now(AirReadings.BEIJING)
                    .plusHours(3)
                    .withMinute(0)
                    .withSecond(0)
                    .withNano(0))
            .setPm25(40.0)
            .build();
    produce(
        topics.airReadings(),
        List.of(
            new ProducerRecord<>(
                topics.airReadings().name(),
                null,
                System.currentTimeMillis(),
                InputKeys.of(fast),
                fast)));

    Map<String, DeadLetter> letters =
        latestByKey(topics.deadLetters(), latest -> latest.size() == 2);
    assertThat(letters.values())
        .extracting(DeadLetter::getReason)
        .containsExactlyInAnyOrder("late", "future");

    Map<String, StationHourlyAqi> hours =
        latestByKey(
            topics.stationHourly(),
            // each key may be on its own output partition: wait for every one asserted
            latest ->
                latest.containsKey("BZ-A03@2024-01-15T23")
                    && latest.containsKey("BZ-A01@2024-01-15T04")
                    && revision(latest.get("BZ-A01@2024-01-15T09")) == 2
                    && revision(latest.get("BZ-A02@2024-01-15T00")) == 2);
    assertThat(hours.get("BZ-A01@2024-01-15T04").getQualityFlags())
        .containsExactly(new FlaggedValue("PM2.5", QualityFlag.SENTINEL, -999.0));
    assertThat(hours.get("BZ-A01@2024-01-15T09").getQualityFlags())
        .containsExactly(new FlaggedValue("PM2.5", QualityFlag.SPIKE, 500.0));
    assertThat(hours.get("BZ-A02@2024-01-15T00").getQualityFlags())
        .extracting(FlaggedValue::getFlag)
        .containsExactly(QualityFlag.STUCK);
    assertThat(hours.get("BZ-A02@2024-01-15T00").getPm25()).isNull();

    Map<String, CityDaily> daily =
        latestByKey(
            topics.cityDaily(),
            latest -> stationHours(latest.get("binzhou@2024-01-15")) == 22 + 12 + 12);
    // BZ-A01: 22 usable hours, 11 of 35 (not the sentinel's) and 11 of 45 (not the spike's): (385 +
    // 495) / 22 = 40;
    // BZ-A02 and BZ-A03 have 12 usable hours each: no valid daily mean (20 needed)
    assertThat(daily.get("binzhou@2024-01-15").getPm25()).isEqualTo(40.0);
    assertThat(metrics.qualityFlaggedCount("sentinel", "PM2.5")).isEqualTo(1);
    assertThat(metrics.qualityFlaggedCount("spike", "PM2.5")).isEqualTo(1);
    assertThat(metrics.qualityFlaggedCount("stuck", "PM2.5")).isEqualTo(12);

    Map<String, Alert> alerts =
        latestByKey(
            topics.alerts(),
            latest ->
                latest.containsKey("station-silent@BZ-A03@2024-01-15T03")
                    && latest.get("station-silent@BZ-A03@2024-01-15T03").getStatus()
                        == AlertStatus.CLEARED);
    // silent 03:00-14:00, cleared by the reading of 15:00
    assertThat(alerts.get("station-silent@BZ-A03@2024-01-15T03").getValue()).isEqualTo(12.0);
  }

  private static Station airStation(String stationId, String cityId) {
    return Station.newBuilder()
        .setStationId(stationId)
        .setName(stationId)
        .setKind(StationKind.AIR)
        .setCityId(cityId)
        .setCityName(cityId)
        .setProvince("Shandong")
        .build();
  }

  private static int stationHours(CityDaily daily) {
    return daily == null ? -1 : daily.getStationHours();
  }

  private void send(List<AirReading> readings) {
    String topic = topics.airReadings().name();
    produce(
        topics.airReadings(),
        readings.stream()
            .map(
                r ->
                    new ProducerRecord<>(
                        topic, null, r.getHourStart().toEpochMilli(), InputKeys.of(r), r))
            .toList());
  }

  /** Stations stamped like the simulator and the replay do: with the first reading's time. */
  private void sendStations(List<Station> stations, Instant firstReading) {
    String topic = topics.stations().name();
    produce(
        topics.stations(),
        stations.stream()
            .map(
                s ->
                    new ProducerRecord<>(
                        topic, null, firstReading.toEpochMilli(), s.getStationId(), s))
            .toList());
  }

  private <V> void produce(Topic<String, V> topic, List<ProducerRecord<String, V>> records) {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            kafka.producerProps(), new StringSerializer(), topic.valueSerde().serializer())) {
      records.forEach(producer::send);
    }
  }

  private void sendRaw(String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            kafka.producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.airReadings().name(), key, value));
    }
  }

  /**
   * Reads the topic until the latest value per key satisfies {@code done}, or fails at the
   * deadline.
   */
  private <V> Map<String, V> latestByKey(Topic<String, V> topic, Predicate<Map<String, V>> done) {
    return TopicReader.latestByKeyUntil(kafka, topic, done, DEADLINE, () -> "");
  }
}
