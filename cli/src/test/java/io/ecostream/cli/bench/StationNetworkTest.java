package io.ecostream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.producer.catalog.AirStation;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.topics.EcostreamTopics;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** The bench's simulated network and its input records; no broker. */
class StationNetworkTest {

  private static final EcostreamTopics TOPICS = EcostreamTopics.withDefaultPrefix();
  private static final int SHANDONG_SIZE = StationCatalog.shandong().airStations().size();

  @Test
  void shouldSpreadTheDefault1700StationsOver340CitiesOf31Provinces() {
    StationNetwork network = StationNetwork.of(1700, 42);

    assertThat(network.stations()).isEqualTo(1700);
    assertThat(network.cities()).isEqualTo(340);
    assertThat(network.provinces()).isEqualTo(31);
    assertThat(network.toString()).isEqualTo("1700 air stations in 340 cities of 31 provinces");
    assertThat(network.catalog().cities())
        .extracting(City::id)
        .startsWith("c001", "c002")
        .endsWith("c340")
        .allMatch(id -> id.matches("c\\d{3}"));
    assertThat(network.catalog().airStations())
        .extracting(AirStation::id)
        .startsWith("C001-A01")
        .allMatch(id -> id.matches("C\\d{3}-A\\d{2}"))
        .doesNotHaveDuplicates();
    assertThat(network.catalog().cities())
        .extracting(c -> network.province(c.id()))
        .startsWith("P01")
        .endsWith("P31")
        .allMatch(p -> p.matches("P\\d{2}"));
  }

  @Test
  void shouldGiveSmallCitiesTwoOrThreeStationsAndBigOnesTenToFifteen() {
    int[] sizes = sizes(StationNetwork.of(1700, 42));

    assertThat(Arrays.stream(sizes).sum()).isEqualTo(1700);
    assertThat(Arrays.stream(sizes).boxed()).allMatch(n -> n >= 2 && n <= 15);
    // "Some" on each side: at least one city in twenty.
    assertThat(Arrays.stream(sizes).filter(n -> n <= 3).count()).isGreaterThanOrEqualTo(17);
    assertThat(Arrays.stream(sizes).filter(n -> n >= 10).count()).isGreaterThanOrEqualTo(17);
  }

  @Test
  void shouldBuildTheSameNetworkForTheSameSeedAndAnotherForAnotherSeed() {
    assertThat(sizes(StationNetwork.of(1700, 42))).isEqualTo(sizes(StationNetwork.of(1700, 42)));
    assertThat(StationNetwork.of(1700, 42).stationRecords())
        .isEqualTo(StationNetwork.of(1700, 42).stationRecords());
    assertThat(sizes(StationNetwork.of(1700, 43))).isNotEqualTo(sizes(StationNetwork.of(1700, 42)));
  }

  @Test
  void shouldAddUpToAnyCountOfStations() {
    for (int stations : new int[] {SHANDONG_SIZE + 1, 99, 500, 1701, 3000}) {
      StationNetwork network = StationNetwork.of(stations, 7);

      assertThat(network.stations()).as("%d stations", stations).isEqualTo(stations);
      assertThat(network.cities()).as("%d stations", stations).isEqualTo(Math.round(stations / 5f));
      assertThat(network.provinces()).as("%d stations", stations).isBetween(1, 31);
    }
  }

  @Test
  void shouldTakeTheFirstStationsOfShandongUpToItsSize() {
    StationCatalog shandong = StationCatalog.shandong();

    StationNetwork twenty = StationNetwork.of(20, 42);
    StationNetwork oneMore = StationNetwork.of(SHANDONG_SIZE + 1, 42);
    StationNetwork all = StationNetwork.of(SHANDONG_SIZE, 42);

    assertThat(twenty.catalog().airStations())
        .containsExactlyElementsOf(shandong.airStations().subList(0, 20));
    assertThat(twenty.provinces()).isEqualTo(1);
    assertThat(all.catalog().airStations()).containsExactlyElementsOf(shandong.airStations());
    assertThat(all.cities()).isEqualTo(16);
    assertThat(all.stationRecords())
        .extracting(Station::getProvince)
        .containsOnly(StationCatalog.PROVINCE);
    assertThat(oneMore.catalog().cities())
        .extracting(City::id)
        .allMatch(id -> id.matches("c\\d{3}"));
  }

  @Test
  void shouldRejectNoStations() {
    assertThatThrownBy(() -> StationNetwork.of(0, 42)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldDescribeEveryStationAsAnAirStationOfItsCityAndProvince() {
    StationNetwork network = StationNetwork.of(1700, 42);

    List<Station> records = network.stationRecords();

    assertThat(records).hasSize(1700).allMatch(s -> s.getKind() == StationKind.AIR);
    Station first = records.get(0);
    assertThat(first.getStationId()).isEqualTo("C001-A01");
    assertThat(first.getCityId()).isEqualTo("c001");
    assertThat(first.getCityName()).isEqualTo("城市001");
    assertThat(first.getProvince()).isEqualTo("P01");
    assertThat(records.get(records.size() - 1).getProvince()).isEqualTo("P31");
  }

  @Test
  void shouldBorrowTheClimatologyOfTheShandongCitiesRoundRobin() {
    List<City> cities = StationNetwork.of(1700, 42).catalog().cities();
    List<City> shandong = StationCatalog.shandong().cities();

    assertThat(cities.get(0).climate()).isEqualTo(shandong.get(0).id());
    assertThat(cities.get(17).climate()).isEqualTo(shandong.get(1).id());
    assertThat(cities.get(17).pm25Annual()).isEqualTo(shandong.get(1).pm25Annual());
  }

  @Test
  void shouldKeyReadingsByCityAndStationsByStationAsProductionInputIs() {
    StationNetwork network = StationNetwork.of(100, 42);

    BenchData data = BenchData.simulate(TOPICS, network, 42, 250);

    Deserializer<String> keys = TOPICS.airReadings().keySerde().deserializer();
    Deserializer<AirReading> readings = TOPICS.airReadings().valueSerde().deserializer();
    Deserializer<Station> stations = TOPICS.stations().valueSerde().deserializer();
    assertThat(data.size()).isEqualTo(250);
    assertThat(data.readings())
        .allSatisfy(
            r -> {
              AirReading reading = readings.deserialize(TOPICS.airReadings().name(), r.value());
              assertThat(keys.deserialize(TOPICS.airReadings().name(), r.key()))
                  .isEqualTo(reading.getCityId());
              assertThat(r.timestamp()).isEqualTo(reading.getHourStart().toEpochMilli());
            });
    assertThat(data.stations())
        .hasSize(100)
        .allSatisfy(
            r -> {
              Station station = stations.deserialize(TOPICS.stations().name(), r.value());
              assertThat(keys.deserialize(TOPICS.stations().name(), r.key()))
                  .isEqualTo(station.getStationId());
            });
  }

  @Test
  void shouldSendAllStationsOfAnHourBeforeTheNextHour() {
    StationNetwork network = StationNetwork.of(100, 42);
    Deserializer<AirReading> readings = TOPICS.airReadings().valueSerde().deserializer();

    List<AirReading> values =
        BenchData.simulate(TOPICS, network, 42, 250).readings().stream()
            .map(r -> readings.deserialize(TOPICS.airReadings().name(), r.value()))
            .toList();

    // 250 readings of 100 stations: two whole hours and half of the third, in that order.
    Map<Instant, Long> perHour =
        values.stream()
            .collect(Collectors.groupingBy(AirReading::getHourStart, Collectors.counting()));
    assertThat(perHour.values()).containsExactlyInAnyOrder(100L, 100L, 50L);
    assertThat(values).isSortedAccordingTo((a, b) -> a.getHourStart().compareTo(b.getHourStart()));
    assertThat(values.subList(0, 100))
        .extracting(AirReading::getStationId)
        .containsExactlyElementsOf(
            network.catalog().airStations().stream().map(AirStation::id).toList());
  }

  @Test
  void shouldMoveStationsBetweenCitiesOnlyWithinTheBounds() {
    // 6 stations over 3 cities cannot give anyone more than the rest leave: two each.
    assertThat(StationNetwork.citySizes(6, 3, new SplittableRandom(1))).containsExactly(2, 2, 2);
    assertThat(StationNetwork.citySizes(45, 3, new SplittableRandom(1)))
        .containsExactly(15, 15, 15);
  }

  private static int[] sizes(StationNetwork network) {
    Map<String, Long> byCity =
        network.catalog().airStations().stream()
            .collect(Collectors.groupingBy(s -> s.city().id(), Collectors.counting()));
    return network.catalog().cities().stream()
        .mapToInt(c -> byCity.get(c.id()).intValue())
        .toArray();
  }
}
