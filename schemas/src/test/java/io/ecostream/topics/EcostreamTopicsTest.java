package io.ecostream.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.serde.OutputFormat;
import io.ecostream.serde.OutputSerde;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
      assertThat(topic.configs())
          .as(topic.name())
          .containsExactlyEntriesOf(java.util.Map.of("cleanup.policy", "compact"));
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
    assertThatThrownBy(() -> topics.withAirReadingsPartitions(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldTakeTheClustersPartitionsOfTheWaterReadingsAndChangeNothingElse() {
    EcostreamTopics six = topics.withWaterReadingsPartitions(6);

    assertThat(six.waterReadings().partitions()).isEqualTo(6);
    assertThat(six.waterReadings().name()).isEqualTo(topics.waterReadings().name());
    assertThat(six.waterReadings().configs()).isEqualTo(topics.waterReadings().configs());
    assertThat(six.airReadings()).isSameAs(topics.airReadings());
    assertThat(six.all()).hasSameSizeAs(topics.all());
    assertThatThrownBy(() -> topics.withWaterReadingsPartitions(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldWriteOnlyTheFiguresAndAlertsInTheChosenFormat() {
    EcostreamTopics json = topics.withOutputFormat(OutputFormat.JSON);
    CityDaily day =
        CityDaily.newBuilder()
            .setCityId("binzhou")
            .setDate(LocalDate.of(2024, 1, 15))
            .setEdition(AqiEdition.HJ_633_2012)
            .setStationsReporting(1)
            .setStationsComplete(0)
            .setStationHours(1)
            .setRevision(1)
            .build();

    assertThat(topics.outputFormat()).isEqualTo(OutputFormat.AVRO);
    assertThat(json.outputFormat()).isEqualTo(OutputFormat.JSON);
    assertThat(
            new String(
                json.cityDaily().valueSerde().serializer().serialize("t", day),
                StandardCharsets.UTF_8))
        .startsWith("{\"cityId\":\"binzhou\",\"date\":\"2024-01-15\"");
    assertThat(topics.cityDaily().valueSerde().serializer().serialize("t", day))
        .startsWith((byte) 0xC3, (byte) 0x01);
    assertThat(json.outputsAndAlerts())
        .hasSize(11)
        .contains(json.alerts())
        .doesNotContain(json.deadLetters());
    for (Topic<String, ?> topic : json.outputsAndAlerts()) {
      assertThat(((OutputSerde<?>) topic.valueSerde()).format())
          .as(topic.name())
          .isEqualTo(OutputFormat.JSON);
    }
    for (Topic<String, ?> unchanged :
        List.of(json.stations(), json.airReadings(), json.waterReadings(), json.deadLetters())) {
      assertThat(unchanged)
          .as(unchanged.name())
          .isSameAs(topics.byName(unchanged.name()).orElseThrow());
    }
    assertThat(json.withOutputFormat(OutputFormat.AVRO).outputFormat())
        .isEqualTo(OutputFormat.AVRO);
  }
}
