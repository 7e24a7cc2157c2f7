package io.ecostream.producer.replay;

import static io.ecostream.producer.fixtures.ReplayFixtures.WATER;
import static io.ecostream.producer.fixtures.ReplayFixtures.file;
import static io.ecostream.producer.fixtures.ReplayFixtures.readAllWater;
import static io.ecostream.producer.fixtures.ReplayFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaterCsvReaderTest {

  @TempDir Path dir;

  private final BadLines badLines = new BadLines();

  @Test
  void shouldReadEveryItemByNameLeavingBlanksUnmeasured() {
    Path file = sample(dir, WATER);

    assertThat(readAllWater(ReplayFormat.WATER_CSV, file, badLines))
        .containsExactly(
            // 2024-01-10 09:35 Beijing
            manual("BZ-W01", "2024-01-10T01:35:00Z")
                .setPh(7.92)
                .setDissolvedOxygen(10.41)
                .setCodMn(2.35)
                .setCod(11.2)
                .setBod5(1.9)
                .setAmmoniaNitrogen(0.061)
                .setTotalPhosphorus(0.018)
                .setTotalNitrogen(1.62)
                .setFluoride(0.52)
                .setPetroleum(0.01)
                .build(),
            // "2024-01-10 10:05", with a space; city "Binzhou" read in lower case
            manual("BZ-W02", "2024-01-10T02:05:00Z")
                .setPh(8.01)
                .setDissolvedOxygen(9.87)
                .setCodMn(4.12)
                .setCod(18.6)
                .setBod5(3.4)
                .setAmmoniaNitrogen(0.412)
                .setTotalPhosphorus(0.094)
                .setTotalNitrogen(3.05)
                .setFluoride(0.61)
                .build(),
            // a sea point: seawater COD, inorganic N and active phosphate; city 滨州
            manual("BZ-S01", "2024-01-15T01:10:00Z")
                .setPh(8.12)
                .setDissolvedOxygen(7.95)
                .setCod(1.24)
                .setAmmoniaNitrogen(0.031)
                .setInorganicNitrogen(0.215)
                .setActivePhosphate(0.0112)
                .setPetroleum(0.018)
                .build());
  }

  @Test
  void shouldSkipAndReportBadNumbersAndUnknownKinds() {
    Path file = sample(dir, WATER);

    readAllWater(ReplayFormat.WATER_CSV, file, badLines);

    assertThat(badLines.examples())
        .containsExactly(
            new BadLine(file, 4, BadLineReason.NOT_A_NUMBER, "cod 'x'"),
            new BadLine(
                file, 5, BadLineReason.UNKNOWN_VALUE, "kind 'pond' (lake, reservoir, river, sea)"));
  }

  @Test
  void shouldMakeWaterStationsFromTheFirstLineWithTheCityOfTheCatalogue() throws IOException {
    try (ReplayReader<WaterSample> reader =
        ReplayFormat.WATER_CSV.openWater(sample(dir, WATER), badLines)) {
      while (reader.next() != null) {}

      assertThat(reader.stations().values())
          .containsExactly(
              station("BZ-W01", WaterBodyType.RESERVOIR, true),
              station("BZ-W02", WaterBodyType.RIVER, false),
              station("BZ-S01", WaterBodyType.SEA, false));
    }
  }

  @Test
  void shouldTakeAMissingColumnAsNotMeasuredAndTheMethodFromItsOptionalColumn() {
    Path file =
        file(
            dir,
            "few.csv",
            "station_id,city,kind,sampled_at,nh3n,method",
            "QD-W01,qingdao,river,2024-02-10T09:00,0.25,",
            "QD-W01,qingdao,river,2024-02-10T12:00,0.31,automatic",
            "QD-W01,qingdao,river,2024-02-10T16:00,0.30,by hand");

    assertThat(readAllWater(ReplayFormat.WATER_CSV, file, badLines))
        .containsExactly(
            WaterSample.newBuilder()
                .setStationId("QD-W01")
                .setCityId("qingdao")
                .setSampledAt(Instant.parse("2024-02-10T01:00:00Z"))
                .setMethod(SamplingMethod.MANUAL)
                .setAmmoniaNitrogen(0.25)
                .build(),
            WaterSample.newBuilder()
                .setStationId("QD-W01")
                .setCityId("qingdao")
                .setSampledAt(Instant.parse("2024-02-10T04:00:00Z"))
                .setMethod(SamplingMethod.AUTOMATIC)
                .setAmmoniaNitrogen(0.31)
                .build());
    assertThat(badLines.examples())
        .containsExactly(
            new BadLine(
                file, 4, BadLineReason.UNKNOWN_VALUE, "method 'by hand' (automatic, manual)"));
  }

  @Test
  void shouldRefuseAFileWithoutTheRequiredColumnsOrAnyMeasuredItem() {
    Path air = file(dir, "air.csv", "station_id,city_id,hour_start,pm25");
    Path nothing = file(dir, "nothing.csv", "station_id,city,kind,sampled_at,notes");

    assertThatThrownBy(() -> ReplayFormat.WATER_CSV.openWater(air, badLines))
        .isInstanceOf(ReplayFileException.class)
        .hasMessageContaining("not a water-csv file: no column city, kind, sampled_at");
    assertThatThrownBy(() -> ReplayFormat.WATER_CSV.openWater(nothing, badLines))
        .isInstanceOf(ReplayFileException.class)
        .hasMessageContaining("not a water-csv file: no measured column (ph, do, codmn");
  }

  private static WaterSample.Builder manual(String station, String sampledAt) {
    return WaterSample.newBuilder()
        .setStationId(station)
        .setCityId("binzhou")
        .setSampledAt(Instant.parse(sampledAt))
        .setMethod(SamplingMethod.MANUAL);
  }

  private static Station station(String id, WaterBodyType body, boolean drinking) {
    return Station.newBuilder()
        .setStationId(id)
        .setName(id)
        .setKind(StationKind.WATER)
        .setCityId("binzhou")
        .setCityName("滨州")
        .setProvince("Shandong")
        .setWaterBody(body)
        .setDrinkingSource(drinking)
        .build();
  }
}
