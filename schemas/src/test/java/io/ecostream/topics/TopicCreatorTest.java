package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The waits on a real broker are in KafkaBrokerFixtureIT (local-kafka). */
class TopicCreatorTest {

  @Test
  void shouldRefuseToAwaitTheLeadersOfATopicWithoutItsPartitionCount() {
    NewTopic brokerDefault = new NewTopic("air.readings", Optional.empty(), Optional.empty());

    // It would have nothing to wait for and return at once, as if the leaders were ready.
    assertThatThrownBy(
            () -> TopicCreator.awaitLeaders(null, List.of(brokerDefault), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("awaitLeaders needs each topic's partition count; air.readings has none");
  }
}
