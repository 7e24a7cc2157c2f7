package io.ecostream.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsHttpServerTest {

  private static final PrometheusMeterRegistry REGISTRY =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void shouldListenOnLoopbackOnlyWhenGiven127001() throws Exception {
    try (MetricsHttpServer http = MetricsHttpServer.start("127.0.0.1", 0, REGISTRY, () -> true)) {
      assertThat(http.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(get("http://127.0.0.1:" + http.port() + "/health").body()).isEqualTo("UP\n");
    }
  }

  @Test
  void shouldListenOnEveryInterfaceWhenGivenTheWildcard() throws Exception {
    try (MetricsHttpServer http = MetricsHttpServer.start("0.0.0.0", 0, REGISTRY, () -> false)) {
      assertThat(http.address().getAddress().isAnyLocalAddress()).isTrue();
      assertThat(get("http://127.0.0.1:" + http.port() + "/health").statusCode()).isEqualTo(503);
    }
  }

  @Test
  void shouldAnswerHealthWithTheReadinessAndItsReasonAndKeepLivenessApart() throws Exception {
    Readiness.Verdict stalled =
        new Readiness.Verdict(false, "cannot reach the Kafka cluster: no answer");
    try (MetricsHttpServer http =
        MetricsHttpServer.start("127.0.0.1", 0, REGISTRY, () -> true, () -> stalled)) {
      String base = "http://127.0.0.1:" + http.port();
      HttpResponse<String> health = get(base + "/health");
      HttpResponse<String> ready = get(base + "/health/ready");
      HttpResponse<String> live = get(base + "/health/live");

      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).isEqualTo("DOWN cannot reach the Kafka cluster: no answer\n");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo(health.body());
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).isEqualTo("UP\n");
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
