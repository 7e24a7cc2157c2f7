package io.ecostream.producer.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StationCatalogTest {

  private final StationCatalog catalog = StationCatalog.shandong();

  @Test
  void shouldListTheSixteenPrefectureLevelCitiesOfShandong() {
    assertThat(catalog.cities())
        .extracting(City::id)
        .containsExactly(
            "jinan",
            "qingdao",
            "zibo",
            "zaozhuang",
            "dongying",
            "yantai",
            "weifang",
            "jining",
            "taian",
            "weihai",
            "rizhao",
            "linyi",
            "dezhou",
            "liaocheng",
            "binzhou",
            "heze");
    assertThat(catalog.city("binzhou"))
        .get()
        .satisfies(
            binzhou -> {
              assertThat(binzhou.nameZh()).isEqualTo("滨州");
              assertThat(binzhou.latitude()).isBetween(37.2, 37.6);
              assertThat(binzhou.longitude()).isBetween(117.8, 118.2);
            });
  }

  @Test
  void shouldGiveEveryCityThreeToSixAirStations() {
    for (City city : catalog.cities()) {
      assertThat(catalog.airStations().stream().filter(s -> s.city().equals(city)))
          .as(city.id())
          .hasSizeBetween(3, 6);
    }
  }

  @Test
  void shouldGiveBinzhouExactlyElevenNationalSurfaceWaterSections() {
    List<WaterSection> binzhou = sectionsOf("binzhou");

    assertThat(binzhou.stream().filter(s -> s.national() && !s.isSea())).hasSize(11);
    assertThat(binzhou)
        .filteredOn(WaterSection::drinkingSource)
        .extracting(WaterSection::name, WaterSection::waterBody)
        .containsExactlyInAnyOrder(
            tuple("三角洼水库", WaterBodyType.RESERVOIR), tuple("芦家河子水库", WaterBodyType.RESERVOIR));
    assertThat(binzhou)
        .extracting(WaterSection::waterBodyName)
        .contains("黄河", "徒骇河", "马颊河", "潮河", "小清河");
    assertThat(binzhou).filteredOn(WaterSection::isSea).isNotEmpty();
  }

  @Test
  void shouldTakeSectionNamesAndBaselinesFromTheRealStationList() {
    assertThat(sectionsOf("binzhou"))
        .filteredOn(s -> s.source().isPresent())
        .extracting(WaterSection::name)
        .contains("三角洼水库", "富国", "邵家", "范李", "西闸");
  }

  @Test
  void shouldGiveEveryCitySeveralWaterSectionsAndSeaPointsOnlyOnTheCoast() {
    for (City city : catalog.cities()) {
      List<WaterSection> sections = sectionsOf(city.id());
      assertThat(sections).as(city.id()).hasSizeGreaterThanOrEqualTo(2);
      if (!city.coastal()) {
        assertThat(sections).as(city.id()).noneMatch(WaterSection::isSea);
      }
    }
    assertThat(catalog.waterSections().stream().filter(WaterSection::isSea).map(s -> s.city().id()))
        .contains("qingdao", "yantai", "weihai", "rizhao", "dongying", "weifang", "binzhou");
  }

  @Test
  void shouldGiveEverySectionATargetClassBetweenTwoAndFour() {
    assertThat(catalog.waterSections())
        .allSatisfy(s -> assertThat(s.targetClass()).as(s.id()).isBetween(2, 4));
  }

  @Test
  void shouldUseUniqueIdsPrefixedWithTheCityCode() {
    List<String> ids =
        Stream.concat(
                catalog.airStations().stream().map(s -> s.id() + "@" + s.city().code()),
                catalog.waterSections().stream().map(s -> s.id() + "@" + s.city().code()))
            .toList();

    assertThat(ids.stream().map(id -> id.substring(0, id.indexOf('@')))).doesNotHaveDuplicates();
    assertThat(ids).allSatisfy(id -> assertThat(id).matches("([A-Z]{2})-[AWS]\\d{2}@\\1"));
    assertThat(catalog.airStations()).extracting(AirStation::id).contains("BZ-A01");
    assertThat(catalog.waterSections()).extracting(WaterSection::id).contains("BZ-W01");
  }

  @Test
  void shouldDescribeAnAirStationAsAStationRecord() {
    Station station = catalog.airStations().get(0).toAvro();

    assertThat(station.getStationId()).isEqualTo("JN-A01");
    assertThat(station.getKind()).isEqualTo(StationKind.AIR);
    assertThat(station.getCityId()).isEqualTo("jinan");
    assertThat(station.getCityName()).isEqualTo("济南");
    assertThat(station.getProvince()).isEqualTo("Shandong");
    assertThat(station.getTimeZone()).isEqualTo("Asia/Shanghai");
    assertThat(station.getNational()).isTrue();
    assertThat(station.getLatitude()).isBetween(36.5, 36.8);
    assertThat(station.getWaterBody()).isNull();
    assertThat(station.getTargetClass()).isNull();
  }

  @Test
  void shouldDescribeAWaterSectionAsAStationRecord() {
    Station reservoir =
        sectionsOf("binzhou").stream()
            .filter(s -> s.name().equals("三角洼水库"))
            .findFirst()
            .orElseThrow()
            .toAvro();

    assertThat(reservoir.getKind()).isEqualTo(StationKind.WATER);
    assertThat(reservoir.getCityId()).isEqualTo("binzhou");
    assertThat(reservoir.getWaterBody()).isEqualTo(WaterBodyType.RESERVOIR);
    assertThat(reservoir.getWaterBodyName()).isEqualTo("三角洼水库");
    assertThat(reservoir.getDrinkingSource()).isTrue();
    assertThat(reservoir.getNational()).isTrue();
    assertThat(reservoir.getTargetClass()).isBetween(2, 3);
  }

  @Test
  void shouldRestrictTheNetworkToChosenCities() {
    StationCatalog two = catalog.only(List.of("weihai", "binzhou"));

    assertThat(two.cities()).extracting(City::id).containsExactly("weihai", "binzhou");
    assertThat(two.airStations()).allMatch(s -> s.city().id().matches("weihai|binzhou"));
    assertThat(two.stations()).hasSize(two.airStations().size() + two.waterSections().size());
    assertThatThrownBy(() -> catalog.only(List.of("beijing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown city 'beijing'");
  }

  private List<WaterSection> sectionsOf(String cityId) {
    return catalog.waterSections().stream().filter(s -> s.city().id().equals(cityId)).toList();
  }
}
