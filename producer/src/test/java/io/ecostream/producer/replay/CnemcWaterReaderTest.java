package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.CNEMC_WATER;
import static io.ecostream.producer.fixtures.ReplayFixtures.cnemcWater;
import static io.ecostream.producer.fixtures.ReplayFixtures.readAllWater;
import static io.ecostream.producer.fixtures.ReplayFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnemcWaterReaderTest {

  /** 2023-06-10 00:00 Beijing. */
  private static final Instant MIDNIGHT = Instant.parse("2023-06-09T16:00:00Z");

  private static final long FOUR_HOURS = 4 * 3600;

  @TempDir Path dir;

  private final BadLines badLines = new BadLines();

  @Test
  void shouldServeTheStationSortedFileInTimeOrderThenByStation() {
    List<WaterSample> samples = readAllWater(ReplayFormat.CNEMC_WATER, cnemcWater(dir), badLines);

    assertThat(samples)
        .extracting(WaterSample::getStationId, WaterSample::getSampledAt)
        .containsExactly(
            tuple("HUANG-05", Instant.parse("2023-02-28T20:00:00Z")),
            tuple("HAI-01", MIDNIGHT),
            tuple("HAI-04", MIDNIGHT),
            tuple("HUAI-22", MIDNIGHT),
            tuple("HAI-01", MIDNIGHT.plusSeconds(FOUR_HOURS)),
            tuple("HAI-04", MIDNIGHT.plusSeconds(FOUR_HOURS)),
            tuple("HUAI-22", MIDNIGHT.plusSeconds(FOUR_HOURS)),
            tuple("HAI-01", MIDNIGHT.plusSeconds(2 * FOUR_HOURS)),
            tuple("HAI-01", MIDNIGHT.plusSeconds(3 * FOUR_HOURS)));
  }

  @Test
  void shouldKeepTheValuesThePublishedClassAndTheStatusAsPublished() {
    List<WaterSample> samples = readAllWater(ReplayFormat.CNEMC_WATER, cnemcWater(dir), badLines);

    assertThat(samples)
        .contains(
            // HAI-01,…,2023-06-10T00:00:00,26.4,8.36,8.31,1448.6,28.8,2.59,0.047,0.041,1.50,,,II,正常
            automatic("HAI-01", "binzhou", MIDNIGHT)
                .setWaterTemperature(26.4)
                .setPh(8.36)
                .setDissolvedOxygen(8.31)
                .setConductivity(1448.6)
                .setTurbidity(28.8)
                .setCodMn(2.59)
                .setAmmoniaNitrogen(0.047)
                .setTotalPhosphorus(0.041)
                .setTotalNitrogen(1.50)
                .setPublishedClass("II")
                .setStatus("正常")
                .build(),
            // in maintenance, CODMn missing and no class: sent all the same
            automatic("HAI-01", "binzhou", MIDNIGHT.plusSeconds(3 * FOUR_HOURS))
                .setWaterTemperature(26.3)
                .setPh(8.30)
                .setDissolvedOxygen(8.02)
                .setConductivity(1450.9)
                .setTurbidity(30.5)
                .setAmmoniaNitrogen(0.049)
                .setTotalPhosphorus(0.045)
                .setTotalNitrogen(1.49)
                .setStatus("维护")
                .build(),
            // a lake point with chlorophyll a (mg/L) and algal density (cells/L)
            automatic("HAI-04", "liaocheng", MIDNIGHT)
                .setWaterTemperature(25.9)
                .setPh(8.42)
                .setDissolvedOxygen(7.62)
                .setConductivity(1203.2)
                .setTurbidity(4.4)
                .setCodMn(1.64)
                .setAmmoniaNitrogen(0.025)
                .setTotalPhosphorus(0.006)
                .setTotalNitrogen(1.22)
                .setChlorophyllA(0.002)
                .setAlgalDensity(4708900.0)
                .setPublishedClass("I")
                .setStatus("正常")
                .build(),
            // the source markers -- (no valid value) and * (not monitored) are no value
            automatic("HUAI-22", "qingdao", MIDNIGHT.plusSeconds(FOUR_HOURS))
                .setWaterTemperature(21.2)
                .setPh(7.95)
                .setDissolvedOxygen(6.00)
                .setConductivity(210.5)
                .setCodMn(2.76)
                .setAmmoniaNitrogen(0.025)
                .setTotalPhosphorus(0.010)
                .setTotalNitrogen(2.35)
                .setAlgalDensity(1380000.0)
                .setPublishedClass("II")
                .setStatus("正常")
                .build(),
            // 莱芜市 is part of Jinan
            automatic("HUANG-05", "jinan", Instant.parse("2023-02-28T20:00:00Z"))
                .setWaterTemperature(9.0)
                .setPh(8.25)
                .setDissolvedOxygen(13.44)
                .setConductivity(1216.7)
                .setTurbidity(21.5)
                .setCodMn(3.46)
                .setAmmoniaNitrogen(0.025)
                .setTotalPhosphorus(0.024)
                .setTotalNitrogen(9.28)
                .setPublishedClass("II")
                .setStatus("正常")
                .build());
  }

  @Test
  void shouldReportARowWithABadTime() {
    Path file = cnemcWater(dir);

    readAllWater(ReplayFormat.CNEMC_WATER, file, badLines);

    assertThat(badLines.examples())
        .containsExactly(
            new BadLine(file, 8, BadLineReason.BAD_TIME, "observed_at '2023/6/10 8:00'"));
  }

  @Test
  void shouldKnowEveryStationOfTheListBeforeReadingAndMapItsCityAndWaterBody() throws IOException {
    Path file = cnemcWater(dir);

    assertThat(ReplayFormat.CNEMC_WATER.scanStations(file).values())
        .containsExactly(
            station("HAI-01", "三角洼水库", "binzhou", "滨州", WaterBodyType.RIVER, "幸福河"),
            station("HAI-04", "北湖", "liaocheng", "聊城", WaterBodyType.LAKE, "高唐湖"),
            station("HUAI-22", "崂山水库中心", "qingdao", "青岛", WaterBodyType.LAKE, "崂山水库"),
            station("HUANG-05", "贺小庄", "jinan", "济南", WaterBodyType.RIVER, "牟汶河"));
  }

  @Test
  void shouldRefuseAFileWithoutItsStationList() {
    Path alone = sample(dir, CNEMC_WATER);

    assertThatThrownBy(() -> ReplayFormat.CNEMC_WATER.openWater(alone, badLines))
        .isInstanceOf(ReplayFileException.class)
        .hasMessageContaining("stations.csv")
        .hasMessageContaining(
            "cnemc-water reads the station list stations.csv next to the readings");
  }

  @Test
  void shouldLeaveTheStationListOutOfADirectory() {
    Path file = cnemcWater(dir);

    assertThat(ReplayFiles.expand(List.of(dir), ReplayFormat.CNEMC_WATER)).containsExactly(file);
  }

  private static WaterSample.Builder automatic(String station, String city, Instant at) {
    return WaterSample.newBuilder()
        .setStationId(station)
        .setCityId(city)
        .setSampledAt(at)
        .setMethod(SamplingMethod.AUTOMATIC);
  }

  private static Station station(
      String id, String name, String city, String cityName, WaterBodyType body, String bodyName) {
    return Station.newBuilder()
        .setStationId(id)
        .setName(name)
        .setKind(StationKind.WATER)
        .setCityId(city)
        .setCityName(cityName)
        .setProvince("Shandong")
        .setNational(true)
        .setWaterBody(body)
        .setWaterBodyName(bodyName)
        .build();
  }
}
