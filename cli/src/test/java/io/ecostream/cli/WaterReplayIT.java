package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecostream.localkafka.KafkaBrokerFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made water-csv file replayed through the real broker and the production topology. */
class WaterReplayIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Binzhou: S1 is the river section of docs/standards.md#section-class-and-shares (class III, CWQI
   * 5.0064516); S2 NH3-N 2.3 (劣V, CWQI 2.3), a year earlier 0.8 (III, CWQI 0.8); S3 a reservoir
   * source with TP 0.08 on the lake limits (IV, not compliant, CWQI 1.6); S4 NH3-N 0.4 and 0.6,
   * mean 0.5 (II, CWQI 0.5); P1 the class-1 sea point of Example 1 in
   * docs/standards.md#worked-water-examples.
   */
  private static final String SAMPLES =
      """
      station_id,city,kind,drinking_source,sampled_at,ph,do,codmn,cod,bod5,nh3n,tp,tn,fluoride,inorganic_n,phosphate,petroleum
      S2,binzhou,river,false,2023-01-10T09:00,,,,,,0.8,,,,,,
      S1,binzhou,river,false,2024-01-05T09:00,7.8,6.2,4.5,18,3.2,0.6,0.15,,,,,
      S2,binzhou,river,false,2024-01-06T09:00,,,,,,2.3,,,,,,
      S3,binzhou,reservoir,true,2024-01-07T09:00,,,,,,,0.08,,,,,
      S4,binzhou,river,false,2024-01-08T09:00,,,,,,0.4,,,,,,
      P1,binzhou,sea,false,2024-01-09T09:00,8.1,6.5,,1.8,,,,,,0.19,0.012,0.02
      S4,binzhou,river,false,2024-01-20T09:00,,,,,,0.6,,,,,,
      """;

  @TempDir Path dir;

  private PipelineOnBroker pipeline;

  @BeforeEach
  void startPipeline() {
    pipeline = PipelineOnBroker.start(kafka, "water", dir.resolve("state"));
  }

  @AfterEach
  void stopPipeline() {
    pipeline.close();
  }

  private CliRun replay(Path file, String report) {
    return CliRun.of(
        "replay",
        "--bootstrap-servers",
        kafka.bootstrapServers(),
        "--topic-prefix",
        pipeline.prefix(),
        "--application-id",
        pipeline.applicationId(),
        "--format",
        "water-csv",
        "--report",
        report,
        file.toString());
  }

  @Test
  void shouldReportTheCityWaterFiguresWorkedOutByHand() throws IOException {
    Path file = Files.writeString(dir.resolve("samples.csv"), SAMPLES);

    CliRun run = replay(file, "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(2);
    JsonNode year2023 = lines.get(0);
    assertThat(year2023.get("year").asInt()).isEqualTo(2023);
    assertThat(year2023.get("sections").asInt()).isEqualTo(1);
    assertThat(year2023.get("goodShare").asDouble()).isEqualTo(100.0);
    assertThat(year2023.get("cwqi").asDouble()).isEqualTo(0.8);
    JsonNode year2024 = lines.get(1);
    assertThat(year2024.get("city").asText()).isEqualTo("binzhou");
    // classes III, 劣V, IV, II
    assertThat(year2024.get("sections").asInt()).isEqualTo(4);
    assertThat(year2024.get("goodShare").asDouble()).isEqualTo(50.0);
    assertThat(year2024.get("classIVShare").asDouble()).isEqualTo(25.0);
    assertThat(year2024.get("classVShare").asDouble()).isEqualTo(0.0);
    assertThat(year2024.get("worseThanVShare").asDouble()).isEqualTo(25.0);
    // (5.0064516 + 2.3 + 1.6 + 0.5) / 4 = 2.3516129
    assertThat(year2024.get("cwqi").asDouble()).isEqualTo(2.3516);
    assertThat(year2024.get("drinkingCompliance").asDouble()).isEqualTo(0.0);
    assertThat(year2024.get("seaGoodShare").asDouble()).isEqualTo(100.0);
  }

  @Test
  void shouldPrintTheClassOfEveryReplayedSample() throws IOException {
    Path file = Files.writeString(dir.resolve("samples.csv"), SAMPLES);

    CliRun run = replay(file, "classes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .containsExactly(
            "station_id,observed_at,class",
            "P1,2024-01-09T09:00:00,一类",
            "S1,2024-01-05T09:00:00,III",
            "S2,2023-01-10T09:00:00,III",
            "S2,2024-01-06T09:00:00,劣V",
            "S3,2024-01-07T09:00:00,IV",
            "S4,2024-01-08T09:00:00,II",
            "S4,2024-01-20T09:00:00,III");
  }
}
