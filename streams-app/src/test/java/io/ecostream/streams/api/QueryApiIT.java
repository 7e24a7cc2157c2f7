package io.ecostream.streams.api;

import static io.ecostream.streams.AirReadings.pm25;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.streams.AirReadings;
import io.ecostream.streams.EcostreamTopology;
import io.ecostream.streams.RunUnderTest;
import io.ecostream.streams.air.AirQueries;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.MetricsHttpServer;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.water.WaterQueries;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.TopicCreator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query API of {@code run}, over real HTTP, on a real broker: every path against figures worked
 * out by hand, its errors, the 503 of an application that is not running, and two instances that
 * each answer for every city.
 *
 * <p>The data: eight cities {@code c0} … {@code c7} of province {@code Testland}, two stations
 * each, PM2.5 only, 2024-01-15 and 2024-01-16 whole and three hours of 2024-01-17 (which settle the
 * two days). City {@code ck}'s stations alternate between {@code 10k+20}/{@code 10k+22} and {@code
 * 10k+40}/{@code 10k+42} µg/m³ hour by hour (no run of equal values, no spike), so each station's
 * day averages {@code 10k+21} and {@code 10k+41}, and the city's day, and its January, {@code
 * 10k+31}. The 3 hours of 2024-01-17 are fewer than the 20 a valid daily value needs.
 */
class QueryApiIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final Duration DEADLINE = ApiTestCluster.DEADLINE;
  private static final int CITIES = 8;
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 15);

  @TempDir Path stateDir;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<RunUnderTest> runs = new ArrayList<>();
  private String prefix;
  private EcostreamTopics topics;
  private ApiTestCluster cluster;
  private String applicationId;

  @BeforeEach
  void topics() {
    prefix = KafkaBrokerFixture.uniqueName("api");
    topics = EcostreamTopics.withPrefix(prefix);
    applicationId = KafkaBrokerFixture.uniqueName("api-app");
    TopicCreator.ensureExist(kafka.admin(), topics.all(), Optional.empty());
    cluster = new ApiTestCluster(kafka, topics);
  }

  @AfterEach
  void stopRuns() throws Exception {
    for (RunUnderTest run : runs) {
      if (!run.exit().isDone()) {
        run.stop();
      }
    }
  }

  @Test
  void shouldServeTheCitiesTheirDaysPeriodsAndRankings() throws Exception {
    sendStationsAndReadings();
    int port = start(stateDir.resolve("one"));
    awaitEveryCitysReadings(port);
    // Station records and readings are read side by side: the provinces may come after the days.
    JsonNode ranking = awaitRanking(port);

    JsonNode cities = cluster.get(port, "/api/cities").body();
    assertThat(cities).hasSize(CITIES);
    JsonNode c3 = find(cities, "c3");
    assertThat(c3.get("province").asText()).isEqualTo("Testland");
    assertThat(c3.get("stations")).extracting(JsonNode::asText).containsExactly("C3-A01", "C3-A02");

    JsonNode days = cluster.get(port, "/api/cities/c3/daily?from=2024-01-15&to=2024-01-16").body();
    assertThat(days.get("cityId").asText()).isEqualTo("c3");
    assertThat(days.get("days"))
        .extracting(day -> day.get("date").asText())
        .containsExactly("2024-01-15", "2024-01-16");
    assertThat(days.get("days"))
        .extracting(day -> day.get("pm25").asDouble())
        .containsExactly(61.0, 61.0);
    assertThat(days.get("days").get(0).get("so2").isNull()).as("no SO2 was measured").isTrue();
    // PM2.5 alone makes no valid daily AQI, so no category either.
    assertThat(days.get("days").get(0).get("aqi").asInt()).isEqualTo(-1);
    assertThat(days.get("days").get(0).get("category").isNull()).isTrue();
    assertThat(
            cluster
                .get(port, "/api/cities/c3/daily?from=2024-01-16&to=2024-01-16")
                .body()
                .get("days"))
        .hasSize(1);
    assertThat(
            cluster
                .get(port, "/api/cities/c3/daily?from=2023-01-01&to=2023-12-31")
                .body()
                .get("days"))
        .isEmpty();

    JsonNode january = cluster.get(port, "/api/cities/c3/periods/2024-01").body();
    assertThat(january.get("periodType").asText()).isEqualTo("MONTH_TO_DATE");
    assertThat(january.get("from").asText()).isEqualTo("2024-01-01");
    assertThat(january.get("pm25").asDouble()).isEqualTo(61.0);
    JsonNode year = cluster.get(port, "/api/cities/c3/periods/2024").body();
    assertThat(year.get("periodType").asText()).isEqualTo("YEAR_TO_DATE");
    assertThat(year.get("pm25").asDouble()).isEqualTo(61.0);
    assertThat(year.get("pm25Change").isNull()).as("no 2023 to compare with").isTrue();

    assertThat(ranking.get("byPm25"))
        .extracting(entry -> entry.get("cityId").asText())
        .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7");
    assertThat(ranking.get("byPm25").get(7).get("value").asDouble()).isEqualTo(101.0);

    // The newest hour, 2024-01-17 02:00 (an even hour): c3's stations read 50 and 70; their
    // 24-hour means, of 12 even and 12 odd hours, are 51 and 71.
    JsonNode now = cluster.get(port, "/api/cities/c3/now").body();
    assertThat(now.get("cityId").asText()).isEqualTo("c3");
    assertThat(now.get("localDate").asText()).isEqualTo("2024-01-17");
    assertThat(now.get("localHour").asInt()).isEqualTo(2);
    assertThat(now.get("hourStart").asText()).isEqualTo("2024-01-16T18:00:00Z");
    assertThat(now.get("stationsReporting").asInt()).isEqualTo(2);
    assertThat(now.get("pm25").asDouble()).isEqualTo(60.0);
    assertThat(now.get("pm25Moving24h").asDouble()).isEqualTo(61.0);

    JsonNode hours =
        cluster.get(port, "/api/stations/C3-A01/hourly?from=2024-01-17&to=2024-01-17").body();
    assertThat(hours.get("cityId").asText()).isEqualTo("c3");
    assertThat(hours.get("hours"))
        .extracting(hour -> hour.get("localHour").asInt())
        .containsExactly(0, 1, 2);
    assertThat(hours.get("hours"))
        .extracting(hour -> hour.get("pm25").asDouble())
        .containsExactly(50.0, 52.0, 50.0);
    assertThat(hours.get("hours").get(2).get("pm25Moving24h").asDouble()).isEqualTo(51.0);
    assertThat(
            cluster
                .get(port, "/api/stations/C3-A01/hourly?from=2024-01-16T18:00:00Z")
                .body()
                .get("hours"))
        .extracting(hour -> hour.get("localHour").asInt())
        .containsExactly(2);

    // HJ 633 Table 2: six categories; good is 51-100, yellow (255, 255, 0).
    JsonNode categories = cluster.get(port, "/api/aqi-categories").body();
    assertThat(categories).hasSize(6);
    assertThat(categories.get(1).get("category").asText()).isEqualTo("GOOD");
    assertThat(categories.get(1).get("minAqi").asInt()).isEqualTo(51);
    assertThat(categories.get(1).get("maxAqi").asInt()).isEqualTo(100);
    assertThat(categories.get(1).get("colour").asText()).isEqualTo("#FFFF00");

    assertThat(
            cluster
                .get(port, "/api/openapi.json")
                .body()
                .get("paths")
                .has("/api/cities/{cityId}/periods/{period}"))
        .isTrue();
  }

  /**
   * City {@code w1}, January 2024: three river sections whose other items are class II at worst, so
   * ammonia nitrogen decides (GB 3838: ≤ 0.5 II, ≤ 1.0 III, ≤ 1.5 IV): 0.3 is II, 0.9 III, 1.4 IV.
   * Two of three sections good: 66.7 %.
   */
  @Test
  void shouldServeTheWaterFiguresOfACityAndASection() throws Exception {
    try (KafkaProducer<String, WaterSample> producer =
        new KafkaProducer<>(
            kafka.producerProps(),
            new StringSerializer(),
            topics.waterReadings().valueSerde().serializer())) {
      double[] ammonia = {0.3, 0.9, 1.4};
      for (int s = 0; s < ammonia.length; s++) {
        WaterSample sample =
            WaterSample.newBuilder()
                .setStationId("W1-" + (s + 1))
                .setCityId("w1")
                .setSampledAt(FIRST_DAY.atTime(10, 0).atZone(AirReadings.BEIJING).toInstant())
                .setMethod(SamplingMethod.MANUAL)
                .setPh(7.6)
                .setDissolvedOxygen(7.5)
                .setCodMn(3.0)
                .setAmmoniaNitrogen(ammonia[s])
                .setTotalPhosphorus(0.08)
                .build();
        producer.send(
            new ProducerRecord<>(topics.waterReadings().name(), InputKeys.of(sample), sample));
      }
    }
    int port = start(stateDir.resolve("one"));
    JsonNode january =
        cluster.awaitAnswer(
            port,
            "/api/water/cities/w1/periods/2024-01",
            figure -> figure.get("sections").asInt() == 3);
    assertThat(january.get("sections").asInt()).isEqualTo(3);
    assertThat(january.get("goodShare").asDouble()).isEqualTo(66.7);
    assertThat(
            cluster
                .awaitAnswer(port, "/api/water/cities/w1/periods/2024")
                .get("goodShare")
                .asDouble())
        .isEqualTo(66.7);
    JsonNode section = cluster.get(port, "/api/water/sections/W1-2/months/2024-01").body();
    assertThat(section.get("waterClass").asText()).isEqualTo("III");
    assertThat(section.get("ammoniaNitrogen").asDouble()).isEqualTo(0.9);

    assertError(
        cluster.get(port, "/api/water/cities/nowhere/periods/2024"), 404, "no water city nowhere");
    assertError(
        cluster.get(port, "/api/water/cities/w1/periods/2023"),
        404,
        "water city w1 has no figure for 2023");
    assertError(
        cluster.get(port, "/api/water/sections/W1-2/months/2024-1"),
        400,
        "month must be yyyy-MM, got 2024-1");
    assertError(
        cluster.get(port, "/api/water/sections/W1-2/months/2023-12"),
        404,
        "no month 2023-12 of water section W1-2");
  }

  @Test
  void shouldListTheAlertsSinceAnInstantAndPushNewOnesAsTheyCome() throws Exception {
    sendAlerts(alert("a-old", "2024-01-10T00:00:00Z"), alert("a-mid", "2024-01-15T00:00:00Z"));
    int port = start(stateDir.resolve("one"));
    JsonNode all = cluster.awaitAnswer(port, "/api/alerts");
    assertThat(all)
        .extracting(alert -> alert.get("alertId").asText())
        .containsExactly("a-old", "a-mid");
    assertThat(cluster.get(port, "/api/alerts?since=2024-01-12T00:00:00Z").body())
        .extracting(alert -> alert.get("alertId").asText())
        .containsExactly("a-mid");
    assertThat(cluster.get(port, "/api/alerts?limit=1").body())
        .extracting(alert -> alert.get("alertId").asText())
        .containsExactly("a-mid");
    assertError(
        cluster.get(port, "/api/alerts?since=yesterday"),
        400,
        "since must be an instant (2026-03-01T08:00:00Z) or a date, got yesterday");
    assertError(cluster.get(port, "/api/alerts?limit=0"), 400, "limit must be 1-1000, got 0");

    LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    HttpRequest streamRequest =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))
            .build();
    HttpResponse<java.util.stream.Stream<String>> stream =
        http.send(streamRequest, HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValue("text/event-stream; charset=utf-8");
    Thread reader =
        new Thread(
            () -> stream.body().filter(line -> line.startsWith("data: ")).forEach(events::add));
    reader.setDaemon(true);
    reader.start();
    sendAlerts(alert("a-new", "2024-01-16T00:00:00Z"));
    String event = events.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(event).as("the new alert pushed").isNotNull();
    JsonNode pushed = json.readTree(event.substring("data: ".length()));
    assertThat(pushed.get("alertId").asText()).isEqualTo("a-new");
    assertThat(pushed.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(cluster.get(port, "/api/alerts").body())
        .extracting(alert -> alert.get("alertId").asText())
        .containsExactly("a-old", "a-mid", "a-new");
  }

  @Test
  void shouldAnswerMistakesWithTheirStatusAndAReason() throws Exception {
    sendStationsAndReadings();
    int port = start(stateDir.resolve("one"));
    awaitEveryCitysReadings(port);

    assertError(cluster.get(port, "/api/cities/nowhere/daily"), 404, "no city nowhere");
    assertError(
        cluster.get(port, "/api/cities/c1/periods/2023"), 404, "city c1 has no day in 2023");
    assertError(
        cluster.get(port, "/api/rankings/Atlantis/2024"), 404, "no ranking of Atlantis for 2024");
    assertError(
        cluster.get(port, "/api/cities/c1/daily?from=2024-02-30"),
        400,
        "from must be a date yyyy-MM-dd, got 2024-02-30");
    assertError(
        cluster.get(port, "/api/cities/c1/daily?from=2024-02-01&to=2024-01-01"),
        400,
        "from 2024-02-01 is after to 2024-01-01");
    assertError(
        cluster.get(port, "/api/cities/c1/periods/2024-13"),
        400,
        "period must be yyyy or yyyy-MM, got 2024-13");
    assertError(
        cluster.get(port, "/api/stations"),
        404,
        "no such path: /api/stations (see /api/openapi.json)");
    assertError(cluster.get(port, "/api/cities/nowhere/now"), 404, "no city nowhere");
    assertError(cluster.get(port, "/api/stations/nowhere/hourly"), 404, "no station nowhere");
    assertError(
        cluster.get(port, "/api/stations/C1-A01/hourly?to=2024-13-01"),
        400,
        "to must be an instant (2026-03-01T08:00:00Z) or a date, got 2024-13-01");
    assertError(
        cluster.get(port, "/api/stations/C1-A01/hourly?from=2024-01-17&to=2024-01-16"),
        400,
        "from 2024-01-16T16:00:00Z is after to 2024-01-16T15:59:59.999Z");
  }

  @Test
  void shouldAnswer503WhileTheApplicationIsNotRunning() throws Exception {
    PipelineSettings settings = PipelineSettings.defaults();
    Properties properties = StreamsAppConfig.defaults();
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    PipelineMetrics metrics =
        new PipelineMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    try (KafkaStreams notStarted =
            new KafkaStreams(EcostreamTopology.build(topics, settings, metrics), properties);
        MetricsHttpServer server = MetricsHttpServer.listen("127.0.0.1", 0);
        AlertFeed notReading =
            new AlertFeed(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                topics.alerts().name(),
                10)) {
      server.serve(
          "/api",
          new QueryApi(
              notStarted,
              new HostInfo("127.0.0.1", server.port()),
              new AirQueries(settings, QueryApi.localStores(notStarted)),
              new WaterQueries(settings, QueryApi.localStores(notStarted)),
              notReading,
              settings.zone()));

      assertError(
          cluster.getOnce(server.port(), "/api/cities"),
          503,
          "the application is CREATED, try again shortly");
      assertError(
          cluster.getOnce(server.port(), "/api/cities/c1/daily"),
          503,
          "the application is CREATED, try again shortly");
      assertError(
          cluster.getOnce(server.port(), "/api/cities/c1/now"),
          503,
          "the application is CREATED, try again shortly");
      assertError(
          cluster.getOnce(server.port(), "/api/stations/C1-A01/hourly"),
          503,
          "the application is CREATED, try again shortly");
      assertError(
          cluster.getOnce(server.port(), "/api/alerts"),
          503,
          "the alert feed is still reading the alerts topic, try again shortly");
    }
  }

  @Test
  void shouldAnswerForEveryCityFromEitherOfTwoInstances() throws Exception {
    sendStationsAndReadings();
    int first = start(stateDir.resolve("first"));
    int second = start(stateDir.resolve("second"));
    awaitEveryCitysReadings(first);
    awaitEveryCitysReadings(second);

    Set<String> heldByFirst = cityIds(cluster.awaitAnswer(first, "/api/cities?scope=local"));
    Set<String> heldBySecond = cityIds(cluster.awaitAnswer(second, "/api/cities?scope=local"));
    assertThat(heldByFirst).as("each instance holds some cities").isNotEmpty();
    assertThat(heldBySecond).as("each instance holds some cities").isNotEmpty();
    assertThat(heldByFirst).doesNotContainAnyElementsOf(heldBySecond);
    assertThat(cityIds(cluster.get(first, "/api/cities").body())).hasSize(CITIES);
    assertThat(cityIds(cluster.get(second, "/api/cities").body())).hasSize(CITIES);
    for (int k = 0; k < CITIES; k++) {
      String hours = lastHoursOfTheCity(k);
      assertThat(cluster.get(second, hours).body())
          .as(hours)
          .isEqualTo(cluster.get(first, hours).body());
      String path = "/api/cities/c" + k + "/periods/2024-01";
      JsonNode fromFirst = cluster.get(first, path).body();
      assertThat(fromFirst.get("pm25").asDouble()).as(path).isEqualTo(10.0 * k + 31);
      assertThat(cluster.get(second, path).body()).as(path).isEqualTo(fromFirst);
    }
    assertError(cluster.get(first, "/api/stations/nowhere/hourly"), 404, "no station nowhere");
  }

  private static Alert alert(String id, String eventTime) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setType("HEAVY_POLLUTION")
        .setStatus(AlertStatus.CONFIRMED)
        .setCityId("c1")
        .setMessage("test alert " + id)
        .setEventTime(Instant.parse(eventTime))
        .build();
  }

  private void sendAlerts(Alert... alerts) {
    try (KafkaProducer<String, Alert> producer =
        new KafkaProducer<>(
            kafka.producerProps(),
            new StringSerializer(),
            topics.alerts().valueSerde().serializer())) {
      for (Alert alert : alerts) {
        producer.send(new ProducerRecord<>(topics.alerts().name(), alert.getAlertId(), alert));
      }
    }
  }

  private int start(Path state) throws InterruptedException {
    RunUnderTest run = cluster.startRun(applicationId, state);
    runs.add(run);
    return ApiTestCluster.httpPort(run);
  }

  private void sendStationsAndReadings() {
    List<AirReading> readings = new ArrayList<>();
    for (int hour = 0; hour < 24 * 2 + 3; hour++) {
      for (int k = 0; k < CITIES; k++) {
        double wobble = hour % 2 == 0 ? 0 : 2;
        String city = "c" + k;
        var start = FIRST_DAY.atStartOfDay().plusHours(hour);
        readings.add(pm25(station(k, 1), city, start, 10 * k + 20 + wobble));
        readings.add(pm25(station(k, 2), city, start, 10 * k + 40 + wobble));
      }
    }
    List<Station> stations = new ArrayList<>();
    for (int k = 0; k < CITIES; k++) {
      for (int s = 1; s <= 2; s++) {
        stations.add(ApiTestCluster.airStation(station(k, s), "c" + k));
      }
    }
    cluster.sendStations(stations);
    cluster.sendReadings(readings);
  }

  private static String station(int city, int number) {
    return "C" + city + "-A0" + number;
  }

  /**
   * Waits until every reading sent is served: a city's last reading is its second station's third
   * hour of the 17th (the days of the 15th and 16th are served before the 17th's hours are in).
   */
  private void awaitEveryCitysReadings(int port) throws Exception {
    for (int k = 0; k < CITIES; k++) {
      cluster.awaitAnswer(
          port,
          "/api/cities/c" + k + "/daily?from=2024-01-15&to=2024-01-16",
          answer -> answer.get("days").size() == 2);
      cluster.awaitAnswer(port, lastHoursOfTheCity(k), answer -> answer.get("hours").size() == 3);
    }
  }

  private static String lastHoursOfTheCity(int k) {
    return "/api/stations/" + station(k, 2) + "/hourly?from=2024-01-17";
  }

  /** The ranking once it lists every city (the rankings run after the cities' periods). */
  private JsonNode awaitRanking(int port) throws Exception {
    return cluster.awaitAnswer(
        port, "/api/rankings/Testland/2024-01", ranking -> ranking.get("byPm25").size() == CITIES);
  }

  private static Set<String> cityIds(JsonNode cities) {
    Set<String> ids = new TreeSet<>();
    cities.forEach(city -> ids.add(city.get("cityId").asText()));
    return ids;
  }

  private static JsonNode find(JsonNode cities, String cityId) {
    for (JsonNode city : cities) {
      if (city.get("cityId").asText().equals(cityId)) {
        return city;
      }
    }
    throw new AssertionError("no " + cityId + " in " + cities);
  }

  private static void assertError(ApiTestCluster.Response response, int status, String reason) {
    assertThat(response.status()).as("%s", response).isEqualTo(status);
    assertThat(response.body().get("status").asInt()).isEqualTo(status);
    assertThat(response.body().get("error").asText()).isEqualTo(reason);
  }
}
