package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.SHANDONG;
import static io.ecostream.producer.fixtures.ReplayFixtures.file;
import static io.ecostream.producer.fixtures.ReplayFixtures.readAll;
import static io.ecostream.producer.fixtures.ReplayFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.producer.catalog.StationCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnemcCityReaderTest {

  /** 2022-12-31 22:00–23:00 Beijing, published as 2022-12-31 hour 23. */
  private static final Instant LABEL_DEC31_H23 = Instant.parse("2022-12-31T14:00:00Z");

  /** 2022-12-31 23:00–24:00 Beijing, published as 2023-01-01 hour 0. */
  private static final Instant LABEL_JAN1_H0 = Instant.parse("2022-12-31T15:00:00Z");

  /** 2023-01-01 00:00–01:00 Beijing, published as 2023-01-01 hour 1. */
  private static final Instant LABEL_JAN1_H1 = Instant.parse("2022-12-31T16:00:00Z");

  @TempDir Path dir;

  private final BadLines badLines = new BadLines();

  @Test
  void shouldGatherTheRowsOfAnHourIntoOneReadingPerCityShiftedToTheHourStart() {
    List<AirReading> readings = readAll(ReplayFormat.CNEMC_CITY, sample(dir, SHANDONG), badLines);

    assertThat(readings)
        .containsExactly(
            new AirReading(
                "SD-Binzhou-city", "binzhou", LABEL_DEC31_H23, 88.0, 120.0, null, null, 1.25, null),
            new AirReading(
                "SD-Weihai-city", "weihai", LABEL_DEC31_H23, 20.0, null, null, null, null, null),
            new AirReading(
                "SD-Binzhou-city", "binzhou", LABEL_JAN1_H0, 92.0, null, 12.0, 40.0, 1.3, 15.0),
            new AirReading(
                "SD-Weihai-city", "weihai", LABEL_JAN1_H0, 22.0, 35.0, null, null, null, 50.0),
            new AirReading(
                "SD-Weihai-city", "weihai", LABEL_JAN1_H1, 21.0, null, null, null, null, null));
  }

  @Test
  void shouldSkipAndReportUnknownTypesBadValuesRowsOutOfOrderAndDuplicates() {
    Path file = sample(dir, SHANDONG);

    readAll(ReplayFormat.CNEMC_CITY, file, badLines);

    assertThat(badLines.examples())
        .containsExactly(
            new BadLine(file, 19, BadLineReason.UNKNOWN_TYPE, "'PM1'"),
            new BadLine(file, 20, BadLineReason.NOT_A_NUMBER, "PM2.5 'n/a'"),
            new BadLine(
                file, 22, BadLineReason.OUT_OF_ORDER, "2022-12-31 hour 22 after 2023-01-01 hour 1"),
            new BadLine(
                file, 23, BadLineReason.DUPLICATE, "PM2.5 of Weihai given twice in this hour"));
  }

  @Test
  void shouldDescribeEachCityAsAStationWithTheSimulatorsCityIds() throws Exception {
    try (AirReadingReader reader = ReplayFormat.CNEMC_CITY.open(sample(dir, SHANDONG), badLines)) {
      reader.next();
      reader.next();

      assertThat(reader.stations().values())
          .extracting(Station::getStationId, Station::getCityId, Station::getCityName)
          .containsExactly(
              tuple("SD-Binzhou-city", "binzhou", "滨州"), tuple("SD-Weihai-city", "weihai", "威海"));
      assertThat(reader.stations().values())
          .allSatisfy(
              s -> {
                assertThat(StationCatalog.shandong().city(s.getCityId())).isPresent();
                assertThat(s.getProvince()).isEqualTo("Shandong");
                assertThat(s.getLatitude()).isNotNull();
              });
    }
  }

  @Test
  void shouldKeepACityOutsideTheCatalogueWithoutAProvince() {
    Path file =
        file(
            dir,
            "hebei.csv",
            "date,hour,type,city_en,city_zh,value",
            "2023-01-01,1,PM2.5,Shijiazhuang,石家庄,140");

    List<AirReading> readings = readAll(ReplayFormat.CNEMC_CITY, file, badLines);

    assertThat(readings)
        .extracting(AirReading::getStationId, AirReading::getCityId, AirReading::getHourStart)
        .containsExactly(tuple("CN-Shijiazhuang-city", "shijiazhuang", LABEL_JAN1_H1));
  }
}
