package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.file;
import static io.ecostream.producer.fixtures.ReplayFixtures.gzip;
import static io.ecostream.producer.fixtures.ReplayFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.producer.fixtures.RecordingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnemcDailyReaderTest {

  /** 2022-12-31 23:00–24:00 Beijing, published in the file of 2023-01-01 as hour 0. */
  private static final Instant JAN1_H0 = Instant.parse("2022-12-31T15:00:00Z");

  /** 2023-01-01 00:00–01:00 Beijing, published as 2023-01-01 hour 1. */
  private static final Instant JAN1_H1 = Instant.parse("2022-12-31T16:00:00Z");

  /** 2023-01-01 23:00–24:00 Beijing, published in the file of 2023-01-02 as hour 0. */
  private static final Instant JAN2_H0 = Instant.parse("2023-01-01T15:00:00Z");

  @TempDir Path dir;

  private final BadLines badLines = new BadLines();

  /**
   * Day one: 济南 complete in hour 0, 六安 without PM10, 雄安新区 empty throughout (no reading); hour 1 has
   * PM2.5 and CO of 济南 only. The AQI row is skipped.
   */
  private Path dayOne() {
    return file(
        dir,
        "china_cities_20230101.csv",
        "date,hour,type,济南,六安,雄安新区",
        "20230101,0,AQI,80,60,",
        "20230101,0,PM2.5,55,40,",
        "20230101,0,PM10,90,,",
        "20230101,0,SO2,8,6,",
        "20230101,0,NO2,30,20,",
        "20230101,0,O3,12,25,",
        "20230101,0,CO,0.90,0.70,",
        "20230101,1,AQI,81,,",
        "20230101,1,PM2.5,60,,",
        "20230101,1,CO,1.10,,");
  }

  /** Day two, gzipped: 六安 gone, 雄安新区 now reporting, and the columns in another order. */
  private Path dayTwo() throws IOException {
    Path plain =
        file(
            dir,
            "china_cities_20230102.csv",
            "date,hour,type,雄安新区,济南",
            "20230102,0,PM2.5,33,70",
            "20230102,0,O3,,5");
    Path gzipped = gzip(plain);
    Files.delete(plain);
    return gzipped;
  }

  @Test
  void shouldMakeOneReadingPerCityAndHourShiftedFromHourEnding() {
    List<AirReading> readings = readAll(ReplayFormat.CNEMC_DAILY, dayOne(), badLines);

    assertThat(readings)
        .containsExactly(
            new AirReading("CN-jinan-city", "jinan", JAN1_H0, 55.0, 90.0, 8.0, 30.0, 0.9, 12.0),
            new AirReading("CN-luan-city", "luan", JAN1_H0, 40.0, null, 6.0, 20.0, 0.7, 25.0),
            new AirReading("CN-jinan-city", "jinan", JAN1_H1, 60.0, null, null, null, 1.1, null));
    assertThat(badLines.total()).isZero();
  }

  @Test
  void shouldFindTheColumnsByNameInAGzippedFileWhoseColumnsChanged() throws IOException {
    List<AirReading> readings = readAll(ReplayFormat.CNEMC_DAILY, dayTwo(), badLines);

    assertThat(readings)
        .containsExactly(
            new AirReading(
                "CN-xionganxinqu-city",
                "xionganxinqu",
                JAN2_H0,
                33.0,
                null,
                null,
                null,
                null,
                null),
            new AirReading("CN-jinan-city", "jinan", JAN2_H0, 70.0, null, null, null, null, 5.0));
  }

  @Test
  void shouldSendDaysGivenInReverseOrderInEventTimeOrder() throws IOException {
    RecordingSink sink = new RecordingSink();

    Replay.run(ReplaySettings.of(ReplayFormat.CNEMC_DAILY, List.of(dayTwo(), dayOne())), sink);

    assertThat(sink.air)
        .extracting(AirReading::getStationId, AirReading::getHourStart, AirReading::getPm25)
        .containsExactly(
            tuple("CN-jinan-city", JAN1_H0, 55.0),
            tuple("CN-luan-city", JAN1_H0, 40.0),
            tuple("CN-jinan-city", JAN1_H1, 60.0),
            tuple("CN-jinan-city", JAN2_H0, 70.0),
            tuple("CN-xionganxinqu-city", JAN2_H0, 33.0));
  }

  @Test
  void shouldDescribeEachCityWithItsProvince() throws IOException {
    RecordingSink sink = new RecordingSink();

    Replay.run(ReplaySettings.of(ReplayFormat.CNEMC_DAILY, List.of(dayOne(), dayTwo())), sink);

    assertThat(sink.stations)
        .extracting(
            Station::getStationId, Station::getCityId, Station::getCityName, Station::getProvince)
        .containsExactlyInAnyOrder(
            tuple("CN-jinan-city", "jinan", "济南", "Shandong"),
            tuple("CN-luan-city", "luan", "六安", "Anhui"),
            tuple("CN-xionganxinqu-city", "xionganxinqu", "雄安新区", "Hebei"));
    assertThat(sink.stations)
        .filteredOn(s -> s.getCityId().equals("jinan"))
        .extracting(Station::getLatitude)
        .containsExactly(36.651);
  }

  @Test
  void shouldTakeTheDayFilesOfADirectoryWithoutItsCityList() throws IOException {
    dayOne();
    dayTwo();
    file(dir, "README.md", "not data");
    file(dir, "cities.csv", "city_zh,province,province_zh,level", "济南,Shandong,山东,prefecture");

    assertThat(ReplayFiles.expand(List.of(dir), ReplayFormat.CNEMC_DAILY))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("china_cities_20230101.csv", "china_cities_20230102.csv.gz");
  }

  @Test
  void shouldSkipAndReportMalformedRowsWhole() {
    Path file =
        file(
            dir,
            "china_cities_20230103.csv",
            "date,hour,type,济南,六安",
            "20230103,1,PM2.5,50,41",
            "20230103,1,PM10,abc,77",
            "20230103,1,PM2.5,51,42",
            "20230103,2,SO2,9,",
            "20230103,1,NO2,20,21",
            "20230103,2,PM1,5,5",
            "20230103,2,CO,1.00",
            "20230103,25,CO,1.00,1.10",
            "2023-01-03,2,CO,1.00,1.10");

    List<AirReading> readings = readAll(ReplayFormat.CNEMC_DAILY, file, badLines);

    // Only the good rows: PM2.5 of hour 1 (00:00-01:00 Beijing on the 3rd), SO2 of hour 2.
    assertThat(readings)
        .containsExactly(
            new AirReading(
                "CN-jinan-city",
                "jinan",
                Instant.parse("2023-01-02T16:00:00Z"),
                50.0,
                null,
                null,
                null,
                null,
                null),
            new AirReading(
                "CN-luan-city",
                "luan",
                Instant.parse("2023-01-02T16:00:00Z"),
                41.0,
                null,
                null,
                null,
                null,
                null),
            new AirReading(
                "CN-jinan-city",
                "jinan",
                Instant.parse("2023-01-02T17:00:00Z"),
                null,
                null,
                9.0,
                null,
                null,
                null));
    assertThat(badLines.examples())
        .containsExactly(
            new BadLine(file, 3, BadLineReason.NOT_A_NUMBER, "PM10 of 济南 'abc'"),
            new BadLine(file, 4, BadLineReason.DUPLICATE, "PM2.5 given twice in this hour"),
            new BadLine(
                file, 6, BadLineReason.OUT_OF_ORDER, "20230103 hour 1 after 20230103 hour 2"),
            new BadLine(file, 7, BadLineReason.UNKNOWN_TYPE, "'PM1'"),
            new BadLine(file, 8, BadLineReason.COLUMN_COUNT, "4 columns, the header has 5"),
            new BadLine(file, 9, BadLineReason.BAD_TIME, "20230103 hour 25"),
            new BadLine(file, 10, BadLineReason.BAD_TIME, "2023-01-03 hour 2"));
  }

  @Test
  void shouldLeaveOutAndCountTheValuesOfAColumnOutsideTheCatalogue() throws IOException {
    Path file =
        file(
            dir,
            "china_cities_20230104.csv",
            "date,hour,type,济南,新城",
            "20230104,1,PM2.5,50,41",
            "20230104,1,PM10,70,");

    try (AirReadingReader reader = ReplayFormat.CNEMC_DAILY.open(file, badLines)) {
      assertThat(reader.next())
          .isEqualTo(
              new AirReading(
                  "CN-jinan-city",
                  "jinan",
                  Instant.parse("2023-01-03T16:00:00Z"),
                  50.0,
                  70.0,
                  null,
                  null,
                  null,
                  null));
      assertThat(reader.next()).isNull();
      assertThat(reader.skipped())
          .containsExactly(Map.entry("values of columns not in the city catalogue", 1L));
    }
  }
}
