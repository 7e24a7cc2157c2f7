package io.ecostream.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.streams.RunUnderTest;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the tests of the query API and the live page do on the real broker: send Station records and
 * readings as ecostream's producers send them, start {@code run} with its HTTP port, and ask that
 * port until an answer is there.
 */
final class ApiTestCluster {

  static final Duration DEADLINE = Duration.ofSeconds(90);

  /** {@code run} names its HTTP address on one line; the port is what the tests need. */
  private static final Pattern HTTP_PORT = Pattern.compile("live page on http://[^:]+:(\\d+)/");

  private final KafkaBrokerFixture kafka;
  private final EcostreamTopics topics;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  ApiTestCluster(KafkaBrokerFixture kafka, EcostreamTopics topics) {
    this.kafka = kafka;
    this.topics = topics;
  }

  /** An answer of the API: its status and JSON body. */
  record Response(int status, JsonNode body) {}

  /** An air station of province {@code Testland}, named after its id. */
  static Station airStation(String stationId, String cityId) {
    return Station.newBuilder()
        .setStationId(stationId)
        .setName(stationId)
        .setKind(StationKind.AIR)
        .setCityId(cityId)
        .setCityName("City " + cityId)
        .setProvince("Testland")
        .build();
  }

  void sendStations(List<Station> stations) {
    try (KafkaProducer<String, Station> producer =
        new KafkaProducer<>(
            kafka.producerProps(),
            new StringSerializer(),
            topics.stations().valueSerde().serializer())) {
      for (Station station : stations) {
        producer.send(
            new ProducerRecord<>(topics.stations().name(), InputKeys.of(station), station));
      }
    }
  }

  /** Keyed by city and stamped with their hour, as ecostream's producers send them. */
  void sendReadings(List<AirReading> readings) {
    try (KafkaProducer<String, AirReading> producer =
        new KafkaProducer<>(
            kafka.producerProps(),
            new StringSerializer(),
            topics.airReadings().valueSerde().serializer())) {
      for (AirReading reading : readings) {
        producer.send(
            new ProducerRecord<>(
                topics.airReadings().name(),
                null,
                reading.getHourStart().toEpochMilli(),
                InputKeys.of(reading),
                reading));
      }
    }
  }

  /** {@code run} on these topics, on any free HTTP port. */
  RunUnderTest startRun(String applicationId, Path stateDir) {
    return RunUnderTest.start(
        List.of(
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic-prefix",
            topics.prefix(),
            "--application-id",
            applicationId,
            "--state-dir",
            stateDir.toString(),
            "--metrics-port",
            "0"));
  }

  /** The HTTP port {@code run} serves on, once it has said so. */
  static int httpPort(RunUnderTest run) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      Matcher port = HTTP_PORT.matcher(run.log().toString());
      if (port.find()) {
        return Integer.parseInt(port.group(1));
      }
      assertThat(run.exit()).as("run stopped early:%n%s", run.log()).isNotDone();
      assertThat(System.nanoTime())
          .as("run announced its HTTP port in time:%n%s", run.log())
          .isLessThan(deadline);
      pause();
    }
  }

  /**
   * The answer, asked again while it is a 503, as a client told to try again shortly does: an
   * application that has just started may rebalance once more after its first RUNNING (it joins its
   * group again when the repartition topics it created show in its metadata).
   */
  Response get(int port, String path) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Response response = getOnce(port, path);
    while (response.status() == 503 && System.nanoTime() < deadline) {
      pause();
      response = getOnce(port, path);
    }
    return response;
  }

  /** The first answer, whatever its status. */
  Response getOnce(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    return new Response(response.statusCode(), json.readTree(response.body()));
  }

  /** The answer once it is 200 and passes {@code done}. */
  JsonNode awaitAnswer(int port, String path, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Response response = getOnce(port, path);
    while (response.status() != 200 || !done.test(response.body())) {
      assertThat(System.nanoTime())
          .as("%s served in time; last answer %s", path, response)
          .isLessThan(deadline);
      pause();
      response = getOnce(port, path);
    }
    return response.body();
  }

  /** The answer once it is 200 (a rebalance may still be settling). */
  JsonNode awaitAnswer(int port, String path) throws Exception {
    return awaitAnswer(port, path, body -> true);
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(200);
  }
}
