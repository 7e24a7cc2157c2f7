package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.GENERIC;
import static io.ecostream.producer.fixtures.ReplayFixtures.file;
import static io.ecostream.producer.fixtures.ReplayFixtures.readAll;
import static io.ecostream.producer.fixtures.ReplayFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericCsvReaderTest {

  /** 2024-01-15 10:00 Beijing. */
  private static final Instant TEN = Instant.parse("2024-01-15T02:00:00Z");

  @TempDir Path dir;

  private final BadLines badLines = new BadLines();

  @Test
  void shouldReadColumnsByNameInAnyOrderAndPassImplausibleValuesThrough() {
    List<AirReading> readings = readAll(ReplayFormat.CSV, sample(dir, GENERIC), badLines);

    assertThat(readings)
        .containsExactly(
            new AirReading("BZ-X01", "binzhou", TEN, 35.0, 60.0, null, null, 0.6, null),
            new AirReading("QD-X01", "qingdao", TEN, null, 40.0, null, null, 0.4, null),
            new AirReading(
                "BZ-X01", "binzhou", TEN.plusSeconds(3600), -5.0, 9999.0, null, null, null, null),
            new AirReading(
                "HB-X01", "hebi", TEN.plusSeconds(7200), 30.0, 50.0, null, null, null, null));
  }

  @Test
  void shouldSkipAndReportTimesOffTheHourBadNumbersAndRowsWithoutAStation() {
    Path file = sample(dir, GENERIC);

    readAll(ReplayFormat.CSV, file, badLines);

    assertThat(badLines.examples())
        .containsExactly(
            new BadLine(
                file,
                5,
                BadLineReason.BAD_TIME,
                "hour_start '2024-01-15T11:30' is not on the hour"),
            new BadLine(file, 6, BadLineReason.NOT_A_NUMBER, "pm25 'x'"),
            new BadLine(file, 7, BadLineReason.MISSING_STATION, "empty station_id"));
  }

  @Test
  void shouldTakeStationMetadataFromTheOptionalColumnsElseFromTheCatalogue() throws Exception {
    try (AirReadingReader reader = ReplayFormat.CSV.open(sample(dir, GENERIC), badLines)) {
      while (reader.next() != null) {
        // read to the end
      }

      assertThat(reader.stations().values())
          .extracting(
              Station::getStationId, Station::getName, Station::getCityName, Station::getProvince)
          .containsExactly(
              tuple("BZ-X01", "滨州一站", "滨州", "Shandong"),
              tuple("QD-X01", "QD-X01", "青岛", "Shandong"),
              tuple("HB-X01", "HB-X01", "hebi", "Henan"));
    }
  }

  @Test
  void shouldRefuseAFileWithoutTheRequiredColumnsOrAnyPollutant() {
    Path noTime = file(dir, "a.csv", "station_id,city_id,pm25");
    Path noPollutant = file(dir, "b.csv", "station_id,city_id,hour_start,temperature");

    assertThatThrownBy(() -> ReplayFormat.CSV.open(noTime, badLines))
        .isInstanceOf(ReplayFileException.class)
        .hasMessage(
            noTime
                + ": not a csv file: no column hour_start in the header [station_id, city_id,"
                + " pm25]");
    assertThatThrownBy(() -> ReplayFormat.CSV.open(noPollutant, badLines))
        .isInstanceOf(ReplayFileException.class)
        .hasMessage(
            noPollutant
                + ": not a csv file: no pollutant column (pm25, pm10, so2, no2, co, o3) in the"
                + " header [station_id, city_id, hour_start, temperature]");
  }

  @Test
  void shouldReadAByteOrderMarkAndCrlfLineEnds() {
    Path file =
        file(
            dir,
            "bom.csv",
            "\uFEFFstation_id,city_id,hour_start,o3\r",
            "BZ-X01,binzhou,2024-01-15T10:00,80\r");

    assertThat(readAll(ReplayFormat.CSV, file, badLines))
        .extracting(AirReading::getStationId, AirReading::getO3)
        .containsExactly(tuple("BZ-X01", 80.0));
    assertThat(badLines.total()).isZero();
  }
}
