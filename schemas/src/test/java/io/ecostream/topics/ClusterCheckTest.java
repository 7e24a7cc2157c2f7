package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClusterCheckTest {

  @Test
  void shouldSayInOneLineThatNoBrokerAnswersAtTheAddressAndWhatToDo() throws IOException {
    String address = "localhost:" + portNobodyListensOn();

    assertThatThrownBy(
            () ->
                ClusterCheck.require(
                    at(address), Duration.ofSeconds(1), List.of("ecostream.stations"), "unused"))
        .isInstanceOf(KafkaClusterException.class)
        .hasMessage(
            "no Kafka broker answers at "
                + address
                + " within 1 s; start one with './ecostream broker' or pass --bootstrap-servers");
  }

  @Test
  void shouldRefuseAnAddressWithoutAPort() {
    assertThatThrownBy(
            () -> ClusterCheck.require(at("localhost"), Duration.ofSeconds(1), List.of(), "unused"))
        .isInstanceOf(KafkaClusterException.class)
        .hasMessageStartingWith("cannot use the Kafka address localhost: ")
        .hasMessageEndingWith("; check --bootstrap-servers");
  }

  private static Properties at(String address) {
    Properties settings = new Properties();
    settings.setProperty("bootstrap.servers", address);
    return settings;
  }

  /** A port that was free a moment ago: nothing listens there. */
  private static int portNobodyListensOn() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
