package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecostream.localkafka.KafkaBrokerFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real days of the national platform's daily city files ({@code china-cities/}, 2023-01-14 …
 * 16, all 375 columns) replayed through the real broker and the production topology, and the report
 * of 2023-01-14 and 15 held to figures worked out by hand from the files.
 *
 * <p>How the expected figures were worked out: a city's day is the mean of its values of hours 1–23
 * of the day and hour 0 of the next (hour-ending), rounded to whole µg/m³ half to even (GB/T 8170);
 * the two days' rounded values are averaged and rounded the same way. Beijing's PM2.5: 2023-01-14
 * has 23 hours (hour 21 missing) summing to 65, 2.826 → 3; 2023-01-15 24 hours summing to 162, 6.75
 * → 7; (3 + 7) / 2 = 5. A province is the mean of its prefecture-level cities' rounded figures,
 * rounded again: Hebei's 11 prefectures (雄安新区, a new area, does not count) have PM2.5 18, 10, 14,
 * 23, 14, 10, 12, 6, 13, 12, 28, mean 14.55 → 15.
 */
class NationalReplayIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private PipelineOnBroker pipeline;

  @BeforeEach
  void startPipeline() {
    pipeline = PipelineOnBroker.start(kafka, "national", dir.resolve("state"));
  }

  @AfterEach
  void stopPipeline() {
    pipeline.close();
  }

  @Test
  void shouldReportCitiesProvincesAndTheCountryAsWorkedOutByHand() throws Exception {
    Path files = Path.of(NationalReplayIT.class.getResource("china-cities").toURI());

    CliRun run =
        CliRun.of(
            "replay",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic-prefix",
            pipeline.prefix(),
            "--application-id",
            pipeline.applicationId(),
            "--format",
            "cnemc-daily",
            "--report",
            "json",
            "--period",
            "2023-01-14..2023-01-15",
            files.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, JsonNode> lines = new HashMap<>();
    for (String line : run.out().lines().toList()) {
      JsonNode figures = JSON.readTree(line);
      lines.put(figures.get("city").asText(), figures);
    }
    JsonNode beijing = lines.get("beijing");
    assertThat(beijing.get("validDays").asInt()).isEqualTo(2);
    // daily values 2.826 -> 3 and 6.75 -> 7; PM10 8.739 -> 9 and 22.375 -> 22, 15.5 -> 16 (half to
    // even)
    assertThat(concentrations(beijing)).containsExactly(5, 16, 2, 7);
    // daily values PM2.5 17.696 -> 18 and 18.542 -> 19, 18.5 -> 18; PM10 35.043 -> 35 and
    // 43.958 -> 44, 39.5 -> 40; SO2 3.043 -> 3 and 6.167 -> 6, 4.5 -> 4; NO2 12.435 -> 12 and
    // 19.167 -> 19, 15.5 -> 16
    assertThat(concentrations(lines.get("shijiazhuang"))).containsExactly(18, 40, 4, 16);
    JsonNode hebei = lines.get("Hebei");
    assertThat(hebei.get("cities").asInt()).isEqualTo(11);
    // PM10 40, 29, 30, 46, 36, 22, 30, 20, 33, 37, 36: 32.64 -> 33; SO2 4, 4, 5, 7, 6, 5, 6, 6, 6,
    // 8,
    // 6: 5.73 -> 6; NO2 16, 11, 12, 15, 18, 7, 12, 16, 18, 16, 16: 14.27 -> 14
    assertThat(concentrations(hebei)).containsExactly(15, 33, 6, 14);
    assertThat(lines).containsKeys("Shandong", "Xinjiang", "China");
    assertThat(lines.get("China").get("cities").asInt())
        .as("the prefecture-level columns with data on these days")
        .isBetween(330, 336);
  }

  private static int[] concentrations(JsonNode figures) {
    return new int[] {
      figures.get("pm25").asInt(),
      figures.get("pm10").asInt(),
      figures.get("so2").asInt(),
      figures.get("no2").asInt()
    };
  }
}
