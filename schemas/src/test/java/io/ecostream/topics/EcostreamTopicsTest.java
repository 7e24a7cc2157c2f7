package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EcostreamTopicsTest {

  private final EcostreamTopics topics = EcostreamTopics.withDefaultPrefix();

  @Test
  void shouldNeverExpireInputsByAgeBecauseTheirTimestampsAreEventTimes() {
    assertThat(topics.airReadings().configs())
        .containsEntry("retention.ms", "-1")
        .containsEntry("cleanup.policy", "delete");
    assertThat(topics.waterReadings().configs()).containsEntry("retention.ms", "-1");
    assertThat(topics.deadLetters().configs()).containsEntry("retention.ms", "-1");
  }

  @Test
  void shouldCompactTheTopicsOfLatestFigures() {
    for (Topic<String, ?> topic :
        java.util.List.of(
            topics.stations(),
            topics.stationHourly(),
            topics.cityHourly(),
            topics.pm25Rolling(),
            topics.cityDaily(),
            topics.cityPeriod(),
            topics.airRanking(),
            topics.waterCityPeriod(),
            topics.waterRanking(),
            topics.alerts())) {
      assertThat(topic.configs()).as(topic.name()).containsExactlyEntriesOf(java.util.Map.of("cleanup.policy", "compact"));
    }
  }

  @Test
  void shouldNameEveryTopicWithThePrefix() {
    assertThat(EcostreamTopics.withPrefix("staging").all())
        .extracting(Topic::name)
        .allMatch(name -> name.startsWith("staging."));
    assertThat(topics.byName("ecostream.air.city-period")).contains(topics.cityPeriod());
    assertThat(topics.byName("ecostream.air.ranking")).contains(topics.airRanking());
    assertThat(topics.byName("ecostream.water.ranking")).contains(topics.waterRanking());
  }

  @Test
  void shouldRejectAPrefixThatIsNotATopicName() {
    assertThatThrownBy(() -> EcostreamTopics.withPrefix("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a/b");
  }

  @Test
  void shouldTakeTheClustersPartitionsOfTheAirReadingsAndChangeNothingElse() {
    EcostreamTopics six = topics.withAirReadingsPartitions(6);

    assertThat(six.airReadings().partitions()).isEqualTo(6);
    assertThat(six.airReadings().name()).isEqualTo(topics.airReadings().name());
    assertThat(six.airReadings().configs()).isEqualTo(topics.airReadings().configs());
    assertThat(six.stations()).isSameAs(topics.stations());
    assertThat(six.all()).hasSameSizeAs(topics.all());
    assertThatThrownBy(() -> topics.withAirReadingsPartitions(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldTakeTheClustersPartitionsOfTheWaterReadingsAndChangeNothingElse() {
    EcostreamTopics six = topics.withWaterReadingsPartitions(6);

    assertThat(six.waterReadings().partitions()).isEqualTo(6);
    assertThat(six.waterReadings().name()).isEqualTo(topics.waterReadings().name());
    assertThat(six.waterReadings().configs()).isEqualTo(topics.waterReadings().configs());
    assertThat(six.airReadings()).isSameAs(topics.airReadings());
    assertThat(six.all()).hasSameSizeAs(topics.all());
    assertThatThrownBy(() -> topics.withWaterReadingsPartitions(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
