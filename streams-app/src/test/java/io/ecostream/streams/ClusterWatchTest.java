package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterWatchTest {

  @Test
  void shouldSayOnceThatTheBrokerStoppedAnswering() throws Exception {
    String address = "localhost:" + portNobodyListensOn();
    StringWriter err = new StringWriter();
    Map<String, Object> admin =
        Map.of("bootstrap.servers", address, "request.timeout.ms", "1000", "default.api.timeout.ms", "1000");

    try (ClusterWatch watch = ClusterWatch.start(admin, address, Duration.ofSeconds(1), new PrintWriter(err, true))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (err.toString().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      // One more check, which gets no answer either.
      Thread.sleep(2500);
    }

    assertThat(err.toString().lines())
        .containsExactly(
            "ecostream run: the Kafka broker at " + address + " did not answer within 1 s (the application"
                + " waits for it and goes on when it is back); check that it runs, or raise --kafka-timeout");
  }

  /** A port that was free a moment ago: nothing listens there. */
  private static int portNobodyListensOn() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
