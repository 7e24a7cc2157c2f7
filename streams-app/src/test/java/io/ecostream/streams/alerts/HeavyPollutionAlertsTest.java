package io.ecostream.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.alerts.rules.HeavyPollutionRules;
import io.ecostream.streams.state.WriteAtCommitStore;
import io.ecostream.topics.EcostreamTopics;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heavy-pollution alerts on their own topology: city-daily figures in, alerts out. */
class HeavyPollutionAlertsTest {

  /** Own state directory: tests of other modules and worktrees may run at the same time. */
  @TempDir Path stateDir;

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int STATIONS = 3;

  private final EcostreamTopics topics = EcostreamTopics.withDefaultPrefix();
  private final Topology topology = topology(topics);
  private final Map<String, Long> revisions = new HashMap<>();
  private final List<CityDaily> sent = new ArrayList<>();

  private TopologyTestDriver driver;
  private TestInputTopic<String, CityDaily> cityDaily;
  private TestOutputTopic<String, Alert> alerts;

  private static final String STORE = "heavy-pollution-test-store";

  /**
   * The alerts helper between a city-daily source and the alerts topic, as the city task uses it.
   */
  private static Topology topology(EcostreamTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        WriteAtCommitStore.builder(
            Stores.inMemoryKeyValueStore(STORE), AvroSerde.of(HeavyPollutionState.class)));
    builder.stream(
            topics.cityDaily().name(),
            Consumed.with(topics.cityDaily().keySerde(), topics.cityDaily().valueSerde())
                .withName("city-daily-source"))
        .process(AlertsOfDays::new, Named.as("heavy-pollution-alerts"), STORE)
        .to(
            topics.alerts().name(),
            Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName("heavy-pollution-alerts-sink"));
    return builder.build();
  }

  private static final class AlertsOfDays implements Processor<String, CityDaily, String, Alert> {
    private final HeavyPollutionAlerts alerts =
        new HeavyPollutionAlerts(HeavyPollutionRules.defaults());
    private ProcessorContext<String, Alert> context;

    @Override
    public void init(ProcessorContext<String, Alert> context) {
      this.context = context;
      alerts.init(context.getStateStore(STORE));
    }

    @Override
    public void process(Record<String, CityDaily> record) {
      for (Alert alert :
          alerts.update(HeavyPollutionCodec.update(record.value(), record.timestamp()))) {
        context.forward(
            record
                .withKey(alert.getAlertId())
                .withValue(alert)
                .withTimestamp(alert.getEventTime().toEpochMilli()));
      }
    }
  }

  @BeforeEach
  void startDriver() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "heavy-pollution-alerts-test");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    driver = new TopologyTestDriver(topology, config);
    cityDaily =
        driver.createInputTopic(
            topics.cityDaily().name(),
            new StringSerializer(),
            topics.cityDaily().valueSerde().serializer());
    alerts =
        driver.createOutputTopic(
            topics.alerts().name(),
            new StringDeserializer(),
            topics.alerts().valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private static LocalDate january(int day) {
    return LocalDate.of(2024, 1, day);
  }

  /** Start of a local hour, the timestamp the city-day aggregate gives the update. */
  private static Instant at(int day, int hour) {
    return january(day).atTime(hour, 0).atZone(CHINA).toInstant();
  }

  /** A city's day so far: the running AQI after {@code hours} hours from each of 3 stations. */
  private void running(String city, int day, int runningAqi, int hours) {
    send(city, day, runningAqi, null, hours);
  }

  /** A city's complete day with its valid daily AQI. */
  private void daily(String city, int day, int aqi) {
    send(city, day, aqi, aqi, 24);
  }

  private void send(String city, int day, int runningAqi, Integer aqi, int hours) {
    String key = city + "@" + january(day);
    CityDaily figure =
        CityDaily.newBuilder()
            .setCityId(city)
            .setDate(january(day))
            .setEdition(AqiEdition.HJ_633_2012)
            .setRunningAqi(runningAqi)
            .setAqi(aqi)
            .setValid(aqi != null)
            .setStationsReporting(STATIONS)
            .setStationsComplete(hours >= 20 ? STATIONS : 0)
            .setStationHours(STATIONS * hours)
            .setRevision(revisions.merge(key, 1L, Long::sum))
            .build();
    sent.add(figure);
    cityDaily.pipeInput(key, figure, at(day, hours - 1));
  }

  private static Alert alert(
      String alertId,
      String type,
      AlertStatus status,
      String city,
      int day,
      Double value,
      String message,
      Instant eventTime) {
    return Alert.newBuilder()
        .setAlertId(alertId)
        .setType(type)
        .setStatus(status)
        .setCityId(city)
        .setStationId(null)
        .setDate(january(day))
        .setValue(value)
        .setMessage(message)
        .setEventTime(eventTime)
        .build();
  }

  @Test
  void shouldRaiseConfirmAndClearAlertsFromTheCityDailyUpdates() {
    running("binzhou", 15, 215, 8);
    daily("binzhou", 15, 230);
    daily("jinan", 15, 150);
    running("binzhou", 16, 120, 2);
    running("jinan", 16, 90, 2);
    daily("binzhou", 16, 180);
    running("binzhou", 17, 100, 2);

    List<TestRecord<String, Alert>> records = alerts.readRecordsToList();

    assertThat(records)
        .extracting(TestRecord::key, TestRecord::value, TestRecord::getRecordTime)
        .containsExactly(
            tuple(
                "heavy-pollution@binzhou@2024-01-15",
                alert(
                    "heavy-pollution@binzhou@2024-01-15",
                    "HEAVY_POLLUTION_DAY",
                    AlertStatus.PROVISIONAL,
                    "binzhou",
                    15,
                    215.0,
                    "Binzhou 2024-01-15: running AQI 215 after 24 station-hours from 3 stations;"
                        + " heavy pollution (AQI > 200) likely",
                    at(15, 7)),
                at(15, 7)),
            tuple(
                "heavy-pollution@binzhou@2024-01-15",
                alert(
                    "heavy-pollution@binzhou@2024-01-15",
                    "HEAVY_POLLUTION_DAY",
                    AlertStatus.CONFIRMED,
                    "binzhou",
                    15,
                    230.0,
                    "Binzhou 2024-01-15: daily AQI 230; heavy pollution (AQI > 200) confirmed",
                    at(16, 1)),
                at(16, 1)),
            tuple(
                "heavy-pollution-episode@binzhou@2024-01-15",
                alert(
                    "heavy-pollution-episode@binzhou@2024-01-15",
                    "HEAVY_POLLUTION_EPISODE",
                    AlertStatus.RAISED,
                    "binzhou",
                    15,
                    230.0,
                    "Binzhou: heavy-pollution episode started on 2024-01-15 (daily AQI 230)",
                    at(16, 1)),
                at(16, 1)),
            tuple(
                "heavy-pollution-episode@binzhou@2024-01-15",
                alert(
                    "heavy-pollution-episode@binzhou@2024-01-15",
                    "HEAVY_POLLUTION_EPISODE",
                    AlertStatus.CLEARED,
                    "binzhou",
                    15,
                    230.0,
                    "Binzhou: heavy-pollution episode of 2024-01-15 ended after 1 heavy day, peak"
                        + " daily AQI 230",
                    at(17, 1)),
                at(17, 1)));
  }

  @Test
  void shouldEmitNothingWhenTheSameUpdatesArriveAgain() {
    running("binzhou", 15, 215, 8);
    daily("binzhou", 15, 230);
    running("binzhou", 16, 120, 2);
    assertThat(alerts.readValuesToList())
        .extracting(Alert::getAlertId, Alert::getStatus)
        .containsExactly(
            tuple("heavy-pollution@binzhou@2024-01-15", AlertStatus.PROVISIONAL),
            tuple("heavy-pollution@binzhou@2024-01-15", AlertStatus.CONFIRMED),
            tuple("heavy-pollution-episode@binzhou@2024-01-15", AlertStatus.RAISED));

    for (CityDaily figure : List.copyOf(sent)) {
      cityDaily.pipeInput(figure.getCityId() + "@" + figure.getDate(), figure);
    }

    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepEachCitysStateUnderItsCityId() {
    daily("binzhou", 15, 230);
    running("binzhou", 16, 120, 2);
    daily("jinan", 15, 150);

    @SuppressWarnings("unchecked")
    var store = (WriteAtCommitStore<HeavyPollutionState>) driver.getAllStateStores().get(STORE);
    assertThat(store.get("binzhou").getClosedThrough()).isEqualTo(january(15));
    assertThat(store.get("binzhou").getEpisodes()).hasSize(1);
    // jinan's complete 15th closes the days before it, not the 15th itself
    assertThat(store.get("jinan").getClosedThrough()).isEqualTo(january(14));
    assertThat(store.get("jinan").getEpisodes()).isEmpty();
  }
}
