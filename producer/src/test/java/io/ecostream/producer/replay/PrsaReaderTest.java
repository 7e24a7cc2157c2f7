package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.DONGSI;
import static io.ecostream.producer.fixtures.ReplayFixtures.gzip;
import static io.ecostream.producer.fixtures.ReplayFixtures.readAll;
import static io.ecostream.producer.fixtures.ReplayFixtures.sample;
import static io.ecostream.producer.fixtures.Simulations.beijing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.producer.fixtures.ReplayFixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrsaReaderTest {

  @TempDir Path dir;

  private final BadLines badLines = new BadLines();

  @Test
  void shouldReadHourHAsTheHourStartingAtHOfTheRowsDate() {
    List<AirReading> readings = readAll(ReplayFormat.PRSA, sample(dir, DONGSI), badLines);

    // rows of hours 0, 1, 2 and 6 are well-formed; 00:00 Beijing time is 16:00 UTC the day before
    assertThat(readings)
        .extracting(AirReading::getHourStart)
        .containsExactly(
            Instant.parse("2013-02-28T16:00:00Z"),
            beijing(2013, 3, 1, 1, 0),
            beijing(2013, 3, 1, 2, 0),
            beijing(2013, 3, 1, 6, 0));
  }

  @Test
  void shouldConvertCoFromMicrogramsToMilligramsAndKeepTheOtherValuesAsGiven() {
    List<AirReading> readings = readAll(ReplayFormat.PRSA, sample(dir, DONGSI), badLines);

    assertThat(readings.get(0))
        .isEqualTo(
            new AirReading(
                "BJ-Dongsi",
                "beijing",
                Instant.parse("2013-02-28T16:00:00Z"),
                9.0,
                9.0,
                3.0,
                17.0,
                0.3,
                89.0));
    assertThat(readings.get(3))
        .extracting(AirReading::getPm25, AirReading::getNo2, AirReading::getCo)
        .containsExactly(5.5, 20.5364, 1.2345);
  }

  @Test
  void shouldReadNaAsMissing() {
    List<AirReading> readings = readAll(ReplayFormat.PRSA, sample(dir, DONGSI), badLines);

    assertThat(readings.get(1))
        .extracting(
            AirReading::getPm25,
            AirReading::getSo2,
            AirReading::getNo2,
            AirReading::getCo,
            AirReading::getO3)
        .containsExactly(4.0, null, null, 0.3, null);
    assertThat(readings.get(2).getCo()).isNull();
  }

  @Test
  void shouldSkipAndReportLinesItCannotRead() {
    Path file = sample(dir, DONGSI);

    readAll(ReplayFormat.PRSA, file, badLines);

    assertThat(badLines.total()).isEqualTo(3);
    assertThat(badLines.examples())
        .containsExactly(
            new BadLine(file, 5, BadLineReason.NOT_A_NUMBER, "PM2.5 'abc'"),
            new BadLine(file, 6, BadLineReason.COLUMN_COUNT, "8 columns, the header has 18"),
            new BadLine(file, 7, BadLineReason.BAD_TIME, "2013-2-30 hour 5"));
  }

  @Test
  void shouldReadGzipFilesAsTheyAre() {
    Path plain = sample(dir, DONGSI);

    assertThat(readAll(ReplayFormat.PRSA, gzip(plain), new BadLines()))
        .isEqualTo(readAll(ReplayFormat.PRSA, plain, new BadLines()));
  }

  @Test
  void shouldDescribeItsStationAsABeijingAirStation() throws Exception {
    try (AirReadingReader reader = ReplayFormat.PRSA.open(sample(dir, DONGSI), badLines)) {
      reader.next();

      assertThat(reader.stations().values())
          .containsExactly(
              Station.newBuilder()
                  .setStationId("BJ-Dongsi")
                  .setName("Dongsi")
                  .setKind(StationKind.AIR)
                  .setCityId("beijing")
                  .setCityName("北京")
                  .setProvince("Beijing")
                  .setTimeZone("Asia/Shanghai")
                  .setNational(true)
                  .build());
    }
  }

  @Test
  void shouldRefuseAFileOfAnotherFormatNamingTheMissingColumns() {
    Path other = ReplayFixtures.file(dir, "other.csv", ReplayFixtures.CSV_HEADER);

    assertThatThrownBy(() -> ReplayFormat.PRSA.open(other, badLines))
        .isInstanceOf(ReplayFileException.class)
        .hasMessage(
            other
                + ": not a prsa file: no column year, month, day, hour, station, PM2.5, PM10, SO2,"
                + " NO2, CO, O3 in the header [station_id, city_id, hour_start, pm25, pm10, so2,"
                + " no2, co, o3]");
  }

  @Test
  void shouldRefuseAnEmptyFile() {
    Path empty = ReplayFixtures.file(dir, "empty.csv", "");

    assertThatThrownBy(() -> ReplayFormat.PRSA.open(empty, badLines))
        .isInstanceOf(ReplayFileException.class)
        .hasMessage(empty + ": empty file, expected a header line");
  }
}
